// The browser tests' Chromium (tests/helpers/chromium.ts), its contexts, and signing in.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { DEMO_PASSWORD } from "@/prisma/seed";

import { launchChromium } from "../helpers/chromium";
import { currentStep, totpAt } from "../helpers/totp";

export const e2eSkipReason = process.env.PORTAIL_E2E_SKIP_REASON;

/** `describe`, or a skip that prints why (no Chromium on this machine). */
export const describeE2e: jest.Describe = e2eSkipReason
  ? (((name: string) =>
      describe.skip(`${name} — ignoré : ${e2eSkipReason}`, () => {
        it.todo("Chromium requis");
      })) as unknown as jest.Describe)
  : describe;

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await launchChromium();
  return { browser, close: () => browser.close() };
}

export async function newContext(browser: Browser, baseUrl: string, options: { mobile?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: options.mobile ? { width: 360, height: 740 } : { width: 1280, height: 900 },
  });
}

/** The demo staff accounts' second factor (prisma/seed.ts enrols them with this secret). */
const DEMO_STAFF = new Set(["agent@demo.fr", "admin@demo.fr"]);
const lastStepUsed = new Map<string, number>();

/**
 * A code the portal will accept for this account now: each 30-second step is accepted once, and
 * the portal allows one step of drift either way, so a test that signs the same account in
 * several times picks the next unused step (waiting when it is still too early for it).
 */
export async function nextTotpCode(account: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const current = currentStep();
  // Never the previous step: it leaves the accepted window at the next 30-second boundary, which a
  // slow round trip can cross. The current one stays accepted for 30 to 60 seconds.
  const step = Math.max(current, (lastStepUsed.get(`${secret}|${account}`) ?? -Infinity) + 1);
  const earliest = (step - 1) * 30_000 + 500; // the moment `step` is within the accepted drift
  if (Date.now() < earliest) await new Promise((resolve) => setTimeout(resolve, earliest - Date.now()));
  lastStepUsed.set(`${secret}|${account}`, step);
  return totpAt(secret, step);
}

/**
 * Signs in through the login box. The demo agent and admin then give their second factor
 * (« Code de vérification », « Vérifier »); pass `totpSecret` for another staff account.
 */
export async function login(page: Page, email: string, password: string, options: { totpSecret?: string } = {}): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Identifiant").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: /Connexion/ }).click();
  const secret = options.totpSecret ?? (DEMO_STAFF.has(email) ? DEMO_TOTP_SECRET : undefined);
  if (!secret) return;
  await page.waitForURL("**/connexion/verification");
  await page.getByLabel("Code de vérification").fill(await nextTotpCode(email, secret));
  await page.getByRole("button", { name: "Vérifier" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/** Waits until the first element `locator` finds is visible (15 s at most). */
export async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}

/** Signs in through the login box and waits for the home page: /admin for staff, /espace for a parent. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  options: { totpSecret?: string } = {},
): Promise<void> {
  await login(page, email, password, options);
  await page.waitForURL(DEMO_STAFF.has(email) || options.totpSecret ? "**/admin" : "**/espace");
}

/** A page in a fresh context of its own (`mobile`: a phone's viewport), signed in (signIn). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
  options: { mobile?: boolean } = {},
): Promise<Page> {
  const page = await (await newContext(browser, baseUrl, options)).newPage();
  await signIn(page, email, password);
  return page;
}

/** A fresh context of its own, signed in (signIn) and left with no page open: its cookies are the session. */
export async function signedInContext(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  await signIn(page, email);
  await page.close();
  return context;
}

/**
 * The page's title once it has one. After a client-side navigation Next streams the new page's
 * metadata in after its body, so the heading can show before the <title> is back (5 s at most;
 * an empty title is returned as it is, for the caller's assertion to fail on).
 */
export async function titleOf(page: Page): Promise<string> {
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => undefined);
  return page.title();
}

/** axe-core's WCAG 2.1 A/AA rules; returns the violations (an empty list is the goal). */
export async function accessibilityViolations(page: Page) {
  // Let the <title> return before judging the page (a page that never gets one still fails, on document-title).
  await titleOf(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

// Issue #10's browser checks of signing in and out: a login without JavaScript, the open
// redirects, a copied cookie after « Se déconnecter », the staff second factor (enrolment, login,
// recovery code, an admin's reset), the parent's « Dernières connexions ».
import type { Browser, BrowserContext, Page } from "playwright-core";

import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";

import { currentStep, totpAt } from "../helpers/totp";
import { accessibilityViolations, describeE2e, login, newContext, signedInPage } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";

const NEW_AGENT = { email: "nouvel.agent@mairie.test", password: "une phrase de passe d'agent" };

const OPEN_REDIRECTS = [
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "https:evil.example",
  "https://evil.example/",
  "javascript:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
  "/%255Cevil.example",
  "/%252F%252Fevil.example",
];

describeE2e("signing in and out, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  withPortalAndBrowser(
    {
      prepare: async (database) => {
        // A staff member who has never signed in: the first login enrols the second factor.
        await database.prisma.user.create({
          data: {
            email: NEW_AGENT.email,
            passwordHash: await hashPassword(NEW_AGENT.password),
            role: "AGENT",
            firstName: "Noé",
            lastName: "NOUVEL",
            activatedAt: new Date(),
          },
        });
      },
    },
    (journey) => ({ browser, portal } = journey),
  );

  it("signs a parent in with JavaScript turned off, and no password ever appears in a URL", async () => {
    const context = await browser.newContext({ baseURL: portal.baseUrl, javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto("/connexion");
    await submitPassword(page, DEMO_ACCOUNTS.parent, "pas le bon mot de passe");
    await page.getByText("Identifiant ou mot de passe incorrect.").waitFor();
    // The e-mail typed is kept; the password is not sent back.
    expect(await page.getByLabel("Identifiant").inputValue()).toBe(DEMO_ACCOUNTS.parent);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Connexion/ }).click();
    await page.waitForURL("**/espace");
    await page.getByText("TEST JULIEN", { exact: false }).first().waitFor();
    expect(urls.filter((url) => /password|mot-de-passe=|portail-demo/i.test(url))).toEqual([]);
    // « Se déconnecter » is a form too.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect((await context.request.get("/espace", { maxRedirects: 0 })).status()).toBe(307);
    await context.close();
  });

  it("says which field is empty instead of « incorrect »", async () => {
    const context = await newContext(browser, portal.baseUrl);
    const page = await context.newPage();
    await page.goto("/connexion");
    await page.getByRole("button", { name: /Connexion/ }).click();
    await page.getByText("Saisissez votre identifiant (votre adresse e-mail).").waitFor();
    await page.getByText("Saisissez votre mot de passe.").waitFor();
    expect(await page.getByLabel("Identifiant").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  });

  it("never leaves the portal after login, whatever callbackUrl says", async () => {
    const origin = new URL(portal.baseUrl).origin;
    const context = await newContext(browser, portal.baseUrl);
    for (const value of OPEN_REDIRECTS) {
      const page = await context.newPage();
      await page.goto(`/connexion?callbackUrl=${encodeURIComponent(value)}`);
      await submitPassword(page, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === "/espace" || url.origin !== origin, { timeout: 15_000 });
      expect([value, new URL(page.url()).origin, new URL(page.url()).pathname]).toEqual([value, origin, "/espace"]);
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.close();
    }
    // A page of the portal asked for is where the parent lands.
    const page = await context.newPage();
    await page.goto(`/connexion?callbackUrl=${encodeURIComponent("/espace/documents")}`);
    await submitPassword(page, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await page.waitForURL("**/espace/documents");
    await context.close();
  });

  it("ends the session on the server at logout: a copy of the cookie no longer opens anything", async () => {
    const page = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const context = page.context();
    const copied = await context.cookies();
    expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

    const thief = await browser.newContext({ baseURL: portal.baseUrl });
    await thief.addCookies(copied);
    expect((await thief.request.get("/espace", { maxRedirects: 0 })).status()).toBe(200);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const after = await thief.request.get("/espace", { maxRedirects: 0 });
    // The cookie still decodes (the proxy lets it through), the page's own check refuses it.
    expect([307, 302, 303]).toContain(after.status());
    expect(after.headers().location).toContain("/connexion");
    // next-auth's session route does not bring it back either.
    expect(await (await thief.request.get("/api/auth/session")).json()).toEqual({});
    await Promise.all([thief.close(), context.close()]);
  });

  it("enrols a staff member's second factor on the first login, then signs in with a code and with a recovery code", async () => {
    const context = await newContext(browser, portal.baseUrl);
    const page = await context.newPage();
    await page.goto("/");
    await submitPassword(page, NEW_AGENT.email, NEW_AGENT.password);
    await page.waitForURL("**/connexion/double-facteur");
    // The password alone opens nothing.
    expect((await context.request.get("/admin", { maxRedirects: 0 })).status()).toBe(307);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("img", { name: /Code QR/ }).waitFor();
    const secret = (await page.getByLabel(/^Clé :/).innerText()).replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await page.getByLabel("Code de vérification").fill("000000");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page
      .getByText(/Code de vérification incorrect/)
      .first()
      .waitFor();

    await page.getByLabel("Code de vérification").fill(totpAt(secret, currentStep()));
    await page.getByRole("button", { name: "Vérifier" }).click();
    const codes = page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem");
    await codes.first().waitFor();
    const recoveryCodes = await codes.allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /continuer/ }).click();
    await page.waitForURL("**/admin");
    await signOut(page);

    // Next login: password, then a recovery code.
    await submitPassword(page, NEW_AGENT.email, NEW_AGENT.password);
    await page.waitForURL("**/connexion/verification");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Code de vérification").fill(recoveryCodes[0].toUpperCase());
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL("**/admin");
    await signOut(page);

    // A recovery code serves once.
    await submitPassword(page, NEW_AGENT.email, NEW_AGENT.password);
    await page.waitForURL("**/connexion/verification");
    await page.getByLabel("Code de vérification").fill(recoveryCodes[0]);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page
      .getByText(/Code de vérification incorrect/)
      .first()
      .waitFor();
    // The authenticator's code still works (the next step: the enrolment used the current one).
    await page.getByLabel("Code de vérification").fill(totpAt(secret, currentStep() + 1));
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL("**/admin");
    await context.close();
  });

  it("lets an admin reset a colleague's second factor: the colleague enrols again at the next login", async () => {
    const admin = await newContext(browser, portal.baseUrl);
    const adminPage = await admin.newPage();
    await login(adminPage, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await adminPage.goto("/admin/personnel");
    const row = adminPage.getByRole("listitem").filter({ hasText: NEW_AGENT.email });
    adminPage.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Réinitialiser la double authentification" }).click();
    await row.getByText("à activer à la prochaine connexion").waitFor();
    expect(await accessibilityViolations(adminPage)).toEqual([]);

    await adminPage.goto("/admin/journal");
    await adminPage
      .getByRole("cell", { name: /Double authentification réinitialisée par un administrateur/ })
      .first()
      .waitFor();

    const agent = await newContext(browser, portal.baseUrl);
    const agentPage = await agent.newPage();
    await agentPage.goto("/");
    await submitPassword(agentPage, NEW_AGENT.email, NEW_AGENT.password);
    await agentPage.waitForURL("**/connexion/double-facteur");
    await Promise.all([admin.close(), agent.close()]);
  });

  it("shows the parent their last logins, with the browser and the address", async () => {
    const page = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const context = page.context();
    await page.getByRole("link", { name: "Mes dernières connexions" }).click();
    await page.waitForURL("**/espace/compte");
    const rows = page.getByRole("table", { name: "Dernières connexions à votre compte" }).locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().innerText()).toMatch(/Chrome sur Linux/);
    expect(await rows.first().innerText()).toMatch(/127\.0\.0\.1/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

/** Types an e-mail and password in the login box of the page already open, and submits. */
async function submitPassword(page: Page, email: string, password: string) {
  await page.getByLabel("Identifiant").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: /Connexion/ }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export type { BrowserContext };

// What a browser test file starts from: its own portal (tests/e2e/portal.ts) and Chromium,
// started before its tests and stopped after them, and pages signed in as the demo accounts.
import type { Browser, BrowserContext, Page } from "playwright-core";

import { DEMO_ACCOUNTS } from "@/prisma/seed";

import { launchBrowser, newContext, signIn } from "./browser";
import { startPortal, type Portal, type PortalOptions } from "./portal";

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

export type Journey = {
  portal: Portal;
  browser: Browser;
  /** A fresh context on the portal (cookies of its own); `mobile`: a phone's viewport. */
  newContext(options?: { mobile?: boolean }): Promise<BrowserContext>;
  /** A page of `context`, signed in as the demo `account` and on its home page (/espace, or /admin for staff). */
  signIn(context: BrowserContext, account: DemoAccount): Promise<Page>;
};

/**
 * Starts the file's portal (`options`) and Chromium before its tests, stops both after them;
 * `ready` receives them. With `signIn`, `page` is already signed in as that demo account, in a
 * context of its own (`mobile`: a phone's viewport).
 */
export function withPortalAndBrowser(
  options: PortalOptions & { signIn: DemoAccount; mobile?: boolean },
  ready: (journey: Journey & { page: Page }) => unknown,
): void;
export function withPortalAndBrowser(options: PortalOptions, ready: (journey: Journey) => unknown): void;
export function withPortalAndBrowser(
  options: PortalOptions & { signIn?: DemoAccount; mobile?: boolean },
  ready: (journey: Journey & { page: Page }) => unknown,
): void {
  let portal: Portal | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    portal = await startPortal(options);
    const launched = await launchBrowser();
    close = launched.close;
    const baseUrl = portal.baseUrl;
    const journey: Journey = {
      portal,
      browser: launched.browser,
      newContext: (contextOptions) => newContext(launched.browser, baseUrl, contextOptions),
      async signIn(context, account) {
        const page = await context.newPage();
        await signIn(page, DEMO_ACCOUNTS[account]);
        return page;
      },
    };
    if (!options.signIn) return ready(journey as Journey & { page: Page });
    return ready({
      ...journey,
      page: await journey.signIn(await journey.newContext({ mobile: options.mobile }), options.signIn),
    });
  });
  afterAll(async () => {
    await close?.();
    await portal?.stop();
  });
}

// Debian's Chromium driven by playwright-core (DESIGN.md "Browser tests"): never a downloaded
// browser build. Shared by the browser tests and the scan (scripts/scan.ts).
import { chromium, type Browser } from "playwright-core";

import { CHROMIUM_PATH } from "./probe-services.mjs";

/** Headless, with nothing that would reach outside this machine; each launch gets a fresh, empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

"use client";

import { alignBrowserClock } from "@/lib/clock";

/**
 * Makes the browser's `now()` (lib/clock.ts) follow the server's clock, so that a form's zod
 * schema (a birth date "in the future") judges with the same day as the action; the planning's
 * states come computed from the server anyway. Rendered once by the root layout.
 */
export function BrowserClock({ serverNowMs }: { serverNowMs: number }) {
  alignBrowserClock(serverNowMs);
  return null;
}

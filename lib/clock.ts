// The portal's one clock: the server, the zod schemas and the booking rules read "now" here, never
// `new Date()` (pure functions still take "now" as a parameter; entry points call `now()`).
//
// Tests, and a developer who wants to see another date, pin it:
//   PORTAIL_CLOCK=2027-06-20T09:00:00+02:00   an ISO instant with its offset (or Z)
// The clock reads that instant when the process starts (or at PORTAIL_CLOCK_ANCHOR, a real time in
// epoch milliseconds, so that the seed, the server and the test share one timeline) and runs on
// from there. Outside production it is always honoured; a production server (`next start`, which
// the browser tests run) honours it only with PORTAIL_TEST_CLOCK_ALLOWED=1, set by the test
// harness, and otherwise refuses to start (instrumentation.ts, scripts/prepare-db.ts).
//
// Not for the staff second factor: the authenticator app on the phone follows the real time, so
// lib/auth/second-factor.ts keeps `new Date()`.
//
// In the browser, `now()` follows the server's clock: the root layout hands its instant to
// <BrowserClock>, which records the offset (so a zod schema run by a form agrees with the action).
import { isCalendarDay, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";

export type ClockEnv = Partial<
  Record<"PORTAIL_CLOCK" | "PORTAIL_CLOCK_ANCHOR" | "PORTAIL_TEST_CLOCK_ALLOWED" | "NODE_ENV", string>
>;

/** The pinned clock, when there is one: `pinnedAt` is what the clock read at the real instant `anchorMs`. */
export type ClockSetting = { pinnedAt: Date; anchorMs: number };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ClockSettingError extends Error {}

/**
 * Reads the environment: null when the clock is the real one. Throws when PORTAIL_CLOCK is set
 * where it must not be (production without the test flag) or cannot be read.
 */
export function readClockSetting(env: ClockEnv, processStartMs: number): ClockSetting | null {
  const raw = env.PORTAIL_CLOCK?.trim();
  if (!raw) return null;
  if (env.NODE_ENV === "production" && env.PORTAIL_TEST_CLOCK_ALLOWED !== "1") {
    throw new ClockSettingError(
      "PORTAIL_CLOCK est défini alors que NODE_ENV=production : une mise en production ne démarre pas avec une horloge fixée " +
        "(réservé aux tests, avec PORTAIL_TEST_CLOCK_ALLOWED=1). Retirez PORTAIL_CLOCK de l'environnement.",
    );
  }
  const pinnedAt = new Date(raw);
  if (!INSTANT.test(raw) || !isCalendarDay(raw.slice(0, 10)) || Number.isNaN(pinnedAt.getTime())) {
    throw new ClockSettingError(
      `PORTAIL_CLOCK="${raw}" n'est pas un instant ISO avec son décalage (ex. 2027-06-20T09:00:00+02:00).`,
    );
  }
  const anchorRaw = env.PORTAIL_CLOCK_ANCHOR?.trim();
  const anchorMs = anchorRaw ? Number(anchorRaw) : processStartMs;
  if (!Number.isFinite(anchorMs))
    throw new ClockSettingError(`PORTAIL_CLOCK_ANCHOR="${anchorRaw}" n'est pas un nombre de millisecondes.`);
  return { pinnedAt, anchorMs };
}

const isBrowser = typeof window !== "undefined";
let server: { key: string; setting: ClockSetting | null } | null = null;
let browserOffsetMs = 0;
let alignedOn: number | null = null;

/** The server's setting, read once per value of the environment (tests change it). */
function serverSetting(): ClockSetting | null {
  const env = process.env as ClockEnv;
  const key = [env.PORTAIL_CLOCK, env.PORTAIL_CLOCK_ANCHOR, env.PORTAIL_TEST_CLOCK_ALLOWED, env.NODE_ENV].join("|");
  // performance.timeOrigin: when this process started, the same for every module instance.
  if (server?.key !== key) server = { key, setting: readClockSetting(env, Math.round(performance.timeOrigin)) };
  return server.setting;
}

function offsetMs(): number {
  if (isBrowser) return browserOffsetMs;
  const setting = serverSetting();
  return setting ? setting.pinnedAt.getTime() - setting.anchorMs : 0;
}

/** The portal's current instant. */
export function now(): Date {
  return new Date(Date.now() + offsetMs());
}

/** The portal's current day in Paris. */
export function today(): CalendarDay {
  return parisToday(now());
}

/** Whether PORTAIL_CLOCK pins this server's clock (throws where it is refused). */
export function isClockPinned(): boolean {
  return !isBrowser && serverSetting() !== null;
}

/** At start-up: refuses a clock setting that production must not run with (throws with the reason). */
export function assertClockAllowed(): void {
  if (!isBrowser) serverSetting();
}

/** Browser only: follow the server's clock from now on (`serverNowMs` was read while rendering this page). */
export function alignBrowserClock(serverNowMs: number): void {
  if (!isBrowser || alignedOn === serverNowMs) return; // a re-render with the same instant changes nothing
  alignedOn = serverNowMs;
  browserOffsetMs = serverNowMs - Date.now();
}

// When a mail that could not be sent is tried again (pure: attempts in, a delay out).
//
// The first retry comes 30 s after the first attempt, each later one waits twice as long, capped
// at 4 h; the schedule stops at 48 h: the last attempt is placed at 48 h exactly, then the mail is
// given up (FAILED, for staff to see and resend). The span is counted on the schedule, from the
// number of attempts — not on the wall clock — so that « Renvoyer », which resets the attempts,
// opens a new 48 h window, and time the runner spent away (an instance down) is not held against
// the mail.

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 4 * 60 * 60_000;
export const GIVE_UP_AFTER_MS = 48 * 60 * 60_000;

/** The regular wait after the `attempt`-th failed attempt (1-based): 30 s, 1 min, 2 min… at most 4 h. */
function regularDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 30), MAX_RETRY_MS);
}

/** How far into the schedule the `attempts`-th attempt was made (the first at 0). */
export function scheduleOffsetMs(attempts: number): number {
  let offset = 0;
  for (let attempt = 1; attempt < attempts && offset < GIVE_UP_AFTER_MS; attempt += 1) {
    offset = Math.min(offset + regularDelayMs(attempt), GIVE_UP_AFTER_MS);
  }
  return offset;
}

/**
 * The wait before trying again after `attempts` attempts have failed, or null when the schedule
 * has spanned 48 h and the mail is given up.
 */
export function retryDelayMs(attempts: number): number | null {
  const offset = scheduleOffsetMs(attempts);
  if (offset >= GIVE_UP_AFTER_MS) return null;
  return Math.min(regularDelayMs(attempts), GIVE_UP_AFTER_MS - offset);
}

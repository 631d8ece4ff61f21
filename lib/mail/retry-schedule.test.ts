import { FIRST_RETRY_MS, GIVE_UP_AFTER_MS, MAX_RETRY_MS, retryDelayMs, scheduleOffsetMs } from "./retry-schedule";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("the outbox retry schedule", () => {
  it("retries within the first minute, then waits twice as long each time", () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(FIRST_RETRY_MS).toBeLessThan(MINUTE);
    expect([2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16].map((minutes) => minutes * MINUTE));
  });

  it("never waits more than 4 hours between two attempts", () => {
    expect(retryDelayMs(9)).toBe(128 * MINUTE);
    expect(retryDelayMs(10)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(15)).toBe(4 * HOUR);
  });

  it("places the last attempt at 48 h exactly, then gives up", () => {
    const attempts: number[] = [];
    for (let attempt = 1; retryDelayMs(attempt) !== null; attempt += 1) attempts.push(attempt);
    const last = attempts.length + 1; // the attempt after the last delay
    expect(scheduleOffsetMs(last)).toBe(GIVE_UP_AFTER_MS);
    expect(scheduleOffsetMs(last - 1)).toBeLessThan(GIVE_UP_AFTER_MS);
    expect(retryDelayMs(last)).toBeNull();
    expect(retryDelayMs(last + 5)).toBeNull();
    // 30 s … 128 min (9 delays, 4 h 15 min 30 s), then 4 h ten times, then the 3 h 44 min 30 s left.
    expect(last).toBe(21);
    expect(retryDelayMs(last - 1)).toBe(GIVE_UP_AFTER_MS - scheduleOffsetMs(last - 1));
  });

  it("counts the span on the attempts, so that resetting them (« Renvoyer ») opens a new 48 h window", () => {
    expect(scheduleOffsetMs(1)).toBe(0);
    expect(scheduleOffsetMs(2)).toBe(30_000);
    expect(scheduleOffsetMs(3)).toBe(90_000);
    expect(retryDelayMs(1)).toBe(30_000); // attempts back to 0, one failure: the schedule starts over
  });
});

import { drainMsFromEnv } from "./graceful-shutdown";

describe("the drain before a graceful stop", () => {
  it("lasts SHUTDOWN_DRAIN_SECONDS, 5 s when unset or unreadable, never more than 20 s", () => {
    expect(drainMsFromEnv({})).toBe(5000);
    expect(drainMsFromEnv({ SHUTDOWN_DRAIN_SECONDS: "0" })).toBe(0);
    expect(drainMsFromEnv({ SHUTDOWN_DRAIN_SECONDS: "2.5" })).toBe(2500);
    expect(drainMsFromEnv({ SHUTDOWN_DRAIN_SECONDS: "60" })).toBe(20_000);
    expect(drainMsFromEnv({ SHUTDOWN_DRAIN_SECONDS: "-1" })).toBe(5000);
    expect(drainMsFromEnv({ SHUTDOWN_DRAIN_SECONDS: "bientôt" })).toBe(5000);
  });
});

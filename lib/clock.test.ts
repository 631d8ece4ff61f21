import { ClockSettingError, isClockPinned, now, readClockSetting, today } from "./clock";

describe("the portal's clock", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ["PORTAIL_CLOCK", "PORTAIL_CLOCK_ANCHOR", "PORTAIL_TEST_CLOCK_ALLOWED"] as const) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it("is the real clock when PORTAIL_CLOCK is not set", () => {
    expect(readClockSetting({ NODE_ENV: "development" }, 0)).toBeNull();
    expect(readClockSetting({ PORTAIL_CLOCK: "  ", NODE_ENV: "production" }, 0)).toBeNull();
  });

  it("starts at the pinned instant when the process starts, or at the anchor", () => {
    expect(readClockSetting({ PORTAIL_CLOCK: "2027-06-20T09:00:00+02:00", NODE_ENV: "test" }, 1234)).toEqual({
      pinnedAt: new Date("2027-06-20T07:00:00Z"),
      anchorMs: 1234,
    });
    expect(
      readClockSetting({ PORTAIL_CLOCK: "2027-06-20T09:00:00Z", PORTAIL_CLOCK_ANCHOR: "99", NODE_ENV: "development" }, 1234)
        ?.anchorMs,
    ).toBe(99);
  });

  it("refuses a pinned clock in production unless the test harness allows it", () => {
    expect(() => readClockSetting({ PORTAIL_CLOCK: "2027-06-20T09:00:00+02:00", NODE_ENV: "production" }, 0)).toThrow(
      ClockSettingError,
    );
    expect(() => readClockSetting({ PORTAIL_CLOCK: "2027-06-20T09:00:00+02:00", NODE_ENV: "production" }, 0)).toThrow(
      /NODE_ENV=production/,
    );
    expect(
      readClockSetting(
        { PORTAIL_CLOCK: "2027-06-20T09:00:00+02:00", NODE_ENV: "production", PORTAIL_TEST_CLOCK_ALLOWED: "1" },
        0,
      ),
    ).not.toBeNull();
  });

  it("refuses an instant without its offset, or that is no date", () => {
    for (const value of ["2027-06-20", "2027-06-20T09:00:00", "2027-02-30T09:00:00Z", "demain", "2027-06-20T09:00:00+02:00@5"]) {
      expect(() => readClockSetting({ PORTAIL_CLOCK: value, NODE_ENV: "test" }, 0)).toThrow(ClockSettingError);
    }
    expect(() =>
      readClockSetting({ PORTAIL_CLOCK: "2027-06-20T09:00:00Z", PORTAIL_CLOCK_ANCHOR: "hier", NODE_ENV: "test" }, 0),
    ).toThrow(/PORTAIL_CLOCK_ANCHOR/);
  });

  it("runs on from the pinned instant, and gives the day in Paris (DST-correct)", async () => {
    Object.assign(process.env, { PORTAIL_CLOCK: "2027-10-30T23:59:59.500Z", PORTAIL_CLOCK_ANCHOR: String(Date.now()) });
    expect(isClockPinned()).toBe(true);
    const first = now().getTime();
    expect(first).toBeGreaterThanOrEqual(Date.parse("2027-10-30T23:59:59.500Z"));
    expect(first).toBeLessThan(Date.parse("2027-10-30T23:59:59.500Z") + 1000);
    expect(today()).toBe("2027-10-31"); // 01:59 in Paris, summer time, the night clocks go back
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(now().getTime()).toBeGreaterThan(first);
  });

  it("reads the real time once PORTAIL_CLOCK is gone", () => {
    delete process.env.PORTAIL_CLOCK;
    expect(isClockPinned()).toBe(false);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

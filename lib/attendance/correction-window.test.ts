import { ADMIN_ONLY_CORRECTION_MESSAGE, attendanceWindowProblem, FUTURE_DAY_MESSAGE } from "./correction-window";

describe("the attendance correction window", () => {
  const today = "2026-12-17";

  it("lets an agent mark the day itself and correct it the next day, not later", () => {
    expect(attendanceWindowProblem("AGENT", "2026-12-17", today)).toBeNull();
    expect(attendanceWindowProblem("AGENT", "2026-12-16", today)).toBeNull();
    expect(attendanceWindowProblem("AGENT", "2026-12-15", today)).toBe(ADMIN_ONLY_CORRECTION_MESSAGE);
    // Across a month's end.
    expect(attendanceWindowProblem("AGENT", "2026-11-30", "2026-12-01")).toBeNull();
    expect(attendanceWindowProblem("AGENT", "2026-11-29", "2026-12-01")).toBe(ADMIN_ONLY_CORRECTION_MESSAGE);
  });

  it("lets an admin correct any past day", () => {
    expect(attendanceWindowProblem("ADMIN", "2026-09-02", today)).toBeNull();
  });

  it("refuses a day still to come, to everyone", () => {
    expect(attendanceWindowProblem("ADMIN", "2026-12-18", today)).toBe(FUTURE_DAY_MESSAGE);
    expect(attendanceWindowProblem("AGENT", "2026-12-18", today)).toBe(FUTURE_DAY_MESSAGE);
  });
});

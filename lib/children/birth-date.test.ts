import { BIRTH_DATE_IN_FUTURE, BIRTH_DATE_TOO_OLD, childBirthDateProblem } from "./birth-date";

describe("a child's birth date", () => {
  it("accepts today and any day of the last twenty years", () => {
    expect(childBirthDateProblem("2026-11-26", "2026-11-26")).toBeNull();
    expect(childBirthDateProblem("2019-10-15", "2026-11-26")).toBeNull();
    expect(childBirthDateProblem("2006-11-27", "2026-11-26")).toBeNull(); // 20 tomorrow
  });

  it("refuses a day in the future and a person aged twenty or more", () => {
    expect(childBirthDateProblem("2026-11-27", "2026-11-26")).toBe(BIRTH_DATE_IN_FUTURE);
    expect(childBirthDateProblem("2006-11-26", "2026-11-26")).toBe(BIRTH_DATE_TOO_OLD); // 20 today
    expect(childBirthDateProblem("2006-11-25", "2026-11-26")).toBe(BIRTH_DATE_TOO_OLD);
    expect(childBirthDateProblem("1950-01-01", "2026-11-26")).toBe(BIRTH_DATE_TOO_OLD);
  });
});

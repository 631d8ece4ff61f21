import { easterSunday, frenchPublicHolidays } from "./public-holidays";

describe("French public holidays", () => {
  it("computes Easter Sunday", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("lists the eleven holidays of 2027 with the movable ones", () => {
    const holidays = frenchPublicHolidays(2027);
    expect(holidays).toHaveLength(11);
    const days = holidays.map((holiday) => holiday.day);
    expect(days).toContain("2027-03-29"); // Lundi de Pâques
    expect(days).toContain("2027-05-06"); // Ascension
    expect(days).toContain("2027-05-17"); // Lundi de Pentecôte
    expect(days).toContain("2027-11-11");
  });
});

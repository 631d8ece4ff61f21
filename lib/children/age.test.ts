import { ageInMonths, ageText } from "./age";

describe("ageText, as the dashboard shows it", () => {
  it('says years and months, like the guide\'s "7 ans et 1 mois"', () => {
    expect(ageText("2019-10-15", "2026-11-26")).toBe("7 ans et 1 mois");
    expect(ageText("2016-08-20", "2026-11-26")).toBe("10 ans et 3 mois");
  });

  it("uses the singular for one year and drops zero months", () => {
    expect(ageText("2025-11-26", "2026-11-26")).toBe("1 an");
    expect(ageText("2024-11-26", "2026-11-26")).toBe("2 ans");
    expect(ageText("2025-10-26", "2026-11-26")).toBe("1 an et 1 mois");
  });

  it("counts months only for a baby", () => {
    expect(ageText("2026-09-10", "2026-11-26")).toBe("2 mois");
    expect(ageText("2026-11-20", "2026-11-26")).toBe("0 mois");
  });

  it("does not count a month until its day is reached", () => {
    expect(ageInMonths("2019-10-27", "2026-11-26")).toBe(7 * 12);
    expect(ageInMonths("2019-10-26", "2026-11-26")).toBe(7 * 12 + 1);
  });

  it("reaches a 29 February birthday on 28 February in common years", () => {
    expect(ageText("2020-02-29", "2027-02-27")).toBe("6 ans et 11 mois");
    expect(ageText("2020-02-29", "2027-02-28")).toBe("7 ans");
    expect(ageText("2020-02-29", "2028-02-28")).toBe("7 ans et 11 mois");
    expect(ageText("2020-02-29", "2028-02-29")).toBe("8 ans");
  });

  it("reaches a 31st-of-the-month birthday on a shorter month's last day", () => {
    expect(ageInMonths("2026-01-31", "2026-02-28")).toBe(1);
    expect(ageInMonths("2026-01-31", "2026-02-27")).toBe(0);
  });
});

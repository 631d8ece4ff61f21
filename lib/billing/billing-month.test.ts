import { isBillingMonth, monthEnd, monthFirstDay, monthLabel, ofMonthLabel, previousMonth } from "./billing-month";

describe("invoiced months", () => {
  it("reads only YYYY-MM", () => {
    expect(isBillingMonth("2026-11")).toBe(true);
    expect(isBillingMonth("2026-13")).toBe(false);
    expect(isBillingMonth("2026-1")).toBe(false);
  });

  it("runs from its first day to the first day of the next one", () => {
    expect([monthFirstDay("2026-11"), monthEnd("2026-11")]).toEqual(["2026-11-01", "2026-12-01"]);
    expect(monthEnd("2026-12")).toBe("2027-01-01");
  });

  it("defaults to the month before today's, across a new year", () => {
    expect(previousMonth("2026-12-17")).toBe("2026-11");
    expect(previousMonth("2027-01-01")).toBe("2026-12");
  });

  it("is named in French", () => {
    expect(monthLabel("2026-11")).toBe("novembre 2026");
    expect(monthLabel("2027-08")).toBe("août 2027");
    expect(monthLabel("2026-10-01")).toBe("octobre 2026");
    expect(monthLabel(new Date("2026-12-01T00:00:00Z"))).toBe("décembre 2026");
  });

  it("elides « de » before a vowel", () => {
    expect(ofMonthLabel("2026-11")).toBe("de novembre 2026");
    expect(ofMonthLabel("2026-10-01")).toBe("d'octobre 2026");
    expect(ofMonthLabel(new Date("2026-04-01T00:00:00Z"))).toBe("d'avril 2026");
    expect(ofMonthLabel("2027-08")).toBe("d'août 2027");
  });
});

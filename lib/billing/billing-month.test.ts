import { isBillingMonth, monthEnd, monthFirstDay, monthLabel, previousMonth } from "./billing-month";

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
  });
});

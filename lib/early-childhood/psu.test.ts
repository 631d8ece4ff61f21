// The PSU computation against worked examples (issue #15 point 5 acceptance). Values: the 2026
// barème as seeded (floor 801,00 €, ceiling 7 000,00 €, taux 0,0619 / 0,0516 / 0,0413 / 0,0310 / 0,0206 %).
import {
  amountOfMinutes,
  contractedMinutesOfMonth,
  deductibleIllnessDays,
  effortRate,
  formatEffortRate,
  mensualisation,
  monthInvoiceLines,
  monthlyResourcesCents,
  parseEffortRate,
  psuRate,
  type ContractTerms,
  type PsuValues,
} from "./psu";

const PSU_2026: PsuValues = {
  floorCents: 80_100,
  ceilingCents: 700_000,
  rateOneChild: 619,
  rateTwoChildren: 516,
  rateThreeChildren: 413,
  rateFourChildren: 310,
  rateEightChildren: 206,
};

// Lundi–jeudi 8h30–17h30: 9 h a day, 36 h (2 160 min) a week.
const MON_THU = [1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" }));

describe("monthly resources", () => {
  it("divides the annual resources N-2 by 12, to the cent", () => {
    // 36 000,00 € a year → 3 000,00 € a month.
    expect(monthlyResourcesCents(3_600_000, PSU_2026)).toBe(300_000);
    // 25 000,00 € → 2 083,333… → 2 083,33 €.
    expect(monthlyResourcesCents(2_500_000, PSU_2026)).toBe(208_333);
  });

  it("raises resources below the floor to the floor", () => {
    // 6 000,00 € a year = 500,00 € a month < 801,00 €.
    expect(monthlyResourcesCents(600_000, PSU_2026)).toBe(80_100);
    // 801,00 € × 0,0619 % = 0,4958 € → 0,50 €/h.
    expect(psuRate(PSU_2026, { annualResourcesCents: 600_000, dependentChildren: 1, aeeh: false }).hourlyRateCents).toBe(50);
  });

  it("caps resources above the ceiling at the ceiling", () => {
    // 120 000,00 € a year = 10 000,00 € a month > 7 000,00 €; 7 000 × 0,0619 % = 4,333 → 4,33 €/h.
    expect(monthlyResourcesCents(12_000_000, PSU_2026)).toBe(700_000);
    expect(psuRate(PSU_2026, { annualResourcesCents: 12_000_000, dependentChildren: 1, aeeh: false }).hourlyRateCents).toBe(433);
  });
});

describe("taux d'effort and hourly rate", () => {
  // 3 000,00 € a month.
  const rate = (dependentChildren: number, aeeh = false) =>
    psuRate(PSU_2026, { annualResourcesCents: 3_600_000, dependentChildren, aeeh }).hourlyRateCents;

  it("takes the rate of the family size: 1, 2, 3, 4 to 7, 8 and more", () => {
    expect(rate(1)).toBe(186); // 3 000 × 0,0619 % = 1,857 → 1,86 €
    expect(rate(2)).toBe(155); // × 0,0516 % = 1,548 → 1,55 €
    expect(rate(3)).toBe(124); // × 0,0413 % = 1,239 → 1,24 €
    expect(rate(4)).toBe(93); // × 0,0310 % = 0,93 €
    expect(rate(7)).toBe(93);
    expect(rate(8)).toBe(62); // × 0,0206 % = 0,618 → 0,62 €
    expect(rate(11)).toBe(62);
  });

  it("goes one step lower when a child of the family receives the AEEH", () => {
    expect(effortRate(PSU_2026, 1, true)).toBe(516);
    expect(rate(1, true)).toBe(155);
    expect(rate(3, true)).toBe(93);
    expect(rate(7, true)).toBe(62);
    expect(rate(8, true)).toBe(62);
  });

  it("bills a family without resources for the year at the ceiling", () => {
    expect(psuRate(PSU_2026, null)).toEqual({
      monthlyResourcesCents: 700_000,
      rateMillionths: 619,
      hourlyRateCents: 433,
      atCeiling: true,
    });
  });

  it("shows and reads rates as percentages", () => {
    expect(formatEffortRate(619)).toBe("0,0619 %");
    expect(parseEffortRate("0,0619")).toBe(619);
    expect(parseEffortRate("0.0206 %")).toBe(206);
    expect(parseEffortRate("abc")).toBeNull();
  });
});

describe("mensualisation", () => {
  const schoolYear: ContractTerms = { startDate: "2026-09-01", endDate: "2027-08-31", planning: MON_THU, absenceWeeksPerYear: 5 };

  it("averages the year's hours over its months, planned absence weeks deducted", () => {
    // 365 days = 52,142857 weeks − 5 weeks of absence = 47,142857 weeks × 36 h = 1 697,14 h ÷ 12
    // months = 141,43 h = 8 485,71 min → 8 486 min a month.
    const result = mensualisation(schoolYear);
    expect(result.months).toBe(12);
    expect(result.attendanceWeeks).toBeCloseTo(47.142857, 5);
    expect(Math.round(result.monthlyMinutes)).toBe(8486);
    expect(contractedMinutesOfMonth(schoolYear, "2026-11")).toBe(8486);
    expect(contractedMinutesOfMonth(schoolYear, "2027-08")).toBe(8486);
    expect(contractedMinutesOfMonth(schoolYear, "2027-09")).toBe(0);
    // At 1,86 €/h: 8 486 min × 1,86 € ÷ 60 = 263,066 → 263,07 €.
    expect(amountOfMinutes(8486, 186)).toBe(26307);
  });

  it("prorates the first month by its days", () => {
    // From 14 September: 352 days = 50,2857 weeks − 5 × 352/365 = 45,4638 weeks × 36 h;
    // months = 17/30 + 11 = 11,5667 → 8 490,07 min a whole month; September 17/30 of it = 4 811 min.
    const late: ContractTerms = { ...schoolYear, startDate: "2026-09-14" };
    expect(contractedMinutesOfMonth(late, "2026-10")).toBe(8490);
    expect(contractedMinutesOfMonth(late, "2026-09")).toBe(4811);
  });
});

describe("a month's invoice lines", () => {
  const terms: ContractTerms = { startDate: "2026-09-01", endDate: "2027-08-31", planning: MON_THU, absenceWeeksPerYear: 5 };

  it("bills the contracted hours plus extra hours", () => {
    const lines = monthInvoiceLines(terms, "2026-11", 186, [
      { date: "2026-11-05", kind: "EXTRA_HOURS", minutes: 60 },
      { date: "2026-11-12", kind: "EXTRA_HOURS", minutes: 30 },
    ]);
    // 90 min × 1,86 € = 2,79 €.
    expect(lines).toEqual([
      { kind: "CONTRACT", minutes: 8486, amountCents: 26307 },
      { kind: "EXTRA_HOURS", minutes: 90, amountCents: 279 },
    ]);
  });

  it("deducts closures and hospitalisation days, and illness only from its 4th calendar day", () => {
    const lines = monthInvoiceLines(terms, "2026-11", 186, [
      // Closure Monday 2 November: 9 h × 1,86 € = 16,74 €.
      { date: "2026-11-02", kind: "CRECHE_CLOSURE", minutes: 540 },
      { date: "2026-11-03", kind: "HOSPITALISATION", minutes: 540 },
      // Illness Monday 16 – Thursday 19: 16, 17, 18 are the carence, 19 is deducted.
      ...["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"].map((date) => ({
        date,
        kind: "ILLNESS" as const,
        minutes: 540,
      })),
      // An illness of the previous month's end, a day of November: the 3-day carence was in October.
      { date: "2026-10-28", kind: "ILLNESS", minutes: 540 },
      { date: "2026-10-29", kind: "ILLNESS", minutes: 540 },
      // Fri 30 Oct – Sun 1 Nov: the child does not come on Fridays, so the illness runs on.
      { date: "2026-11-02", kind: "ILLNESS", minutes: 540 },
      // Another month's extra hours are not billed here.
      { date: "2026-12-01", kind: "EXTRA_HOURS", minutes: 60 },
    ]);
    expect(lines).toEqual([
      { kind: "CONTRACT", minutes: 8486, amountCents: 26307 },
      { kind: "CRECHE_CLOSURE", minutes: 540, amountCents: -1674 },
      { kind: "HOSPITALISATION", minutes: 540, amountCents: -1674 },
      { kind: "ILLNESS", minutes: 1080, amountCents: -3348 },
    ]);
  });

  it("starts a new illness after a day the child was expected and not ill", () => {
    // Monday and Wednesday ill, Tuesday present: two illnesses of one day, both in carence.
    expect(deductibleIllnessDays(["2026-11-16", "2026-11-18"], MON_THU)).toEqual(new Set());
    // Thursday 19, then Monday 23 and Tuesday 24 (Fri–Sun not planned): 23 is the 5th calendar day.
    expect(deductibleIllnessDays(["2026-11-19", "2026-11-23", "2026-11-24"], MON_THU)).toEqual(
      new Set(["2026-11-23", "2026-11-24"]),
    );
  });
});

import {
  cellState,
  childEligibility,
  dayLabel,
  deadlineDay,
  deadlineInstant,
  describeRule,
  formatReservationNumber,
  isBeforeDeadline,
  newDayRefusal,
  nextBookableWeek,
  openDays,
  openWeekdaysLabel,
  type CellInput,
  type DeadlineRule,
  type PeriodRules,
} from "./booking-rules";

// Guide: "réserver avant le mardi de la semaine précédant la date souhaitée — Heure limite : 23:59".
const TUESDAY_2359: DeadlineRule = { kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 2, daysBefore: null, timeOfDay: 23 * 60 + 59 };
const TWO_DAYS_BEFORE_1800: DeadlineRule = { kind: "DAYS_BEFORE", weekday: null, daysBefore: 2, timeOfDay: 18 * 60 };

const PERIOD: PeriodRules = {
  startDate: "2026-09-01",
  endDate: "2027-07-02",
  openWeekdays: [1, 2, 4, 5],
  lastBookingDate: "2027-07-02",
  bookingRule: TUESDAY_2359,
  changeRule: TUESDAY_2359,
};

describe("the deadline of a day", () => {
  it("falls on the Tuesday of the previous week for every day of a week", () => {
    for (const day of ["2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11", "2026-12-13"]) {
      expect(deadlineDay(day, TUESDAY_2359)).toBe("2026-12-01");
    }
  });

  it("closes at 23:59:59 Paris time in winter (UTC+1): in time at 23:59:59, late at 00:00:00", () => {
    // Thursday 1 April 2027: deadline Tuesday 23 March 2027 (before the DST change of 28 March).
    expect(deadlineInstant("2027-04-01", TUESDAY_2359).toISOString()).toBe("2027-03-23T23:00:00.000Z");
    expect(isBeforeDeadline("2027-04-01", TUESDAY_2359, new Date("2027-03-23T22:59:59Z"))).toBe(true);
    expect(isBeforeDeadline("2027-04-01", TUESDAY_2359, new Date("2027-03-23T23:00:00Z"))).toBe(false);
  });

  it("follows the spring DST change: the Tuesday after 28 March 2027 closes at 23:59:59 CEST (UTC+2)", () => {
    expect(deadlineDay("2027-04-08", TUESDAY_2359)).toBe("2027-03-30");
    expect(isBeforeDeadline("2027-04-08", TUESDAY_2359, new Date("2027-03-30T21:59:59Z"))).toBe(true);
    expect(isBeforeDeadline("2027-04-08", TUESDAY_2359, new Date("2027-03-30T22:00:00Z"))).toBe(false);
  });

  it("follows the autumn DST change of 25 October 2026 in both directions", () => {
    // Before the change (CEST): Tuesday 20 October; after it (CET): Tuesday 27 October.
    expect(deadlineInstant("2026-10-29", TUESDAY_2359).toISOString()).toBe("2026-10-20T22:00:00.000Z");
    expect(deadlineInstant("2026-11-05", TUESDAY_2359).toISOString()).toBe("2026-10-27T23:00:00.000Z");
  });

  it("supports N days before at HH:MM", () => {
    expect(deadlineDay("2026-12-10", TWO_DAYS_BEFORE_1800)).toBe("2026-12-08");
    expect(isBeforeDeadline("2026-12-10", TWO_DAYS_BEFORE_1800, new Date("2026-12-08T17:00:59Z"))).toBe(true);
    expect(isBeforeDeadline("2026-12-10", TWO_DAYS_BEFORE_1800, new Date("2026-12-08T17:01:00Z"))).toBe(false);
  });

  it("handles a leap day under both rule kinds", () => {
    expect(deadlineDay("2028-03-01", { ...TWO_DAYS_BEFORE_1800, daysBefore: 1 })).toBe("2028-02-29");
    expect(deadlineDay("2028-03-06", TUESDAY_2359)).toBe("2028-02-29");
    expect(deadlineDay("2028-03-02", TUESDAY_2359)).toBe("2028-02-22");
  });

  it("is described in the guide's words", () => {
    expect(describeRule(TUESDAY_2359)).toBe("Vous devez réserver avant le mardi de la semaine précédant la date souhaitée");
    expect(describeRule(TWO_DAYS_BEFORE_1800)).toBe("Vous devez réserver au plus tard 2 jours avant la date souhaitée");
  });
});

describe("the open days of a period", () => {
  it("keeps the opening weekdays only and flags a closure inside a week", () => {
    const closures = new Map([
      ["2026-11-11", "Jour férié : Armistice"],
      ["2026-11-12", "Pont"],
    ]);
    const days = openDays({ startDate: "2026-11-09", endDate: "2026-11-15", openWeekdays: [1, 2, 3, 4, 5] }, closures);
    expect(days).toEqual([
      { day: "2026-11-09", closure: null },
      { day: "2026-11-10", closure: null },
      { day: "2026-11-11", closure: "Jour férié : Armistice" },
      { day: "2026-11-12", closure: "Pont" },
      { day: "2026-11-13", closure: null },
    ]);
  });

  it("stops at a period ending mid-week", () => {
    const days = openDays({ startDate: "2027-06-28", endDate: "2027-06-30", openWeekdays: [1, 2, 4, 5] }, new Map());
    expect(days.map((entry) => entry.day)).toEqual(["2027-06-28", "2027-06-29"]);
  });

  it("includes a leap day when the weekday is open", () => {
    const days = openDays({ startDate: "2028-02-28", endDate: "2028-03-01", openWeekdays: [2] }, new Map());
    expect(days.map((entry) => entry.day)).toEqual(["2028-02-29"]);
  });

  it("labels days and weekdays as the guide does", () => {
    expect(dayLabel("2020-03-17")).toBe("mar. 17/03/2020");
    expect(openWeekdaysLabel([5, 1, 2, 4])).toBe("Lun Mar Jeu Ven");
    expect(formatReservationNumber(8)).toBe("000008");
  });
});

describe("eligibility", () => {
  const rules = {
    minAgeYears: null,
    maxAgeYears: null,
    schoolLevels: ["CP", "CE1", "CE2", "CM1", "CM2"],
    eligibleSchoolIds: ["cambon"],
  };
  it("accepts a CM2 pupil of the establishment's school", () => {
    expect(childEligibility({ birthDate: "2016-08-20", schoolId: "cambon", schoolLevel: "CM2" }, rules, "2026-12-07")).toEqual({
      eligible: true,
    });
  });
  it("refuses another school's pupil, a wrong level, and outside the age range", () => {
    expect(
      childEligibility({ birthDate: "2016-08-20", schoolId: "foch", schoolLevel: "CM2" }, rules, "2026-12-07").eligible,
    ).toBe(false);
    expect(
      childEligibility({ birthDate: "2016-08-20", schoolId: "cambon", schoolLevel: "GS" }, rules, "2026-12-07").eligible,
    ).toBe(false);
    const ages = { minAgeYears: 6, maxAgeYears: 11, schoolLevels: [], eligibleSchoolIds: [] };
    const child = { birthDate: "2020-12-10", schoolId: null, schoolLevel: null };
    expect(childEligibility(child, ages, "2026-12-09")).toEqual({
      eligible: false,
      reason: "service accessible à partir de 6 ans",
    });
    expect(childEligibility(child, ages, "2026-12-10")).toEqual({ eligible: true });
    expect(childEligibility({ ...child, birthDate: "2014-01-01" }, ages, "2026-12-10").eligible).toBe(false);
  });
});

describe("the state of a planning cell", () => {
  const now = new Date("2026-11-26T10:00:00Z"); // Thursday 26 November 2026
  const base: CellInput = {
    day: "2026-12-10",
    now,
    period: PERIOD,
    closureReason: null,
    eligibility: { eligible: true },
    capacity: 120,
    booked: 3,
    heldByReplacedReservation: false,
    bookedElsewhere: null,
  };

  it("is bookable before the deadline with places left", () => {
    expect(cellState(base)).toEqual({ kind: "bookable", checked: false, editable: true, reason: null });
  });
  it("is full when the counter reached the capacity", () => {
    expect(cellState({ ...base, booked: 120 })).toMatchObject({
      kind: "full",
      editable: false,
      reason: "Plus de place disponible — contactez le service",
    });
  });
  it("is past its deadline the week after", () => {
    expect(cellState({ ...base, day: "2026-12-03" })).toMatchObject({ kind: "past_deadline", editable: false });
  });
  it("is closed on a closure, with its reason", () => {
    expect(cellState({ ...base, closureReason: "Vacances de Noël" })).toMatchObject({
      kind: "closed",
      reason: "Fermé : Vacances de Noël",
    });
  });
  it("is not eligible with the reason", () => {
    expect(
      cellState({ ...base, eligibility: { eligible: false, reason: "service réservé aux élèves d'une autre école" } }),
    ).toMatchObject({
      kind: "not_eligible",
      editable: false,
    });
  });
  it("is booked (ticked, locked) when another reservation of the child holds it", () => {
    expect(cellState({ ...base, bookedElsewhere: { number: 12 } })).toEqual({
      kind: "booked",
      checked: true,
      editable: false,
      reason: "Déjà réservé (réservation n° 000012)",
    });
  });
  it("keeps a held day of a modified reservation changeable until its change deadline, then locks it", () => {
    expect(cellState({ ...base, heldByReplacedReservation: true, booked: 120 })).toMatchObject({
      kind: "bookable",
      checked: true,
      editable: true,
    });
    expect(cellState({ ...base, day: "2026-12-03", heldByReplacedReservation: true })).toMatchObject({
      kind: "past_deadline",
      checked: true,
      editable: false,
    });
  });
  it("refuses new days after the period's last booking date", () => {
    const closed = { ...PERIOD, lastBookingDate: "2026-11-20" };
    expect(cellState({ ...base, period: closed })).toMatchObject({
      kind: "past_deadline",
      reason: "Les réservations de cette période sont closes",
    });
    expect(
      newDayRefusal({ day: "2026-12-10", now, period: closed, closureReason: null, eligibility: { eligible: true } }),
    ).toMatch(/closes/);
  });
  it("refuses a day the service does not open", () => {
    expect(newDayRefusal({ day: "2026-12-09", now, period: PERIOD, closureReason: null, eligibility: { eligible: true } })).toBe(
      "le service n'est pas ouvert ce jour-là",
    );
  });
});

describe("the next bookable week", () => {
  it("is the week whose Tuesday-before deadline has not passed yet", () => {
    expect(nextBookableWeek(PERIOD, new Map(), new Date("2026-11-26T10:00:00Z"))).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-10",
      "2026-12-11",
    ]);
    // Tuesday 1 December at 23:59:59 Paris: still in time for the week of 7 December.
    expect(nextBookableWeek(PERIOD, new Map(), new Date("2026-12-01T22:59:59Z"))[0]).toBe("2026-12-07");
    expect(nextBookableWeek(PERIOD, new Map(), new Date("2026-12-01T23:00:00Z"))[0]).toBe("2026-12-14");
  });
  it("skips closed days", () => {
    const closures = new Map([["2026-12-07", "Fermé"]]);
    expect(nextBookableWeek(PERIOD, closures, new Date("2026-11-26T10:00:00Z"))).toEqual([
      "2026-12-08",
      "2026-12-10",
      "2026-12-11",
    ]);
  });
});

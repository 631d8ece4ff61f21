import { addDays, eachDay, isoWeekday } from "@/lib/dates/calendar-day";

import {
  allTicked,
  applyTarget,
  cellKey,
  everyWeekdayLabel,
  modelWeek,
  monthTarget,
  repeatTarget,
  tickMessage,
  weekdaysOfMonth,
  weekdayTarget,
  type TickRow,
} from "./planning-ticks";

// December 2026 and January 2027, open Monday, Tuesday, Thursday, Friday (the guide's garderie),
// two units. Greyed: 07/12 closed (MATIN and SOIR), 14/12 MATIN full, 03/12 already booked
// (ticked and locked), the Christmas holidays closed.
const OPEN = [1, 2, 4, 5];
const GREYED = new Set(["MATIN|2026-12-07", "SOIR|2026-12-07", "MATIN|2026-12-14"]);
const HOLIDAYS = eachDay("2026-12-19", "2027-01-03");
const BOOKED = "MATIN|2026-12-03";

const rows: TickRow[] = eachDay("2026-12-01", "2027-01-29")
  .filter((day) => OPEN.includes(isoWeekday(day)))
  .map((day) => ({
    day,
    cells: ["MATIN", "SOIR"].map((unitId) => {
      const key = cellKey(unitId, day);
      if (key === BOOKED) return { unitId, checked: true, editable: false };
      const greyed = GREYED.has(key) || HOLIDAYS.includes(day);
      return { unitId, checked: false, editable: !greyed };
    }),
  }));

const mondaysOfDecember = ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"];

describe("« Tous les lundis », « Tout cocher ce mois »", () => {
  it("offers the weekdays the month opens on, Monday first", () => {
    expect(weekdaysOfMonth(rows, "2026-12")).toEqual([1, 2, 4, 5]);
    expect(everyWeekdayLabel(1)).toBe("Tous les lundis");
    expect(everyWeekdayLabel(5)).toBe("Tous les vendredis");
  });

  it("ticks only the bookable Mondays of the month for one unit and counts the greyed ones", () => {
    const target = weekdayTarget(rows, "2026-12", "MATIN", 1);
    // 07/12 closed, 14/12 full, 21/12 and 28/12 in the holidays: none left on MATIN.
    expect(target).toEqual({ keys: [], unavailable: 4 });
    const soir = weekdayTarget(rows, "2026-12", "SOIR", 1);
    expect(soir).toEqual({ keys: [cellKey("SOIR", "2026-12-14")], unavailable: 3 });
    expect(mondaysOfDecember.every((day) => rows.some((row) => row.day === day))).toBe(true);
  });

  it("does not count a day the child already has as left out", () => {
    // Thursdays: 03/12 booked (locked, ticked), 10/12 and 17/12 bookable, 24/12 and 31/12 holidays.
    expect(weekdayTarget(rows, "2026-12", "MATIN", 4)).toEqual({
      keys: [cellKey("MATIN", "2026-12-10"), cellKey("MATIN", "2026-12-17")],
      unavailable: 2,
    });
  });

  it("ticks the whole month of one unit, never another unit's or month's boxes", () => {
    const target = monthTarget(rows, "2026-12", "SOIR");
    expect(target.keys.every((key) => key.startsWith("SOIR|2026-12-"))).toBe(true);
    // December's open days: 1,3,4,7,8,10,11,14,15,17,18 before the holidays (11), 21–31 closed (7).
    expect(target.keys).toHaveLength(10); // 07/12 closed
    expect(target.unavailable).toBe(8);
  });

  it("unticks when every bookable box is ticked already, and leaves locked boxes alone", () => {
    const target = weekdayTarget(rows, "2026-12", "MATIN", 4);
    const before = new Set([BOOKED]);
    expect(allTicked(before, target)).toBe(false);
    const ticked = applyTarget(before, target, true);
    expect([...ticked].sort()).toEqual([BOOKED, cellKey("MATIN", "2026-12-10"), cellKey("MATIN", "2026-12-17")]);
    expect(allTicked(ticked, target)).toBe(true);
    expect([...applyTarget(ticked, target, false)]).toEqual([BOOKED]);
    expect(allTicked(new Set(), { keys: [], unavailable: 3 })).toBe(false);
  });
});

describe("« Répéter chaque semaine jusqu'au … »", () => {
  it("copies the first ticked week of the month to the following weeks, across months, skipping greyed days", () => {
    // A typical week: MATIN Tuesday (and Thursday, booked elsewhere), SOIR Friday, in the week of 30/11.
    const selected = new Set([cellKey("MATIN", "2026-12-03"), cellKey("SOIR", "2026-12-04"), cellKey("MATIN", "2026-12-01")]);
    const model = modelWeek(rows, selected, "2026-12");
    expect(model?.monday).toBe("2026-11-30");
    // 03/12 MATIN is locked (booked elsewhere): not part of what the parent ticked.
    expect(model?.ticks).toEqual([
      { unitId: "MATIN", weekday: 2 },
      { unitId: "SOIR", weekday: 5 },
    ]);
    const target = repeatTarget(rows, model!, "2027-01-15");
    expect(target.keys).toEqual([
      cellKey("MATIN", "2026-12-08"),
      cellKey("SOIR", "2026-12-11"),
      cellKey("MATIN", "2026-12-15"),
      cellKey("SOIR", "2026-12-18"),
      cellKey("MATIN", "2027-01-05"),
      cellKey("SOIR", "2027-01-08"),
      cellKey("MATIN", "2027-01-12"),
      cellKey("SOIR", "2027-01-15"),
    ]);
    // 22/12, 25/12, 29/12, 01/01: in the holidays.
    expect(target.unavailable).toBe(4);
    expect(target.keys.some((key) => key.endsWith("2027-01-19"))).toBe(false); // after « jusqu'au »
  });

  it("has no model week when nothing the parent may change is ticked in the month", () => {
    expect(modelWeek(rows, new Set([BOOKED]), "2026-12")).toBeNull();
    expect(modelWeek(rows, new Set([cellKey("MATIN", "2027-01-05")]), "2026-12")).toBeNull();
  });

  it("repeats nothing before the week after the model", () => {
    const model = modelWeek(rows, new Set([cellKey("SOIR", "2026-12-08")]), "2026-12")!;
    expect(repeatTarget(rows, model, addDays(model.monday, 6)).keys).toEqual([]);
  });
});

describe("what the planning reads out", () => {
  it("says how many boxes were ticked and how many unavailable days were left out", () => {
    const target = { keys: ["a", "b", "c", "d"], unavailable: 3 };
    expect(tickMessage(target, true, new Set(["a"]))).toBe("3 journées cochées, 3 journées non disponibles ignorées.");
    expect(tickMessage({ keys: ["a"], unavailable: 1 }, true, new Set())).toBe(
      "1 journée cochée, 1 journée non disponible ignorée.",
    );
    expect(tickMessage({ keys: ["a", "b"], unavailable: 0 }, true, new Set())).toBe("2 journées cochées.");
    expect(tickMessage(target, false, new Set(["a", "b", "c", "d"]))).toBe("4 journées décochées.");
  });
});

import type { CalendarDay } from "@/lib/dates/calendar-day";

import { fromWire, toWire } from "./planning-wire";
import type { Planning } from "./reservations-query";

const FULL = "Plus de place disponible — contactez le service";

function planning(): Planning {
  const units = [
    { id: "unit-matin", label: "MATIN", hours: "08:00 - 12:00", dayPart: "MORNING" },
    { id: "unit-journee", label: "JOURNEE", hours: "08:00 - 18:00", dayPart: "FULL_DAY" },
  ] as Planning["units"];
  const cell = (
    unitId: string,
    kind: Planning["rows"][number]["cells"][number]["kind"],
    reason: string | null,
    checked = false,
  ) => ({
    unitId,
    kind,
    checked,
    editable: kind === "bookable",
    reason,
  });
  return {
    child: { id: "child", name: "TEST JULIEN" },
    period: {} as Planning["period"],
    units,
    hasDayParts: true,
    rows: [
      {
        day: "2027-02-03" as CalendarDay,
        closure: null,
        others: [],
        cells: [cell("unit-matin", "full", FULL), cell("unit-journee", "bookable", null, true)],
      },
      {
        day: "2027-02-10" as CalendarDay,
        closure: "Journée pédagogique",
        others: ["TEST JULIE : ALSH – MATIN"],
        cells: [cell("unit-matin", "closed", "Journée pédagogique"), cell("unit-journee", "closed", "Journée pédagogique")],
      },
      {
        day: "2027-02-17" as CalendarDay,
        closure: null,
        others: ["TEST JULIE : ALSH – MATIN"],
        cells: [cell("unit-matin", "full", FULL), cell("unit-journee", "booked", null, true)],
      },
    ],
    months: ["2027-02"],
    startMonth: "2027-02",
    replaces: null,
  } as Planning;
}

describe("the planning sent to the browser", () => {
  it("gives back the same planning after JSON, with each reason sent once and no unit id per box", () => {
    const original = planning();
    const wire = toWire(original);
    const sent = JSON.stringify(wire);
    expect(fromWire(JSON.parse(sent))).toEqual(original);
    expect(wire.reasons).toEqual([FULL, "Journée pédagogique"]);
    expect(sent.match(/unit-matin/g)).toHaveLength(1); // in `units` only
    expect(sent.length).toBeLessThan(JSON.stringify(original).length);
  });

  it("refuses boxes that are not in the order of the units (each box's unit is its position)", () => {
    const swapped = planning();
    swapped.rows[0].cells.reverse();
    expect(() => toWire(swapped)).toThrow("planning : case 0 hors de l'ordre des unités");
  });
});

// Ticking many planning boxes at once (issue #18: a term used to mean 140 taps): « Tous les
// lundis » and « Tout cocher ce mois » for one unit in the month shown, and « Répéter chaque
// semaine jusqu'au … ». Pure: the grid's rows in, box keys and counts out. Only boxes the parent
// may change are touched; greyed ones (closed, full, past the deadline, not accessible) are
// skipped and counted, so the planning can say how many it left out.
import { addDays, isoWeekday, WEEKDAY_NAMES, type CalendarDay } from "@/lib/dates/calendar-day";

import { monthOf, type CellState } from "./booking-rules";

/** The grid's row as these helpers read it (PlanningRow fits). */
export type TickRow = { day: CalendarDay; cells: (Pick<CellState, "checked" | "editable"> & { unitId: string })[] };

/** A planning box: a unit on a day. */
export const cellKey = (unitId: string, day: CalendarDay) => `${unitId}|${day}`;

export type TickTarget = {
  /** The boxes the parent may change, in day order. */
  keys: string[];
  /** Greyed boxes not ticked already (closed, full, past the deadline, not accessible): left out. */
  unavailable: number;
};

function target(cells: { day: CalendarDay; cell: TickRow["cells"][number] }[]): TickTarget {
  return {
    keys: cells.filter(({ cell }) => cell.editable).map(({ day, cell }) => cellKey(cell.unitId, day)),
    // A greyed box that is ticked is a day the child already has: nothing was left out.
    unavailable: cells.filter(({ cell }) => !cell.editable && !cell.checked).length,
  };
}

function cellsOf(rows: TickRow[], unitId: string, keep: (day: CalendarDay) => boolean) {
  return rows.flatMap((row) =>
    keep(row.day) ? row.cells.filter((cell) => cell.unitId === unitId).map((cell) => ({ day: row.day, cell })) : [],
  );
}

/** The ISO weekdays the month's rows open on, Monday first: the « Tous les … » buttons. */
export function weekdaysOfMonth(rows: TickRow[], month: string): number[] {
  return [...new Set(rows.filter((row) => monthOf(row.day) === month).map((row) => isoWeekday(row.day)))].sort();
}

/** « Tous les lundis »: one unit's boxes on one weekday of the month. */
export function weekdayTarget(rows: TickRow[], month: string, unitId: string, weekday: number): TickTarget {
  return target(cellsOf(rows, unitId, (day) => monthOf(day) === month && isoWeekday(day) === weekday));
}

/** « Tout cocher ce mois »: one unit's boxes in the month. */
export function monthTarget(rows: TickRow[], month: string, unitId: string): TickTarget {
  return target(cellsOf(rows, unitId, (day) => monthOf(day) === month));
}

const mondayOf = (day: CalendarDay) => addDays(day, 1 - isoWeekday(day));

/**
 * The week « Répéter chaque semaine » copies: the week (Monday to Sunday) of the first ticked box
 * the parent may change in the month, with what is ticked in it. Null when nothing is ticked yet.
 */
export function modelWeek(
  rows: TickRow[],
  selected: ReadonlySet<string>,
  month: string,
): { monday: CalendarDay; ticks: { unitId: string; weekday: number }[] } | null {
  const ticked = (day: CalendarDay, cell: TickRow["cells"][number]) => cell.editable && selected.has(cellKey(cell.unitId, day));
  const first = rows.find((row) => monthOf(row.day) === month && row.cells.some((cell) => ticked(row.day, cell)));
  if (!first) return null;
  const monday = mondayOf(first.day);
  const sunday = addDays(monday, 6);
  const ticks = rows
    .filter((row) => row.day >= monday && row.day <= sunday)
    .flatMap((row) =>
      row.cells.filter((cell) => ticked(row.day, cell)).map((cell) => ({ unitId: cell.unitId, weekday: isoWeekday(row.day) })),
    );
  return { monday, ticks };
}

/**
 * « Répéter chaque semaine jusqu'au … »: the model week's ticks on the same weekdays and units of
 * every following week up to `until` (included), across months. Days the service does not open
 * have no row and are not counted; open days that are greyed are.
 */
export function repeatTarget(rows: TickRow[], model: NonNullable<ReturnType<typeof modelWeek>>, until: CalendarDay): TickTarget {
  const after = addDays(model.monday, 7);
  const wanted = new Set(model.ticks.map((tick) => `${tick.unitId}|${tick.weekday}`));
  return target(
    rows.flatMap((row) =>
      row.day >= after && row.day <= until
        ? row.cells.filter((cell) => wanted.has(`${cell.unitId}|${isoWeekday(row.day)}`)).map((cell) => ({ day: row.day, cell }))
        : [],
    ),
  );
}

/** Whether every box of the target that can change is ticked already (the button then unticks). */
export function allTicked(selected: ReadonlySet<string>, target: TickTarget): boolean {
  return target.keys.length > 0 && target.keys.every((key) => selected.has(key));
}

/** The selection with the target's boxes ticked (or unticked). */
export function applyTarget(selected: ReadonlySet<string>, target: TickTarget, tick: boolean): Set<string> {
  const next = new Set(selected);
  for (const key of target.keys) {
    if (tick) next.add(key);
    else next.delete(key);
  }
  return next;
}

const journees = (count: number) => `${count} journée${count > 1 ? "s" : ""}`;

/** « 4 journées cochées, 3 journées non disponibles ignorées. », read out after a button. */
export function tickMessage(target: TickTarget, tick: boolean, before: ReadonlySet<string>): string {
  const changed = target.keys.filter((key) => before.has(key) !== tick).length;
  const done = tick
    ? `${journees(changed)} cochée${changed > 1 ? "s" : ""}`
    : `${journees(changed)} décochée${changed > 1 ? "s" : ""}`;
  if (!tick || target.unavailable === 0) return `${done}.`;
  const skipped = `${journees(target.unavailable)} non disponible${target.unavailable > 1 ? "s" : ""} ignorée${target.unavailable > 1 ? "s" : ""}`;
  return `${done}, ${skipped}.`;
}

/** « Tous les lundis » */
export function everyWeekdayLabel(weekday: number): string {
  return `Tous les ${WEEKDAY_NAMES[weekday - 1]}s`;
}

// The planning as the page sends it to the browser. A period's planning has one row per open day
// (about 175 on a school year), and each box carried its unit's id and its French reason in full:
// half of the planning page's bytes, serialised by React into the page and parsed again by the
// browser. On the wire a box is [kind, ticked, editable, reason], its unit is its position in
// `units` (getPlanning builds the boxes in that order) and each distinct reason is sent once.
// The wizard turns it back into the Planning every component reads (fromWire).
import type { CalendarDay } from "@/lib/dates/calendar-day";

import type { CellKind } from "./booking-rules";
import type { Planning, PlanningRow } from "./reservations-query";

/** A box: its kind, whether it starts ticked, whether the parent may change it, its reason's index (-1: none). */
type WireCell = [kind: CellKind, checked: 0 | 1, editable: 0 | 1, reason: number];

/** A row: the day, its boxes in the order of `units`, then its closure and the other children's bookings when there are. */
type WireRow = [day: CalendarDay, cells: WireCell[], closure?: string | null, others?: string[]];

export type PlanningWire = Omit<Planning, "rows"> & { reasons: string[]; rows: WireRow[] };

export function toWire(planning: Planning): PlanningWire {
  const { rows, ...rest } = planning;
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const indexOf = (reason: string | null) => {
    if (reason === null) return -1;
    let index = reasonIndex.get(reason);
    if (index === undefined) reasonIndex.set(reason, (index = reasons.push(reason) - 1));
    return index;
  };
  return {
    ...rest,
    reasons,
    rows: rows.map((row) => {
      const cells = row.cells.map((cell, position): WireCell => {
        if (cell.unitId !== planning.units[position]?.id)
          throw new Error(`planning : case ${position} hors de l'ordre des unités`);
        return [cell.kind, cell.checked ? 1 : 0, cell.editable ? 1 : 0, indexOf(cell.reason)];
      });
      if (row.others.length > 0) return [row.day, cells, row.closure, row.others];
      return row.closure === null ? [row.day, cells] : [row.day, cells, row.closure];
    }),
  };
}

export function fromWire(wire: PlanningWire): Planning {
  const { reasons, rows, ...rest } = wire;
  return {
    ...rest,
    rows: rows.map(([day, cells, closure = null, others = []]): PlanningRow => ({
      day,
      closure,
      others,
      cells: cells.map(([kind, checked, editable, reason], position) => ({
        unitId: wire.units[position].id,
        kind,
        checked: checked === 1,
        editable: editable === 1,
        reason: reason === -1 ? null : reasons[reason],
      })),
    })),
  };
}

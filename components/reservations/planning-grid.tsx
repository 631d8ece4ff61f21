"use client";

import { dayLabel, shortDayLabel, type CellKind } from "@/lib/reservations/booking-rules";
import type { PlanningRow } from "@/lib/reservations/reservations-query";

export const cellKey = (unitId: string, day: string) => `${unitId}|${day}`;

const SHORT_REASON: Record<CellKind, string> = {
  bookable: "",
  booked: "Déjà réservé",
  full: "Complet",
  past_deadline: "Délai dépassé",
  closed: "Fermé",
  not_eligible: "Non accessible",
};

type Props = {
  units: { id: string; label: string; hours: string }[];
  rows: PlanningRow[];
  selected: Set<string>;
  onToggle: (key: string) => void;
  caption: string;
};

/**
 * One row per open day, one column per unit (label with hours). A greyed cell stays focusable
 * (aria-disabled rather than disabled) so that keyboard and screen-reader users reach its
 * reason, shown on hover and on focus.
 */
export function PlanningGrid({ units, rows, selected, onToggle, caption }: Props) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={units.length > 1 ? 0 : undefined}
      className={units.length > 1 ? "relative overflow-x-auto" : "relative"}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-brand text-left">
            <th scope="col" className="w-28 px-2 py-2">
              Date
            </th>
            {units.map((unit) => (
              <th key={unit.id} scope="col" className="px-2 py-2">
                {unit.label} <span className="whitespace-nowrap font-normal">({unit.hours})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={units.length + 1} className="px-2 py-4 text-muted">
                Aucune journée d&apos;ouverture ce mois-ci.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.day} className="border-b border-gray-200 align-top">
              <th scope="row" className="px-2 py-2 text-left font-semibold">
                {shortDayLabel(row.day)}
                {row.others.length > 0 ? (
                  <span className="block text-xs font-normal text-muted">
                    <span className="sr-only">Autres enfants : </span>
                    {row.others.join(" ; ")}
                  </span>
                ) : null}
              </th>
              {row.cells.map((cell) => {
                const key = cellKey(cell.unitId, row.day);
                const unit = units.find((entry) => entry.id === cell.unitId)!;
                const reasonId = `reason-${cell.unitId}-${row.day}`;
                const locked = !cell.editable;
                return (
                  <td key={key} className={`px-2 py-2 ${locked ? "bg-gray-200" : ""}`}>
                    <span className="group relative inline-flex items-center gap-2" title={cell.reason ?? undefined}>
                      <input
                        type="checkbox"
                        className={`h-6 w-6 ${locked ? "cursor-not-allowed opacity-60" : "cursor-pointer"}`}
                        aria-label={`${unit.label} le ${dayLabel(row.day)}`}
                        aria-disabled={locked || undefined}
                        aria-describedby={cell.reason ? reasonId : undefined}
                        checked={locked ? cell.checked : selected.has(key)}
                        onChange={() => onToggle(key)}
                        onClick={(event) => {
                          if (locked) event.preventDefault();
                        }}
                        data-state={cell.kind}
                      />
                      {locked ? <span className="text-xs text-gray-800">{SHORT_REASON[cell.kind]}</span> : null}
                      {cell.reason ? (
                        <span
                          id={reasonId}
                          role="tooltip"
                          className="pointer-events-none absolute left-0 top-full z-10 mt-1 hidden w-56 rounded bg-ink px-2 py-1 text-xs text-white shadow group-focus-within:block group-hover:block"
                        >
                          {cell.reason}
                        </span>
                      ) : null}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

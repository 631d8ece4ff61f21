"use client";

import { useState } from "react";

import { TextField } from "@/components/ui/form/text-field";
import { addDays, isCalendarDay } from "@/lib/dates/calendar-day";
import { dayLabel, shortDayLabel, type CellKind } from "@/lib/reservations/booking-rules";
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
  type TickTarget,
} from "@/lib/reservations/planning-ticks";
import type { PlanningRow } from "@/lib/reservations/reservations-query";

export { cellKey };

const SHORT_REASON: Record<CellKind, string> = {
  bookable: "",
  booked: "Déjà réservé",
  full: "Complet",
  past_deadline: "Délai dépassé",
  closed: "Fermé",
  not_eligible: "Non accessible",
  day_part: "Journée / demi-journée",
};

type Props = {
  units: { id: string; label: string; hours: string }[];
  /** The month shown ("2026-12") and its rows. */
  month: string;
  rows: PlanningRow[];
  /** Every row of the period: « Répéter chaque semaine » reaches past the month shown. */
  allRows: PlanningRow[];
  selected: Set<string>;
  onToggle: (key: string) => void;
  /** Replaces the selection (the quick buttons tick or untick many boxes at once). */
  onSelect: (next: Set<string>) => void;
  caption: string;
};

/**
 * One row per open day, one column per unit (label with hours). A greyed cell stays focusable
 * (aria-disabled rather than disabled) so that keyboard and screen-reader users reach its
 * reason, shown on hover and on focus. Under the column headers, a row of buttons ticks a unit's
 * weekdays or whole month; under the grid, the first ticked week repeats until a date. What they
 * did, and how many greyed days they left out, is read out in a status line.
 */
export function PlanningGrid({ units, month, rows, allRows, selected, onToggle, onSelect, caption }: Props) {
  const [message, setMessage] = useState<{ month: string; text: string } | null>(null);
  const lastDay = allRows.at(-1)?.day ?? "";
  const [until, setUntil] = useState(lastDay);
  const [untilError, setUntilError] = useState<string | undefined>(undefined);
  const weekdays = weekdaysOfMonth(rows, month);
  const model = modelWeek(allRows, selected, month);

  function apply(target: TickTarget) {
    const tick = !allTicked(selected, target);
    setMessage({ month, text: tickMessage(target, tick, selected) });
    onSelect(applyTarget(selected, target, tick));
  }

  function repeat() {
    if (!model) {
      setUntilError(undefined);
      setMessage({ month, text: "Cochez d'abord les journées d'une semaine type de ce mois-ci." });
      return;
    }
    if (!isCalendarDay(until) || until < addDays(model.monday, 7)) {
      setUntilError("Indiquez une date après la semaine type (jj/mm/aaaa).");
      return;
    }
    setUntilError(undefined);
    const target = repeatTarget(allRows, model, until);
    setMessage({ month, text: tickMessage(target, true, selected) });
    onSelect(applyTarget(selected, target, true));
  }

  const quickButton = (unit: Props["units"][number], target: TickTarget, tickLabel: string, untickLabel: string) => (
    <button
      type="button"
      onClick={() => apply(target)}
      className="min-h-8 rounded border border-brand bg-white px-2 py-1 text-left text-xs font-semibold text-brand hover:bg-blue-50"
    >
      {allTicked(selected, target) ? untickLabel : tickLabel}
      {units.length > 1 ? <span className="sr-only"> – {unit.label}</span> : null}
    </button>
  );

  return (
    <div className="space-y-3">
      <p role="status" className="min-h-5 text-sm font-semibold">
        {message?.month === month ? message.text : ""}
      </p>
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
            {rows.length > 0 ? (
              <tr className="border-b border-gray-200 align-top">
                <td className="px-2 py-2 text-xs text-muted">Cocher d&apos;un coup</td>
                {units.map((unit) => (
                  <td key={unit.id} className="px-2 py-2">
                    <div role="group" aria-label={`Cocher d'un coup : ${unit.label}`} className="flex flex-col items-start gap-1">
                      {weekdays.map((weekday) => (
                        <span key={weekday}>
                          {quickButton(
                            unit,
                            weekdayTarget(rows, month, unit.id, weekday),
                            everyWeekdayLabel(weekday),
                            `Décocher les ${everyWeekdayLabel(weekday).slice("Tous les ".length)}`,
                          )}
                        </span>
                      ))}
                      {quickButton(unit, monthTarget(rows, month, unit.id), "Tout cocher ce mois", "Tout décocher ce mois")}
                    </div>
                  </td>
                ))}
              </tr>
            ) : null}
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
      {rows.length > 0 ? (
        <div className="space-y-2 rounded bg-white px-3 py-2 shadow-sm">
          <p className="text-sm">
            {model
              ? `Semaine type : la semaine du ${dayLabel(model.monday)} (${model.ticks.length} case${model.ticks.length > 1 ? "s" : ""} cochée${model.ticks.length > 1 ? "s" : ""}).`
              : "Cochez les journées d'une semaine type de ce mois-ci pour la répéter."}
          </p>
          <TextField
            type="date"
            name="repeter-jusqu-au"
            label="Répéter chaque semaine jusqu'au"
            hint="Les mêmes jours de la semaine type seront cochés chaque semaine suivante, jusqu'à cette date incluse."
            value={until}
            onChange={setUntil}
            error={untilError}
          />
          <button
            type="button"
            onClick={repeat}
            className="rounded border border-brand px-4 py-2 font-bold text-brand hover:bg-blue-50"
          >
            Répéter chaque semaine
          </button>
        </div>
      ) : null}
    </div>
  );
}

// Journée and demi-journée (leisure units): a morning and an afternoon go together, but the full
// day of a date excludes both half-days of that date for the same child, across reservations and
// establishments. Pure: the booking transaction (book-days.ts) and the planning share it.
import { formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import type { DayPart } from "@/lib/db/generated/client";

export const DAY_PART_LABELS: Record<DayPart, string> = {
  FULL_DAY: "Journée",
  MORNING: "Demi-journée (matin)",
  AFTERNOON: "Demi-journée (après-midi)",
};

/** Guide: « Pensez à sélectionner la journée et/ou la demi-journée pour les activités de loisirs. » */
export const DAY_PART_REMINDER = "Pensez à sélectionner la journée et/ou la demi-journée pour les activités de loisirs.";

/** Whether two day parts of the same date cannot be booked together for one child. */
export function dayPartsClash(a: DayPart, b: DayPart): boolean {
  return a === "FULL_DAY" || b === "FULL_DAY" || a === b;
}

/** Why two clashing day parts cannot go together (French, lower case, no date). */
export function dayPartClashReason(a: DayPart, b: DayPart): string {
  if (a === "FULL_DAY" && b === "FULL_DAY") return "une seule journée peut être réservée pour un même enfant";
  if (a === b)
    return `une seule demi-journée ${a === "MORNING" ? "du matin" : "de l'après-midi"} peut être réservée pour un même enfant`;
  return "la journée et une demi-journée ne peuvent pas être réservées ensemble";
}

export type DayPartClash = { day: CalendarDay; reason: string };

/** « Le 14/04/2027 : la journée et une demi-journée ne peuvent pas être réservées ensemble. » */
export function dayPartClashMessage(clash: DayPartClash): string {
  return `Le ${formatDay(clash.day)} : ${clash.reason}.`;
}

export type DayPartBooking = { day: CalendarDay; dayPart: DayPart | null };

/**
 * The first clash (in date order) between the child's day parts: `held` (already booked, or kept)
 * and `added` (asked for now). Null when none. Held days are not checked against one another.
 */
export function firstDayPartClash(held: DayPartBooking[], added: DayPartBooking[]): DayPartClash | null {
  const byDay = new Map<CalendarDay, { part: DayPart; isNew: boolean }[]>();
  for (const [list, isNew] of [
    [held, false],
    [added, true],
  ] as const) {
    for (const entry of list) {
      if (!entry.dayPart) continue;
      byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), { part: entry.dayPart, isNew }]);
    }
  }
  for (const day of [...byDay.keys()].sort()) {
    const parts = byDay.get(day)!;
    for (const [i, a] of parts.entries()) {
      for (const b of parts.slice(i + 1)) {
        if ((a.isNew || b.isNew) && dayPartsClash(a.part, b.part)) return { day, reason: dayPartClashReason(a.part, b.part) };
      }
    }
  }
  return null;
}

/**
 * The planning's side of the rule (the server stays the authority): after a tick (`before` →
 * `after`, keys "unitId|YYYY-MM-DD"), the boxes of the same dates whose day part clashes with a
 * newly ticked one are unticked — unless the parent may not change them (`editable`), in which
 * case the new tick is taken back. Returns the selection and what was unticked or refused, by key.
 */
export function resolveDayPartTicks(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  partOf: (unitId: string) => DayPart | null,
  editable: ReadonlySet<string>,
): { selected: Set<string>; unticked: string[]; refused: string[] } {
  const split = (key: string) => {
    const [unitId, day] = key.split("|");
    return { day, part: partOf(unitId) };
  };
  const added = [...after].filter((key) => !before.has(key) && split(key).part);
  const selected = new Set(after);
  const unticked: string[] = [];
  const refused: string[] = [];
  for (const key of added) {
    const mine = split(key);
    const clashing = [...selected].filter((other) => {
      if (other === key) return false;
      const theirs = split(other);
      return theirs.day === mine.day && theirs.part !== null && dayPartsClash(mine.part!, theirs.part);
    });
    if (clashing.some((other) => !editable.has(other) || added.includes(other))) {
      selected.delete(key);
      refused.push(key);
      continue;
    }
    for (const other of clashing) {
      selected.delete(other);
      unticked.push(other);
    }
  }
  return { selected, unticked, refused };
}

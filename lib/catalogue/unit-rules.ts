// Pure rules of the catalogue's units, capacities and tariffs (STYLE.md: plain values in,
// plain values out), shared by the forms' schemas and the data-access functions.
import { isoWeekday, MONTH_NAMES, WEEKDAY_NAMES, type CalendarDay } from "@/lib/dates/calendar-day";

/** "mardi 6 octobre 2026" */
export function longDayLabel(day: CalendarDay): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${WEEKDAY_NAMES[isoWeekday(day) - 1]} ${date}${date === 1 ? "er" : ""} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "12 places déjà réservées le mardi 6 octobre 2026" */
export function bookedPlacesLabel(booked: number, day: CalendarDay): string {
  return `${booked} ${booked > 1 ? "places déjà réservées" : "place déjà réservée"} le ${longDayLabel(day)}`;
}

/**
 * The French refusal when a capacity would fall below the places already booked, naming the
 * days (the first ten, then how many more).
 */
export function overbookedMessage(days: { day: CalendarDay; booked: number }[], capacity: number): string {
  const shown = days.slice(0, 10).map((entry) => bookedPlacesLabel(entry.booked, entry.day));
  const more = days.length > 10 ? ` ; et ${days.length - 10} autre(s) jour(s)` : "";
  return `Impossible : ${shown.join(" ; ")}${more}. La capacité ne peut pas descendre sous le nombre de places réservées (capacité demandée : ${capacity}). Rien n'a été modifié.`;
}

/** "HH:MM" on a 24-hour clock. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Euros typed by staff ("3,50", "3.5", "12", "0") → cents; null when unreadable or negative. */
export function parseEuros(text: string): number | null {
  const match = text
    .trim()
    .replace(/\s|€/g, "")
    .match(/^(\d{1,5})(?:[,.](\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 350 → "3,50" (for a form field; add " €" to show it). */
export function formatEuros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

export type BracketBounds = { label: string; minQf: number; maxQf: number | null };

/** "de 400 à 699" — minQf inclusive, maxQf exclusive; "1 000 et plus" for the last one. */
export function bracketRangeLabel(bracket: Pick<BracketBounds, "minQf" | "maxQf">): string {
  const number = (value: number) => value.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");
  return bracket.maxQf === null
    ? `${number(bracket.minQf)} et plus`
    : `de ${number(bracket.minQf)} à ${number(bracket.maxQf - 1)}`;
}

/** Whether two brackets [min, max) share at least one quotient (max null = no upper bound). */
export function bracketsOverlap(a: Pick<BracketBounds, "minQf" | "maxQf">, b: Pick<BracketBounds, "minQf" | "maxQf">): boolean {
  const aEnd = a.maxQf ?? Number.POSITIVE_INFINITY;
  const bEnd = b.maxQf ?? Number.POSITIVE_INFINITY;
  return a.minQf < bEnd && b.minQf < aEnd;
}

/** The first existing bracket the candidate overlaps, or null. */
export function overlappingBracket<T extends BracketBounds>(
  candidate: Pick<BracketBounds, "minQf" | "maxQf">,
  others: T[],
): T | null {
  return others.find((other) => bracketsOverlap(candidate, other)) ?? null;
}

import type { CalendarDay } from "@/lib/dates/calendar-day";

// The tariff of a booked day is the one of the family's quotient-familial bracket valid THAT day
// (SPEC §8). Pure rules, the one place they are written: the invoicing run's SQL applies the same
// ones (see invoicing-run.ts), the booking recap's estimate uses them
// (estimate-pricing.ts). A QF that falls in a gap between brackets is billed, and estimated, at the
// highest bracket, like a family without a QF, and flagged.

export type QuotientHistoryEntry = { validFrom: CalendarDay; quotientFamilial: number | null };
export type BracketBounds = { id: string; label: string; minQf: number; maxQf: number | null };

/**
 * The QF valid on `day`: the latest history entry valid from that day or before. Null when none is
 * (no QF known yet on that day) or when the latest one removed it.
 */
export function quotientOnDay(history: readonly QuotientHistoryEntry[], day: CalendarDay): number | null {
  let best: QuotientHistoryEntry | null = null;
  for (const entry of history) {
    if (entry.validFrom <= day && (best === null || entry.validFrom > best.validFrom)) best = entry;
  }
  return best?.quotientFamilial ?? null;
}

export type BracketChoice = {
  bracket: BracketBounds;
  /** NO_QF: no quotient known that day; NO_BRACKET: no bracket holds it. Both bill the highest bracket. */
  anomaly: "NO_QF" | "NO_BRACKET" | null;
};

/** The bracket of a QF (minQf inclusive, maxQf exclusive); none → the highest bracket, flagged. Null without brackets. */
export function bracketForQuotient(brackets: readonly BracketBounds[], quotient: number | null): BracketChoice | null {
  if (brackets.length === 0) return null;
  const highest = brackets.reduce((top, bracket) => (bracket.minQf > top.minQf ? bracket : top));
  if (quotient === null) return { bracket: highest, anomaly: "NO_QF" };
  const found = brackets.find((bracket) => quotient >= bracket.minQf && (bracket.maxQf === null || quotient < bracket.maxQf));
  return found ? { bracket: found, anomaly: null } : { bracket: highest, anomaly: "NO_BRACKET" };
}

import { addDays, dateToDay, MONTH_NAMES, type CalendarDay } from "@/lib/dates/calendar-day";

// An invoiced month is written "2026-11" in forms and URLs; the invoice stores its first day.

export type BillingMonth = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isBillingMonth(value: string): value is BillingMonth {
  return MONTH_PATTERN.test(value);
}

/** "2026-11" → "2026-11-01". */
export function monthFirstDay(month: BillingMonth): CalendarDay {
  return `${month}-01`;
}

/** "2026-11" → "2026-12-01", the first day after the month. */
export function monthEnd(month: BillingMonth): CalendarDay {
  const [year, number] = month.split("-").map(Number);
  return number === 12 ? `${year + 1}-01-01` : `${year}-${String(number + 1).padStart(2, "0")}-01`;
}

/** The month a calendar day falls in: "2026-12-17" → "2026-12". */
export function monthOf(day: CalendarDay): BillingMonth {
  return day.slice(0, 7);
}

/** The month before the one of `today`: what « Facturation » offers by default. */
export function previousMonth(today: CalendarDay): BillingMonth {
  return monthOf(addDays(`${monthOf(today)}-01`, -1));
}

/**
 * « novembre 2026 »: of "2026-11", of the month's first day "2026-11-01", or of the invoice's
 * month as the database gives it (a Date, that day at midnight UTC).
 */
export function monthLabel(month: BillingMonth | CalendarDay | Date): string {
  const [year, number] = (typeof month === "string" ? month : dateToDay(month)).split("-").map(Number);
  return `${MONTH_NAMES[number - 1]} ${year}`;
}

/** « de novembre 2026 », « d'octobre 2026 » (elided before avril, août, octobre): « Facture d'octobre 2026 ». */
export function ofMonthLabel(month: BillingMonth | CalendarDay | Date): string {
  const label = monthLabel(month);
  return `${/^[aeiouéâ]/i.test(label) ? "d'" : "de "}${label}`;
}

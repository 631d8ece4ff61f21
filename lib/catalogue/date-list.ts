import { isCalendarDay, type CalendarDay } from "@/lib/dates/calendar-day";

export type DateListResult = { ok: true; days: CalendarDay[] } | { ok: false; invalid: string[] };

/**
 * A list of dates pasted by staff (one per line, or separated by commas or semicolons), as
 * "25/12/2026", "25/12/26" is refused (ambiguous century), or "2026-12-25". Sorted, without
 * duplicates.
 */
export function parseDateList(text: string): DateListResult {
  const items = text
    .split(/[\n\r,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const days = new Set<CalendarDay>();
  const invalid: string[] = [];
  for (const item of items) {
    const french = item.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
    const day = french ? `${french[3]}-${french[2].padStart(2, "0")}-${french[1].padStart(2, "0")}` : item;
    if (isCalendarDay(day)) days.add(day);
    else invalid.push(item);
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, days: [...days].sort() };
}

import { dateToDay } from "@/lib/dates/calendar-day";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The columns of an invoice line as it is shown and mirrored: what the family's and the staff's
 * invoice pages read (with the line's id) and what a credit note copies (with the day, child and
 * unit it bills).
 */
export const INVOICE_LINE_SHOWN = {
  date: true,
  childName: true,
  serviceLabel: true,
  unitLabel: true,
  quotientFamilial: true,
  bracketLabel: true,
  quantity: true,
  unitPriceCents: true,
  amountCents: true,
} as const satisfies Prisma.InvoiceLineSelect;

/** Lines grouped by child, then service, then unit, in date order within each. */
export function sortLines<T extends { childName: string; serviceLabel: string; unitLabel: string; date: Date | null }>(
  lines: readonly T[],
): T[] {
  const day = (line: T) => (line.date ? dateToDay(line.date) : "");
  return [...lines].sort(
    (a, b) =>
      a.childName.localeCompare(b.childName, "fr") ||
      a.serviceLabel.localeCompare(b.serviceLabel, "fr") ||
      a.unitLabel.localeCompare(b.unitLabel, "fr") ||
      day(a).localeCompare(day(b)),
  );
}

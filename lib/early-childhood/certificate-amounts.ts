import { parisToday, type CalendarDay } from "@/lib/dates/calendar-day";

// The amounts of the « Attestation de frais de garde » (crédit d'impôt, issue #15 point 6), as
// pure functions:
// - the year of a payment is the Paris calendar day of its receivedAt: a December invoice paid in
//   January counts for the next year;
// - only taxEligible lines count (crèche lines, and days of activities marked
//   childcareTaxEligible — never meals: the canteen is not eligible);
// - a payment is spread over its invoice's lines in proportion to their amounts: the part of a
//   child = paid that year × (the child's eligible lines, between 0 and the invoice's total) ÷
//   the invoice's total, rounded to the cent half up, per invoice (so a partly paid invoice counts
//   what was paid, not what was billed);
// - the child must be under 6 on 1 January of the year: born after 1 January of year − 6 (a child
//   turning 6 during the year still counts).

export type CertificateInvoice = {
  totalCents: number;
  payments: { amountCents: number; receivedAt: Date }[];
  lines: { childId: string | null; taxEligible: boolean; amountCents: number }[];
};

/** Whether a child born on `birthDay` is under 6 on 1 January of `year`. */
export function underSixOnFirstJanuary(birthDay: CalendarDay, year: number): boolean {
  return birthDay > `${year - 6}-01-01`;
}

/** Paid during `year` per child, on eligible lines (cents); children without anything are absent. */
export function childcareAmountsPaid(invoices: readonly CertificateInvoice[], year: number): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.totalCents <= 0) continue;
    const paid = invoice.payments
      .filter((payment) => Number(parisToday(payment.receivedAt).slice(0, 4)) === year)
      .reduce((sum, payment) => sum + payment.amountCents, 0);
    if (paid <= 0) continue;
    const eligible = new Map<string, number>();
    for (const line of invoice.lines) {
      if (!line.taxEligible || !line.childId) continue;
      eligible.set(line.childId, (eligible.get(line.childId) ?? 0) + line.amountCents);
    }
    for (const [childId, cents] of eligible) {
      const share = Math.min(invoice.totalCents, Math.max(0, cents));
      const part = Math.round((Math.min(paid, invoice.totalCents) * share) / invoice.totalCents);
      if (part > 0) amounts.set(childId, (amounts.get(childId) ?? 0) + part);
    }
  }
  return amounts;
}

/** AFG-2026-000001 */
export function certificateNumber(year: number, sequence: number): string {
  return `AFG-${year}-${String(sequence).padStart(6, "0")}`;
}

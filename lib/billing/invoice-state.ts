import type { CalendarDay } from "@/lib/dates/calendar-day";

// What an invoice's reader sees (SPEC §8): « À payer », « Partiellement payée », « Payée »,
// « En retard », « Annulée » — and « Avoir » for a credit note. Only ISSUED / PAID / CANCELLED
// and the amounts are stored; the rest follows from the due date and what was paid.

export type InvoiceState = "A_PAYER" | "PARTIELLEMENT_PAYEE" | "PAYEE" | "EN_RETARD" | "ANNULEE" | "AVOIR";

export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  A_PAYER: "À payer",
  PARTIELLEMENT_PAYEE: "Partiellement payée",
  PAYEE: "Payée",
  EN_RETARD: "En retard",
  ANNULEE: "Annulée",
  AVOIR: "Avoir",
};

export type InvoiceStateInput = {
  kind: "INVOICE" | "CREDIT_NOTE";
  status: "ISSUED" | "PAID" | "CANCELLED";
  totalCents: number;
  paidCents: number;
  /** The last day to pay, as a calendar day (YYYY-MM-DD). */
  dueDay: CalendarDay;
};

/** The invoice's state on `today` (Europe/Paris calendar day). A late invoice partly paid is « En retard ». */
export function invoiceState(invoice: InvoiceStateInput, today: CalendarDay): InvoiceState {
  if (invoice.kind === "CREDIT_NOTE") return "AVOIR";
  if (invoice.status === "CANCELLED") return "ANNULEE";
  if (invoice.status === "PAID" || invoice.paidCents >= invoice.totalCents) return "PAYEE";
  if (today > invoice.dueDay) return "EN_RETARD";
  return invoice.paidCents > 0 ? "PARTIELLEMENT_PAYEE" : "A_PAYER";
}

/** What remains to pay (never negative). */
export function remainingCents(invoice: Pick<InvoiceStateInput, "kind" | "status" | "totalCents" | "paidCents">): number {
  if (invoice.kind === "CREDIT_NOTE" || invoice.status === "CANCELLED") return 0;
  return Math.max(0, invoice.totalCents - invoice.paidCents);
}

/** « 14,00 € » (a non-breaking space before the euro sign; negative amounts of credit notes « −14,00 € »). */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? "−" : "";
  const value = Math.abs(cents);
  const euros = Math.floor(value / 100)
    .toLocaleString("fr-FR")
    .replace(/\u202f|\u00a0/g, " ");
  return `${sign}${euros},${String(value % 100).padStart(2, "0")}\u00a0€`;
}

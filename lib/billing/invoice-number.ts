// Invoice numbers (SPEC §8, DESIGN « Money »): continuous per régie, year and kind, from the
// InvoiceCounter row locked in the invoicing transaction. F-PERI-2026-000001 for an invoice,
// A-PERI-2026-000001 for a credit note (avoir). PayFiP's refdet is the same without dashes
// (alphanumeric, 6 to 30 characters).

export type InvoiceKindName = "INVOICE" | "CREDIT_NOTE";

export function invoiceNumber(kind: InvoiceKindName, regieCode: string, year: number, sequence: number): string {
  return `${kind === "INVOICE" ? "F" : "A"}-${regieCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The PayFiP refdet of an invoice number: its letters and digits. */
export function invoiceReference(number: string): string {
  return number.replace(/[^A-Za-z0-9]/g, "");
}

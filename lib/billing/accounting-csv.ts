import { formatDay } from "@/lib/dates/calendar-day";
import { toCsv } from "@/lib/lists/csv";

import { INVOICE_STATE_LABELS, type InvoiceState } from "./invoice-state";
import { PAYMENT_METHOD_LABELS, type PaymentMethodName } from "./payment-methods";

// The month's export for the accounting (issue #14 point 7): the CSV of the daily lists (UTF-8
// BOM, `;`, CRLF) with amounts as a French spreadsheet reads them, « 12,50 » (credit notes « -12,50 »).

/** 1250 → « 12,50 », -1250 → « -12,50 »: a number for the spreadsheet, with no euro sign. */
export function csvAmount(cents: number): string {
  const value = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(value / 100)},${String(value % 100).padStart(2, "0")}`;
}

export type InvoiceExportRow = {
  number: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  cancels: { number: string } | null;
  regie: { name: string };
  family: { name: string };
  billingName: string;
  month: Date;
  issuedDay: string;
  dueDay: string;
  totalCents: number;
  paidCents: number;
  remainingCents: number;
  state: InvoiceState;
};

export function invoicesCsv(rows: InvoiceExportRow[], monthLabel: (month: Date) => string): string {
  return toCsv([
    [
      "Numéro",
      "Type",
      "Facture annulée",
      "Régie",
      "Famille",
      "Facturé à",
      "Mois facturé",
      "Date d'émission",
      "Échéance",
      "Total",
      "Déjà payé",
      "Reste à payer",
      "État",
    ],
    ...rows.map((row) => [
      row.number,
      row.kind === "INVOICE" ? "Facture" : "Avoir",
      row.cancels?.number ?? "",
      row.regie.name,
      row.family.name,
      row.billingName,
      monthLabel(row.month),
      formatDay(row.issuedDay),
      row.kind === "INVOICE" ? formatDay(row.dueDay) : "",
      csvAmount(row.totalCents),
      csvAmount(row.kind === "INVOICE" ? row.paidCents : 0),
      csvAmount(row.remainingCents),
      INVOICE_STATE_LABELS[row.state],
    ]),
  ]);
}

export type PaymentExportRow = {
  receivedDay: string;
  number: string;
  regieCode: string;
  family: string;
  method: PaymentMethodName;
  receiptNumber: string | null;
  amountCents: number;
  idOp: string | null;
};

export function paymentsCsv(rows: PaymentExportRow[]): string {
  return toCsv([
    [
      "Date de réception",
      "Facture",
      "Régie",
      "Famille",
      "Mode de paiement",
      "N° de quittance ou de chèque",
      "Montant",
      "idOp PayFiP",
    ],
    ...rows.map((row) => [
      formatDay(row.receivedDay),
      row.number,
      row.regieCode,
      row.family,
      PAYMENT_METHOD_LABELS[row.method],
      row.receiptNumber ?? "",
      csvAmount(row.amountCents),
      row.idOp ?? "",
    ]),
  ]);
}

import { z } from "zod";

import { parseEuros } from "@/lib/catalogue/unit-rules";
import * as clock from "@/lib/clock";
import { isCalendarDay } from "@/lib/dates/calendar-day";
import { optionalNamedText } from "@/lib/validation/form-fields";

import type { PaymentMethodName } from "./payment-methods";

// The staff's invoices (issue #14 point 7): the list's filters, a manual payment, the CSV export.

/** The states staff filter on, as the address spells them (« Avoirs »: the credit notes). */
export const INVOICE_FILTER_STATES = ["a-payer", "partiellement-payee", "payee", "en-retard", "annulee", "avoirs"] as const;
export type TInvoiceFilterState = (typeof INVOICE_FILTER_STATES)[number];
export const INVOICE_FILTER_STATE_LABELS: Record<TInvoiceFilterState, string> = {
  "a-payer": "À payer",
  "partiellement-payee": "Partiellement payée",
  payee: "Payée",
  "en-retard": "En retard",
  annulee: "Annulée",
  avoirs: "Avoirs",
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().trim().regex(MONTH);

/** « Factures »: its filters, read back from the address (a wrong value is ignored). */
export const ZInvoiceSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  mois: month.optional().catch(undefined),
  regie: z.uuid().optional().catch(undefined),
  etat: z.enum(INVOICE_FILTER_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type TInvoiceSearch = z.output<typeof ZInvoiceSearchSchema>;

/** The accounting export: a month (required), a régie (optional), which file. */
export const ZInvoiceExportSchema = z.object({
  mois: month,
  regie: z
    .union([z.uuid(), z.literal("")])
    .optional()
    .transform((value) => value || undefined),
  type: z.enum(["factures", "paiements"]).default("factures"),
});
export type TInvoiceExport = z.output<typeof ZInvoiceExportSchema>;

/** The ways staff record a payment received at the Guichet unique (PayFiP is recorded by its own flow); labels in payment-methods.ts. */
export const MANUAL_PAYMENT_METHODS = ["ESPECES", "CHEQUE", "CESU", "VIREMENT"] as const satisfies readonly PaymentMethodName[];
export type TManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];
/** The methods whose receipt or cheque number is required: all but a bank transfer (its bank reference is optional). */
export const RECEIPT_REQUIRED: readonly TManualPaymentMethod[] = ["ESPECES", "CHEQUE", "CESU"];

const AMOUNT_MESSAGE = "Montant invalide : saisissez un montant en euros, par exemple 12,50.";

/** « Enregistrer un paiement » on an invoice's page (a payment received at the Guichet unique). */
export const ZManualPaymentSchema = z
  .object({
    invoiceId: z.uuid({ error: "Facture introuvable : rechargez la page." }),
    method: z.enum(MANUAL_PAYMENT_METHODS, { error: "Choisissez le mode de paiement." }),
    amount: z
      .string({ error: "Le montant est obligatoire." })
      .trim()
      .min(1, { error: "Le montant est obligatoire.", abort: true })
      .transform((text, context) => {
        const cents = parseEuros(text);
        if (cents === null || cents <= 0) {
          context.addIssue({
            code: "custom",
            message: cents === 0 ? "Le montant doit être supérieur à 0,00 €." : AMOUNT_MESSAGE,
          });
          return z.NEVER;
        }
        return cents;
      }),
    receivedOn: z
      .string({ error: "La date de réception est obligatoire." })
      .trim()
      .min(1, { error: "La date de réception est obligatoire.", abort: true })
      .refine(isCalendarDay, { error: "Date invalide : utilisez le format JJ/MM/AAAA.", abort: true })
      .refine((day) => day <= clock.today(), { error: "La date de réception ne peut pas être dans le futur." })
      .refine((day) => day >= "2000-01-01", { error: "Date invalide : utilisez le format JJ/MM/AAAA." }),
    receiptNumber: optionalNamedText("Le numéro de quittance ou de chèque", 40),
  })
  .superRefine((payment, context) => {
    if (RECEIPT_REQUIRED.includes(payment.method) && payment.receiptNumber === "")
      context.addIssue({
        code: "custom",
        path: ["receiptNumber"],
        message:
          payment.method === "CHEQUE"
            ? "Le numéro du chèque est obligatoire."
            : "Le numéro de quittance est obligatoire pour un paiement en espèces ou en CESU.",
      });
  });
export type TManualPayment = z.output<typeof ZManualPaymentSchema>;

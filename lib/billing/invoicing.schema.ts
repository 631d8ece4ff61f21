import { z } from "zod";

import { isBillingMonth } from "./billing-month";

// « Facturation » (the staff page's month and régie) and « Annuler la facture » (the credit note):
// one schema per form, shared by the form and its action.

export const ZInvoicingSchema = z.object({
  regieId: z.uuid({ error: "Choisissez une régie." }),
  month: z
    .string({ error: "Choisissez le mois à facturer." })
    .trim()
    .refine(isBillingMonth, { error: "Choisissez le mois à facturer (mois et année)." }),
});
export type TInvoicing = z.input<typeof ZInvoicingSchema>;

export const ZCancelInvoiceSchema = z.object({
  invoiceId: z.uuid(),
  reason: z
    .string({ error: "Indiquez le motif de l'annulation." })
    .trim()
    .min(3, { error: "Indiquez le motif de l'annulation." })
    .max(500, { error: "Le motif ne peut pas dépasser 500 caractères." }),
});
export type TCancelInvoice = z.input<typeof ZCancelInvoiceSchema>;

import { z } from "zod";

/** « Payer en ligne »: the family's invoice to pay (what remains on it). */
export const ZPayOnlineSchema = z.object({
  invoiceId: z.uuid("Facture introuvable."),
});
export type TPayOnline = z.output<typeof ZPayOnlineSchema>;

/** « Revérifier » on « Paiements en ligne »: the PayFiP operation to ask PayFiP about again. */
export const ZRecheckPayfipSchema = z.object({
  operationId: z.uuid("Paiement en ligne introuvable."),
});
export type TRecheckPayfip = z.output<typeof ZRecheckPayfipSchema>;

import { z } from "zod";

import { blankToNull, list, optionalNamedText } from "@/lib/validation/form-fields";

export const ZDecisionSchema = z
  .object({
    decision: z.enum(["ACCEPTED", "REFUSED"], { error: "Choisissez d'accepter ou de refuser." }),
    reservationId: z.uuid().optional(),
    dayId: z.uuid().optional(),
    // No message is NULL, as stored with the decision.
    message: optionalNamedText("Le message", 500).transform(blankToNull),
  })
  .refine((value) => Boolean(value.reservationId) !== Boolean(value.dayId), {
    error: "Choisissez une ligne ou une réservation.",
  });
export type TDecision = z.input<typeof ZDecisionSchema>;

export const ZQueueFilterSchema = z.object({
  establishmentId: z.uuid().optional().catch(undefined),
  periodId: z.uuid().optional().catch(undefined),
  date: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type TQueueFilter = z.output<typeof ZQueueFilterSchema>;

/** The queue's « Accepter / Refuser la sélection »: the ticked lines, whichever reservations they belong to. */
export const ZBulkDecisionSchema = z.object({
  decision: z.enum(["ACCEPTED", "REFUSED"], { error: "Choisissez d'accepter ou de refuser." }),
  dayIds: list(z.uuid({ error: "Ligne inconnue : rechargez la page." })).pipe(
    z.array(z.uuid()).min(1, "Cochez au moins une ligne.").max(200, "200 lignes au plus à la fois."),
  ),
  message: optionalNamedText("Le message", 500).transform(blankToNull),
});
export type TBulkDecision = z.input<typeof ZBulkDecisionSchema>;

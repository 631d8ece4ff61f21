import { z } from "zod";

import { list, requiredNamedText } from "@/lib/validation/form-fields";

import type { ReservationStatusName } from "./status-labels";

// The stored states a staff member filters on (the database enum ReservationStatus).
const RESERVATION_STATUS_VALUES = [
  "PENDING",
  "ACCEPTED",
  "REFUSED",
  "CANCELLED",
  "REPLACED",
] as const satisfies readonly ReservationStatusName[];

/** « Annuler ces journées » on the staff reservation page: a parent phoned, the agent cancels for them. */
export const ZStaffCancellationSchema = z.object({
  reservationId: z.uuid({ error: "Réservation inconnue : rechargez la page." }),
  dayIds: list(z.uuid({ error: "Journée inconnue : rechargez la page." })).pipe(
    z.array(z.uuid()).min(1, "Cochez au moins une journée à annuler."),
  ),
  reason: requiredNamedText("Le motif", 500),
});
export type TStaffCancellation = z.input<typeof ZStaffCancellationSchema>;

/** « Toutes les réservations »: its filters, read back from the address (a wrong value is ignored). */
export const ZReservationSearchSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  establishmentId: z.uuid().optional().catch(undefined),
  periodId: z.uuid().optional().catch(undefined),
  status: z.enum(RESERVATION_STATUS_VALUES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  date: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type TReservationSearch = z.output<typeof ZReservationSearchSchema>;

import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";

const id = (label: string) =>
  z
    .string({ error: `${label} manquant.` })
    .trim()
    .min(1, { error: `${label} manquant.` })
    .max(64);

export const ZBookedDaySchema = z.object({
  unitId: id("Unité"),
  date: z.string().refine(isCalendarDay, { error: "Date invalide." }),
});

/** The planning's selection, confirmed on the Récapitulatif step (new booking or Modifier / Annuler). */
export const ZBookingSchema = z
  .object({
    childId: id("Enfant"),
    periodId: id("Période"),
    replacesId: id("Réservation").nullish(),
    days: z.array(ZBookedDaySchema).max(1000, { error: "Trop de journées dans une seule demande." }),
  })
  .refine((value) => value.replacesId || value.days.length > 0, {
    error: "Cochez au moins une journée dans le planning.",
  });
export type TBooking = z.infer<typeof ZBookingSchema>;

/** "Copier la réservation pour un autre enfant". */
export const ZCopyReservationSchema = z.object({
  reservationId: id("Réservation"),
  childId: id("Enfant"),
});
export type TCopyReservation = z.infer<typeof ZCopyReservationSchema>;

"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import * as clock from "@/lib/clock";
import { confirmBooking, copyReservation } from "@/lib/reservations/book-days";
import { ZBookingSchema, ZCopyReservationSchema } from "@/lib/reservations/reservation.schema";

/** Confirmer la réservation — a new booking, or Modifier / Annuler when replacesId is set; its confirmation mail commits with it. */
export const confirmBookingAction = parentAction(ZBookingSchema, async (input, viewer, db) => {
  const result = await confirmBooking(db, viewer, input, clock.now());
  revalidatePath("/espace");
  revalidatePath("/espace/reservations");
  return { reservationId: result.reservationId, number: result.number, status: result.status };
});

/** Copier la réservation pour un autre enfant. */
export const copyReservationAction = parentAction(ZCopyReservationSchema, async (input, viewer, db) => {
  const result = await copyReservation(db, viewer, input, clock.now());
  revalidatePath("/espace");
  revalidatePath("/espace/reservations");
  return result;
});

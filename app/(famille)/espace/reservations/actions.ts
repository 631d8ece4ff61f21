"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import * as clock from "@/lib/clock";
import { confirmBooking, copyReservation } from "@/lib/reservations/book-days";
import { ZBookingSchema, ZCopyReservationSchema } from "@/lib/reservations/reservation.schema";

/**
 * Confirmer la réservation — a new booking, or Modifier / Annuler when replacesId is set; its
 * confirmation mail commits with it. No revalidatePath: in a server action it makes Next.js render
 * the page the action was posted from (the planning, the heaviest parent page) into the answer,
 * and the wizard never shows it — it goes on to the reservation's page in place of the planning
 * (router.replace). The other parent pages are rendered afresh on each visit: the client router
 * keeps no dynamic page (staleTimes.dynamic is 0).
 */
export const confirmBookingAction = parentAction(ZBookingSchema, async (input, viewer, db) => {
  const result = await confirmBooking(db, viewer, input, clock.now());
  return { reservationId: result.reservationId, number: result.number, status: result.status };
});

/** Copier la réservation pour un autre enfant. */
export const copyReservationAction = parentAction(ZCopyReservationSchema, async (input, viewer, db) => {
  const result = await copyReservation(db, viewer, input, clock.now());
  revalidatePath("/espace");
  revalidatePath("/espace/reservations");
  return result;
});

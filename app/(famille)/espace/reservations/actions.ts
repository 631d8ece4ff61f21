"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import * as clock from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { confirmBooking, copyReservation } from "@/lib/reservations/book-days";
import { sendReservationConfirmation } from "@/lib/reservations/reservation-mail";
import { ZBookingSchema, ZCopyReservationSchema } from "@/lib/reservations/reservation.schema";

async function mailAfterCommit(db: DbClient, reservationId: string | null | undefined, to: string) {
  if (!reservationId) return;
  try {
    await sendReservationConfirmation(db, reservationId, to);
  } catch (error) {
    // The booking is committed: a mail failure must not undo it, nor hide it from the parent.
    console.error("[reservations] confirmation mail failed", { reservationId, error });
  }
}

/** Confirmer la réservation — a new booking, or Modifier / Annuler when replacesId is set. */
export const confirmBookingAction = parentAction(ZBookingSchema, async (input, viewer, db) => {
  const result = await confirmBooking(db, viewer, input, clock.now());
  await mailAfterCommit(db, result.reservationId, viewer.email);
  revalidatePath("/espace");
  revalidatePath("/espace/reservations");
  return { reservationId: result.reservationId, number: result.number, status: result.status };
});

/** Copier la réservation pour un autre enfant. */
export const copyReservationAction = parentAction(ZCopyReservationSchema, async (input, viewer, db) => {
  const result = await copyReservation(db, viewer, input, clock.now());
  await mailAfterCommit(db, result.reservation?.id, viewer.email);
  revalidatePath("/espace");
  revalidatePath("/espace/reservations");
  return result;
});

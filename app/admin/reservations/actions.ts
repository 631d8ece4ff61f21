"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZBulkDecisionSchema, ZDecisionSchema } from "@/lib/reservations/decision.schema";
import { decideLines, decideReservation } from "@/lib/reservations/decisions";
import { cancelDaysByStaff } from "@/lib/reservations/staff-cancellation";
import { ZStaffCancellationSchema } from "@/lib/reservations/staff-reservation.schema";

export const decideReservationAction = staffAction(ZDecisionSchema, async (input, viewer, db) => {
  const notice = await decideReservation(db, viewer, input);
  revalidatePath("/admin", "layout");
  return { lines: notice.lines.length };
});

/** « Accepter / Refuser la sélection » in the queue: one transaction per reservation, a summary back. */
export const decideLinesAction = staffAction(ZBulkDecisionSchema, async (input, viewer, db) => {
  const summary = await decideLines(db, viewer, input);
  revalidatePath("/admin", "layout");
  return summary;
});

/** A parent phoned: the agent cancels some of the reservation's days for them. */
export const cancelDaysAction = staffAction(ZStaffCancellationSchema, async (input, viewer, db) => {
  const notice = await cancelDaysByStaff(db, viewer, input);
  revalidatePath("/admin", "layout");
  return { days: notice.lines.length, status: notice.status };
});

"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZDecisionSchema } from "@/lib/reservations/decision.schema";
import { decideReservation } from "@/lib/reservations/decisions";

export const decideReservationAction = staffAction(ZDecisionSchema, async (input, viewer, db) => {
  const notice = await decideReservation(db, viewer, input);
  revalidatePath("/admin/reservations");
  return { lines: notice.lines.length };
});

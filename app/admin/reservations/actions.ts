"use server";

import { revalidatePath } from "next/cache";
import { ZDecisionSchema } from "@/lib/reservations/decision.schema";
import { decideReservation } from "@/lib/reservations/decisions";
import { staffAction } from "@/lib/auth/action";

export const decideReservationAction = staffAction(ZDecisionSchema, async (input, viewer, db) => {
  const notice = await decideReservation(db, viewer, input);
  revalidatePath("/admin/reservations");
  return { lines: notice.lines.length };
});

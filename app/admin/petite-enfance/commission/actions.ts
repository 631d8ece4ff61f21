"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { createCommissionSession, decideInCommission } from "@/lib/early-childhood/commission";
import { ZCommissionSessionSchema, ZCommissionStepSchema } from "@/lib/early-childhood/staff-decisions.schema";

// The commission: agents and administrators (staffAction).

export const createCommissionAction = staffAction(ZCommissionSessionSchema, async (input, viewer, db) => {
  const { id } = await createCommissionSession(db, viewer, input);
  revalidatePath("/admin/petite-enfance/commission");
  return { id };
});

export const commissionStepAction = staffAction(ZCommissionStepSchema, async (input, viewer, db) => {
  const result = await decideInCommission(db, viewer, input);
  revalidatePath("/admin/petite-enfance", "layout");
  return result;
});

"use server";

import { revalidatePath } from "next/cache";

import { adminAction } from "@/lib/auth/action";
import { updateCriterion } from "@/lib/early-childhood/criteria";
import { ZCriterionUpdateSchema } from "@/lib/early-childhood/staff-settings.schema";

// The admission criteria are administrators' settings (an agent is refused).

export const updateCriterionAction = adminAction(ZCriterionUpdateSchema, async (input, viewer, db) => {
  const result = await updateCriterion(db, viewer, input);
  revalidatePath("/admin/petite-enfance", "layout");
  return result;
});

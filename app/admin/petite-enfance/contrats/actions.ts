"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { addAdjustment, removeAdjustment } from "@/lib/early-childhood/contracts";
import { ZAdjustmentDeleteSchema, ZAdjustmentSchema } from "@/lib/early-childhood/contracts.schema";

// A contract's day adjustments (agents and administrators).

export const addAdjustmentAction = staffAction(ZAdjustmentSchema, async (input, viewer, db) => {
  const result = await addAdjustment(db, viewer, input);
  revalidatePath(`/admin/petite-enfance/contrats/${input.contractId}`);
  return result;
});

export const removeAdjustmentAction = staffAction(ZAdjustmentDeleteSchema, async ({ id }, viewer, db) => {
  const result = await removeAdjustment(db, viewer, id);
  revalidatePath(`/admin/petite-enfance/contrats/${result.contractId}`);
  return result;
});

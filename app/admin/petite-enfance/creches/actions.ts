"use server";

import { revalidatePath } from "next/cache";

import { adminAction } from "@/lib/auth/action";
import { createCreche, updateCreche } from "@/lib/early-childhood/creches";
import { ZCrecheSchema, ZCrecheUpdateSchema } from "@/lib/early-childhood/staff-settings.schema";

// Crèches are administrators' settings: every action is adminAction (an agent is refused).

export const createCrecheAction = adminAction(ZCrecheSchema, async (input, viewer, db) => {
  const { id } = await createCreche(db, viewer, input);
  revalidatePath("/admin/petite-enfance", "layout");
  return { id };
});

export const updateCrecheAction = adminAction(ZCrecheUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateCreche(db, viewer, id, input);
  revalidatePath("/admin/petite-enfance", "layout");
  return { id };
});

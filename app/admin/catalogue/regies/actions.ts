"use server";

import { revalidatePath } from "next/cache";

import { adminAction } from "@/lib/auth/action";
import { ZRegieDeleteSchema, ZRegieSchema, ZRegieUpdateSchema } from "@/lib/billing/regie.schema";
import { createRegie, deleteRegie, updateRegie } from "@/lib/billing/regies";

// Régies are administrators' settings: every action is adminAction (an agent is refused).

/** A régie shows in its list, in the catalogue's activities (their « Régie ») and in the invoices' filters. */
function revalidateRegies() {
  revalidatePath("/admin/catalogue", "layout");
  revalidatePath("/admin/factures");
}

export const createRegieAction = adminAction(ZRegieSchema, async (input, viewer, db) => {
  const { id } = await createRegie(db, viewer, input);
  revalidateRegies();
  return { id };
});

export const updateRegieAction = adminAction(ZRegieUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateRegie(db, viewer, id, input);
  revalidateRegies();
  return { id };
});

export const deleteRegieAction = adminAction(ZRegieDeleteSchema, async ({ id }, viewer, db) => {
  await deleteRegie(db, viewer, id);
  revalidateRegies();
  return { id };
});

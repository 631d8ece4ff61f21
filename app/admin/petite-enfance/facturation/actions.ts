"use server";

import { revalidatePath } from "next/cache";

import { adminAction, staffAction } from "@/lib/auth/action";
import { savePsuYear, setFamilyResources } from "@/lib/early-childhood/psu-values";
import { ZFamilyResourcesSchema, ZPsuYearSchema } from "@/lib/early-childhood/psu.schema";

// « Barème PSU »: the year's values are administrators' settings; agents enter families' resources.

export const savePsuYearAction = adminAction(ZPsuYearSchema, async (input, viewer, db) => {
  const result = await savePsuYear(db, viewer, input);
  revalidatePath("/admin/petite-enfance/facturation");
  return result;
});

export const setFamilyResourcesAction = staffAction(ZFamilyResourcesSchema, async ({ contractId, ...input }, viewer, db) => {
  await setFamilyResources(db, viewer, input);
  revalidatePath("/admin/petite-enfance/facturation");
  if (contractId) revalidatePath(`/admin/petite-enfance/contrats/${contractId}`);
  return { familyId: input.familyId };
});

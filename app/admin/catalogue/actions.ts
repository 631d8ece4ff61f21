"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";
import { createActivity, createEstablishment, createPeriod, updateActivity, updateEstablishment, updatePeriod } from "@/lib/catalogue/catalogue-admin";
import { addClosures } from "@/lib/catalogue/closures";
import { ZClosureImportSchema } from "@/lib/catalogue/closure.schema";
import { ZEstablishmentSchema, ZEstablishmentUpdateSchema } from "@/lib/catalogue/establishment.schema";
import { ZPeriodSchema, ZPeriodUpdateSchema } from "@/lib/catalogue/period.schema";

export const addClosuresAction = staffAction(ZClosureImportSchema, async (input, viewer) => {
  const outcome = await addClosures(viewer, input);
  if (outcome.status === "done") revalidatePath(`/admin/catalogue/periodes/${input.periodId}`);
  return outcome;
});

export const createEstablishmentAction = staffAction(ZEstablishmentSchema, async (input, viewer) => {
  const establishment = await createEstablishment(viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: establishment.id };
});

export const updateEstablishmentAction = staffAction(ZEstablishmentUpdateSchema, async ({ id, ...input }, viewer) => {
  await updateEstablishment(viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

export const createActivityAction = staffAction(ZActivitySchema, async (input, viewer) => {
  const activity = await createActivity(viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: activity.id };
});

export const updateActivityAction = staffAction(ZActivityUpdateSchema, async ({ id, ...input }, viewer) => {
  await updateActivity(viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

export const createPeriodAction = staffAction(ZPeriodSchema, async (input, viewer) => {
  const period = await createPeriod(viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: period.id };
});

export const updatePeriodAction = staffAction(ZPeriodUpdateSchema, async ({ id, ...input }, viewer) => {
  await updatePeriod(viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

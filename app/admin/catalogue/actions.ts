"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";
import {
  createActivity,
  createEstablishment,
  createPeriod,
  updateActivity,
  updateEstablishment,
  updatePeriod,
} from "@/lib/catalogue/catalogue-admin";
import { ZClosureImportSchema } from "@/lib/catalogue/closure.schema";
import { addClosures } from "@/lib/catalogue/closures";
import { ZEstablishmentSchema, ZEstablishmentUpdateSchema } from "@/lib/catalogue/establishment.schema";
import { ZPeriodSchema, ZPeriodUpdateSchema } from "@/lib/catalogue/period.schema";

export const addClosuresAction = staffAction(ZClosureImportSchema, async (input, viewer, db) => {
  const outcome = await addClosures(db, viewer, input);
  if (outcome.status === "done") revalidatePath(`/admin/catalogue/periodes/${input.periodId}`);
  return outcome;
});

export const createEstablishmentAction = staffAction(ZEstablishmentSchema, async (input, viewer, db) => {
  const establishment = await createEstablishment(db, viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: establishment.id };
});

export const updateEstablishmentAction = staffAction(ZEstablishmentUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateEstablishment(db, viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

export const createActivityAction = staffAction(ZActivitySchema, async (input, viewer, db) => {
  const activity = await createActivity(db, viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: activity.id };
});

export const updateActivityAction = staffAction(ZActivityUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateActivity(db, viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

export const createPeriodAction = staffAction(ZPeriodSchema, async (input, viewer, db) => {
  const period = await createPeriod(db, viewer, input);
  revalidatePath("/admin/catalogue");
  return { id: period.id };
});

export const updatePeriodAction = staffAction(ZPeriodUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updatePeriod(db, viewer, id, input);
  revalidatePath("/admin/catalogue", "layout");
  return { id };
});

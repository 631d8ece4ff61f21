"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { staffAction } from "@/lib/auth/action";
import type { StaffViewer } from "@/lib/auth/session";
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
import type { DbClient } from "@/lib/db/client";

/** Creating an entry adds a row to the catalogue's lists. */
function createAction<TSchema extends z.ZodType>(
  schema: TSchema,
  create: (db: DbClient, viewer: StaffViewer, input: z.output<TSchema>) => Promise<{ id: string }>,
) {
  return staffAction(schema, async (input, viewer, db) => {
    const { id } = await create(db, viewer, input);
    revalidatePath("/admin/catalogue");
    return { id };
  });
}

/** Editing an entry changes its row in the lists and its own page: the whole catalogue layout. */
function updateAction<TSchema extends z.ZodType<{ id: string }>>(
  schema: TSchema,
  update: (db: DbClient, viewer: StaffViewer, id: string, input: Omit<z.output<TSchema>, "id">) => Promise<unknown>,
) {
  return staffAction(schema, async ({ id, ...input }, viewer, db) => {
    await update(db, viewer, id, input);
    revalidatePath("/admin/catalogue", "layout");
    return { id };
  });
}

export const createEstablishmentAction = createAction(ZEstablishmentSchema, createEstablishment);
export const updateEstablishmentAction = updateAction(ZEstablishmentUpdateSchema, updateEstablishment);
export const createActivityAction = createAction(ZActivitySchema, createActivity);
export const updateActivityAction = updateAction(ZActivityUpdateSchema, updateActivity);
export const createPeriodAction = createAction(ZPeriodSchema, createPeriod);
export const updatePeriodAction = updateAction(ZPeriodUpdateSchema, updatePeriod);

export const addClosuresAction = staffAction(ZClosureImportSchema, async (input, viewer, db) => {
  const outcome = await addClosures(db, viewer, input);
  if (outcome.status === "done") revalidatePath(`/admin/catalogue/periodes/${input.periodId}`);
  return outcome;
});

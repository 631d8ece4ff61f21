"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZTariffsSchema } from "@/lib/catalogue/tariff.schema";
import { saveTariffs } from "@/lib/catalogue/tariffs";
import { createUnit, deleteUnit, resetDayCapacity, setDayCapacity, updateUnit } from "@/lib/catalogue/units";
import {
  ZDayCapacityResetSchema,
  ZDayCapacitySchema,
  ZUnitCreateSchema,
  ZUnitDeleteSchema,
  ZUnitUpdateSchema,
} from "@/lib/catalogue/units.schema";

const periodPath = (periodId: string) => `/admin/catalogue/periodes/${periodId}`;
const unitPath = (unitId: string) => `/admin/catalogue/unites/${unitId}`;

export const createUnitAction = staffAction(ZUnitCreateSchema, async (input, viewer, db) => {
  const unit = await createUnit(db, viewer, input);
  revalidatePath(periodPath(input.periodId));
  return unit;
});

export const updateUnitAction = staffAction(ZUnitUpdateSchema, async (input, viewer, db) => {
  const result = await updateUnit(db, viewer, input);
  revalidatePath(periodPath(result.periodId));
  revalidatePath(unitPath(input.id));
  return result;
});

export const deleteUnitAction = staffAction(ZUnitDeleteSchema, async (input, viewer, db) => {
  const result = await deleteUnit(db, viewer, input.id);
  revalidatePath(periodPath(result.periodId));
  return result;
});

export const setDayCapacityAction = staffAction(ZDayCapacitySchema, async (input, viewer, db) => {
  const result = await setDayCapacity(db, viewer, input);
  revalidatePath(unitPath(input.unitId));
  return result;
});

export const resetDayCapacityAction = staffAction(ZDayCapacityResetSchema, async (input, viewer, db) => {
  await resetDayCapacity(db, viewer, input);
  revalidatePath(unitPath(input.unitId));
  return { date: input.date };
});

export const saveTariffsAction = staffAction(ZTariffsSchema, async (input, viewer, db) => {
  const result = await saveTariffs(db, viewer, input);
  revalidatePath(unitPath(input.unitId));
  revalidatePath(periodPath(result.periodId));
  return result;
});

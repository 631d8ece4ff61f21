"use server";

import { revalidatePath } from "next/cache";

import { adminAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { createStaffAccount, resetStaffSecondFactor, setStaffActive, setStaffRole } from "@/lib/staff/staff";
import {
  ZCreateStaffSchema,
  ZStaffActiveSchema,
  ZStaffRoleChangeSchema,
  ZStaffSecondFactorResetSchema,
} from "@/lib/staff/staff.schema";

export const createStaffAction = adminAction(ZCreateStaffSchema, async (input, viewer, db) => {
  const created = await createStaffAccount(db, viewer, input);
  revalidatePath("/admin/personnel");
  return created;
});

export const setStaffRoleAction = adminAction(ZStaffRoleChangeSchema, async (input, viewer, db) => {
  await setStaffRole(db, viewer, input.userId, input.role);
  revalidatePath("/admin/personnel");
  return null;
});

export const setStaffActiveAction = adminAction(ZStaffActiveSchema, async (input, viewer, db) => {
  await setStaffActive(db, viewer, input.userId, input.active);
  revalidatePath("/admin/personnel");
  return null;
});

export const resetStaffSecondFactorAction = adminAction(ZStaffSecondFactorResetSchema, async (input, viewer, db) => {
  await resetStaffSecondFactor(db, viewer, input.userId, await requestMeta());
  revalidatePath("/admin/personnel");
  return null;
});

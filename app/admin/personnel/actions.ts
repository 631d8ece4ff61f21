"use server";

import { adminAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { createStaffAccount, resetStaffSecondFactor, setStaffActive, setStaffRole } from "@/lib/staff/staff";
import {
  ZCreateStaffSchema,
  ZStaffActiveSchema,
  ZStaffRoleChangeSchema,
  ZStaffSecondFactorResetSchema,
} from "@/lib/staff/staff.schema";

import { revalidatingAction } from "../revalidating-action";

/** An administrator's change to a staff account, shown on the staff page. */
const staffAccountAction = revalidatingAction(adminAction, ["/admin/personnel"]);

export const createStaffAction = staffAccountAction(ZCreateStaffSchema, (input, viewer, db) =>
  createStaffAccount(db, viewer, input),
);

export const setStaffRoleAction = staffAccountAction(ZStaffRoleChangeSchema, async (input, viewer, db) => {
  await setStaffRole(db, viewer, input.userId, input.role);
  return null;
});

export const setStaffActiveAction = staffAccountAction(ZStaffActiveSchema, async (input, viewer, db) => {
  await setStaffActive(db, viewer, input.userId, input.active);
  return null;
});

export const resetStaffSecondFactorAction = staffAccountAction(ZStaffSecondFactorResetSchema, async (input, viewer, db) => {
  await resetStaffSecondFactor(db, viewer, input.userId, await requestMeta());
  return null;
});

"use server";

import { ZChangePasswordActionSchema } from "@/lib/account/account.action-schema";
import { ZChangeEmailSchema } from "@/lib/account/account.schema";
import { parentAction } from "@/lib/auth/action";
import { changePassword } from "@/lib/auth/change-password";
import { requestEmailChange } from "@/lib/auth/email-change";
import { getDb } from "@/lib/db/client";

export const changePasswordAction = parentAction(ZChangePasswordActionSchema, async (input, viewer) => {
  return changePassword(getDb(), viewer.userId, input);
});

export const requestEmailChangeAction = parentAction(ZChangeEmailSchema, async (input, viewer) => {
  return requestEmailChange(getDb(), viewer.userId, input);
});

"use server";

import { ZChangeEmailSchema, ZChangePasswordSchema } from "@/lib/account/account.schema";
import { parentAction } from "@/lib/auth/action";
import { changePassword } from "@/lib/auth/change-password";
import { requestEmailChange } from "@/lib/auth/email-change";
import { getDb } from "@/lib/db/client";

export const changePasswordAction = parentAction(ZChangePasswordSchema, async (input, viewer) => {
  return changePassword(getDb(), viewer.userId, input);
});

export const requestEmailChangeAction = parentAction(ZChangeEmailSchema, async (input, viewer) => {
  return requestEmailChange(getDb(), viewer.userId, input);
});

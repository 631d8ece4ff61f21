"use server";

import { ZTokenSchema } from "@/lib/account/account.schema";
import { publicAction } from "@/lib/auth/action";
import { confirmEmailChange } from "@/lib/auth/email-change";
import { AppError } from "@/lib/errors";

export const confirmEmailChangeAction = publicAction(ZTokenSchema, async (input, _viewer, db) => {
  const result = await confirmEmailChange(db, input.token);
  if (!result.ok) throw new AppError("TOKEN", result.message);
  return { email: result.email };
});

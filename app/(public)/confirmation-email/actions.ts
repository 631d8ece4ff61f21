"use server";

import { ZTokenSchema } from "@/lib/account/account.schema";
import { publicAction } from "@/lib/auth/action";
import { confirmEmailChange } from "@/lib/auth/email-change";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const confirmEmailChangeAction = publicAction(ZTokenSchema, async (input) => {
  const result = await confirmEmailChange(getDb(), input.token);
  if (!result.ok) throw new AppError("TOKEN", result.message);
  return { email: result.email };
});

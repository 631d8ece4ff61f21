"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { ZChoosePasswordSchema } from "@/lib/auth/password-policy";
import { resetPassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const ZResetSchema = ZChoosePasswordSchema.and(z.object({ token: z.string().min(1, "Lien incomplet.").max(200) }));

export const resetPasswordAction = publicAction(ZResetSchema, async (input) => {
  const result = await resetPassword(getDb(), input.token, input.password);
  if (!result.ok) throw new AppError("TOKEN", result.message);
  return { email: result.email };
});

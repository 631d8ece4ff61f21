"use server";

import { z } from "zod";
import { activateAccount } from "@/lib/auth/activation";
import { publicAction } from "@/lib/auth/action";
import { ZChoosePasswordSchema } from "@/lib/auth/password-policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const ZActivationSchema = ZChoosePasswordSchema.and(z.object({ token: z.string().min(1, "Lien incomplet.") }));

export const activateAccountAction = publicAction(ZActivationSchema, async (input) => {
  const result = await activateAccount(getDb(), input.token, input.password);
  if (!result.ok) throw new AppError("TOKEN", result.message);
  return { email: result.email };
});

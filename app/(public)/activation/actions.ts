"use server";

import { z } from "zod";
import { activateAccount } from "@/lib/auth/activation";
import { publicAction } from "@/lib/auth/action";
import { ZChoosePasswordSchema } from "@/lib/auth/password-policy";
import { requestMeta } from "@/lib/auth/request-meta";
import { signInAfterPasswordLink } from "@/lib/auth/sign-in";
import * as clock from "@/lib/clock";
import { AppError } from "@/lib/errors";

const ZActivationSchema = ZChoosePasswordSchema.and(z.object({ token: z.string().min(1, "Lien incomplet.").max(200) }));

export const activateAccountAction = publicAction(ZActivationSchema, async (input, _viewer, db) => {
  const meta = await requestMeta();
  const result = await activateAccount(db, input.token, input.password, clock.now(), meta);
  if (!result.ok) throw new AppError("TOKEN", result.message);
  return { email: result.email, next: await signInAfterPasswordLink(db, result.userId, meta) };
});

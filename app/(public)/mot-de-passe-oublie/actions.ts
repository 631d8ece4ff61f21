"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { ZForgotPasswordSchema } from "@/lib/account/account.schema";
import { publicAction } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/client-ip";
import { createResetThrottle, requestPasswordReset, RESET_REQUESTED_MESSAGE, type ResetThrottle } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";

let throttle: ResetThrottle | undefined;

export const requestPasswordResetAction = publicAction(ZForgotPasswordSchema, async (input) => {
  const db = getDb();
  throttle ??= createResetThrottle(db);
  const ip = clientIp((await headers()).get("x-forwarded-for"));
  await requestPasswordReset(db, throttle, { email: input.email, ip }, { defer: (task) => after(task) });
  return { message: RESET_REQUESTED_MESSAGE };
});

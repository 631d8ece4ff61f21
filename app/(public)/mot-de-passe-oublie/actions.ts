"use server";

import { after } from "next/server";

import { ZForgotPasswordSchema } from "@/lib/account/account.schema";
import { publicAction } from "@/lib/auth/action";
import {
  createResetThrottle,
  requestPasswordReset,
  RESET_REQUESTED_MESSAGE,
  type ResetThrottle,
} from "@/lib/auth/password-reset";
import { requestMeta } from "@/lib/auth/request-meta";

let throttle: ResetThrottle | undefined;

export const requestPasswordResetAction = publicAction(ZForgotPasswordSchema, async (input, _viewer, db) => {
  throttle ??= createResetThrottle(db);
  const meta = await requestMeta();
  await requestPasswordReset(db, throttle, { email: input.email, ...meta }, { defer: (task) => after(task) });
  return { message: RESET_REQUESTED_MESSAGE };
});

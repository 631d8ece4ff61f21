"use server";

import { ZChangePasswordActionSchema } from "@/lib/account/account.action-schema";
import { ZChangeEmailSchema } from "@/lib/account/account.schema";
import { parentAction } from "@/lib/auth/action";
import { changePassword } from "@/lib/auth/change-password";
import { requestEmailChange } from "@/lib/auth/email-change";
import { requestMeta } from "@/lib/auth/request-meta";
import { reissueSessionCookie } from "@/lib/auth/sign-in";

export const changePasswordAction = parentAction(ZChangePasswordActionSchema, async (input, viewer, db) => {
  const changed = await changePassword(db, viewer.userId, input, { sessionId: viewer.sessionId, meta: await requestMeta() });
  // Every other session ended; this one goes on.
  await reissueSessionCookie(db, viewer, changed.sessionVersion);
  return { email: changed.email };
});

export const requestEmailChangeAction = parentAction(ZChangeEmailSchema, async (input, viewer, db) => {
  return requestEmailChange(db, viewer.userId, input, { meta: await requestMeta() });
});

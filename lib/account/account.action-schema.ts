import "server-only";

import { ZNewPasswordSchema } from "@/lib/auth/password-policy";

import { ZChangePasswordSchema } from "./account.schema";

/** The form's schema plus the full password policy (the common-passwords list lives on the server). */
export const ZChangePasswordActionSchema = ZChangePasswordSchema.superRefine((value, context) => {
  const policy = ZNewPasswordSchema.safeParse(value.password);
  if (!policy.success) {
    for (const issue of policy.error.issues) context.addIssue({ code: "custom", path: ["password"], message: issue.message });
  }
});

"use server";

import { resetPassword } from "@/lib/auth/password-reset";

import { passwordLinkAction } from "../password-link-action";

export const resetPasswordAction = passwordLinkAction(resetPassword);

"use server";

import { activateAccount } from "@/lib/auth/activation";

import { passwordLinkAction } from "../password-link-action";

export const activateAccountAction = passwordLinkAction(activateAccount);

"use server";

import { adminAction } from "@/lib/auth/action";
import { resendMail } from "@/lib/mail/outbox-admin";
import { ZResendMailSchema } from "@/lib/mail/outbox-admin.schema";

import { revalidatingAction } from "../revalidating-action";

/** The page « Envois » and the admin home's alert show the mail's state. */
const outboxAction = revalidatingAction(adminAction, ["/admin/envois", "/admin"]);

export const resendMailAction = outboxAction(ZResendMailSchema, (input, viewer, db) => resendMail(db, viewer, input.id));

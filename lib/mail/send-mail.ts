import "server-only";

import type { PrismaClient } from "@/lib/db/generated/client";

import type { RenderedMail } from "./render-mail";
import { mailConfigFromEnv, type MailConfig } from "./transport";

let config: MailConfig | undefined;

/**
 * Sends one e-mail. Call it after the transaction that decided it has committed: a mail is
 * never sent for a change that was rolled back, and no transaction waits on SMTP.
 */
export async function sendMail(db: PrismaClient, to: string, mail: RenderedMail, mailConfig?: MailConfig): Promise<void> {
  config ??= mailConfigFromEnv();
  const target = mailConfig ?? config;
  if (target.kind === "smtp") {
    await target.transport.sendMail({ from: target.from, to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  await db.outboxMail.create({ data: { to, subject: mail.subject, text: mail.text, html: mail.html } });
}

import "server-only";

import type { Db } from "@/lib/db/client";
import { MAIL_STATUS_LABELS } from "@/lib/mail/kind-labels";

/**
 * The development outbox page: every mail the portal wrote, newest first, with its delivery state
 * (without SMTP, delivery marks them sent right where they are) and its links ready to open.
 */
export async function listOutboxMails(db: Db, take = 50) {
  const mails = await db.outboxMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true, status: true, lastError: true, attempts: true },
  });
  return mails.map((mail) => ({
    ...mail,
    statusLabel: MAIL_STATUS_LABELS[mail.status],
    links: [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])],
  }));
}

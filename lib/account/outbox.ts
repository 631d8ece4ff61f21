import "server-only";

import type { Db } from "@/lib/db/client";

/** The development outbox (mails stored when no SMTP server is configured), newest first. */
export async function listOutboxMails(db: Db, take = 50) {
  const mails = await db.outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
  return mails.map((mail) => ({ ...mail, links: [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])] }));
}

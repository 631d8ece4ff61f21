import "server-only";
import { getDb } from "@/lib/db/client";

/** The development outbox (mails stored when no SMTP server is configured), newest first. */
export async function listOutboxMails(take = 50) {
  const mails = await getDb().outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
  return mails.map((mail) => ({ ...mail, links: [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])] }));
}

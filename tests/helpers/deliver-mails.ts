// The outbox's delivery, run by a test where the job runtime would run it: every mail the code under
// test wrote to the outbox goes to the test's SMTP peer, through nodemailer and SMTP as in production.
import type { Database } from "@/lib/db/connect";
import { deliverDueMails } from "@/lib/mail/delivery";

import type { ReceivedMail, SmtpPeer } from "./smtp-peer";

/** Delivers every due outbox mail to `smtp` (throws if one could not be sent); resolves with all the mails the peer has received. */
export async function deliverMails(database: Pick<Database, "prisma">, smtp: SmtpPeer): Promise<ReceivedMail[]> {
  const report = await deliverDueMails(database.prisma, smtp.mailConfig);
  if (report.retried || report.failed) {
    const errors = await database.prisma.outboxMail.findMany({
      where: { lastError: { not: null } },
      select: { lastError: true },
    });
    throw new Error(`delivery to the SMTP peer failed: ${errors.map((row) => row.lastError).join(" | ")}`);
  }
  return smtp.mails;
}

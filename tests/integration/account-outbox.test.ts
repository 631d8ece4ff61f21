import { listOutboxMails } from "@/lib/account/outbox";
import { deliverDueMails } from "@/lib/mail/delivery";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { mailConfigFromEnv } from "@/lib/mail/transport";

import { MAIL_TOWN as TOWN } from "../helpers/admin-fixtures";
import { withTestDatabase, type TestDatabase } from "../helpers/test-db";

describe("the development outbox page's list", () => {
  let database: TestDatabase;
  withTestDatabase("pglite", (suite) => ({ database } = suite));

  it("lists every mail newest first, with its delivery state in French, its error, and its links ready to open", async () => {
    const outbox = mailConfigFromEnv({ NODE_ENV: "development" });
    const link = "http://localhost:3000/reinitialisation?jeton=abc-123";
    const enqueue = (to: string, subject: string, action?: { label: string; url: string }) =>
      database.prisma.$transaction((tx) =>
        enqueueMail(tx, to, renderMail(TOWN, { subject, paragraphs: ["Texte"], ...(action && { action }) }), "password-reset"),
      );
    await enqueue("a@exemple.fr", "Premier");
    await deliverDueMails(database.prisma, outbox);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const failed = await enqueue("b@exemple.fr", "Second", { label: "Choisir", url: link });
    await database.prisma.outboxMail.update({
      where: { id: failed },
      data: { status: "FAILED", attempts: 20, lastError: "Refus du serveur SMTP (550, RCPT TO) : 550 Boîte inconnue" },
    });
    const mails = await listOutboxMails(database.prisma);
    expect(mails.map((mail) => [mail.to, mail.subject, mail.statusLabel, mail.lastError])).toEqual([
      ["b@exemple.fr", "Second", "Échec", "Refus du serveur SMTP (550, RCPT TO) : 550 Boîte inconnue"],
      ["a@exemple.fr", "Premier", "Envoyé", null],
    ]);
    expect(mails[0].links).toEqual([link]);
    expect(mails[1].links).toEqual([]);
  });
});

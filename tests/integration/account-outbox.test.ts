import { listOutboxMails } from "@/lib/account/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { mailConfigFromEnv } from "@/lib/mail/transport";

import { MAIL_TOWN as TOWN } from "../helpers/admin-fixtures";
import { withTestDatabase, type TestDatabase } from "../helpers/test-db";

describe("the development outbox page's list", () => {
  let database: TestDatabase;
  withTestDatabase("pglite", (suite) => ({ database } = suite));

  it("lists the stored mails newest first, with their links ready to open", async () => {
    const outbox = mailConfigFromEnv({ NODE_ENV: "development" });
    const link = "http://localhost:3000/reinitialisation?jeton=abc-123";
    await sendMail(database.prisma, "a@exemple.fr", renderMail(TOWN, { subject: "Premier", paragraphs: ["Texte"] }), outbox);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sendMail(
      database.prisma,
      "b@exemple.fr",
      renderMail(TOWN, { subject: "Second", paragraphs: ["Texte"], action: { label: "Choisir", url: link } }),
      outbox,
    );
    const mails = await listOutboxMails(database.prisma);
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      ["b@exemple.fr", "Second"],
      ["a@exemple.fr", "Premier"],
    ]);
    expect(mails[0].links).toEqual([link]);
    expect(mails[1].links).toEqual([]);
  });
});

import { listOutboxMails } from "@/lib/account/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { mailConfigFromEnv } from "@/lib/mail/transport";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

const TOWN = { townName: "Ville de Rodez", portalName: "Portail Familles", guichetName: "Guichet unique", guichetPhone: "05 65 77 88 78", guichetEmail: "guichet@mairie-rodez.fr" };

describe("the development outbox page's list", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useAsAppDatabase(database);
  });
  afterAll(() => database?.drop());

  it("lists the stored mails newest first, with their links ready to open", async () => {
    const outbox = mailConfigFromEnv({ NODE_ENV: "development" });
    const link = "http://localhost:3000/reinitialisation?jeton=abc-123";
    await sendMail(database.prisma, "a@exemple.fr", renderMail(TOWN, { subject: "Premier", paragraphs: ["Texte"] }), outbox);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sendMail(database.prisma, "b@exemple.fr", renderMail(TOWN, { subject: "Second", paragraphs: ["Texte"], action: { label: "Choisir", url: link } }), outbox);
    const mails = await listOutboxMails(database.prisma);
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      ["b@exemple.fr", "Second"],
      ["a@exemple.fr", "Premier"],
    ]);
    expect(mails[0].links).toEqual([link]);
    expect(mails[1].links).toEqual([]);
  });
});

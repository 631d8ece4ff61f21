import { consumeAuthToken, createAuthToken, peekAuthToken, TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { deliverDueMails } from "@/lib/mail/delivery";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { mailConfigFromEnv } from "@/lib/mail/transport";

import { MAIL_TOWN as TOWN } from "../helpers/admin-fixtures";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

describe("e-mails", () => {
  let smtp: SmtpPeer;
  let database: TestDatabase;
  withTestDatabase("pglite", (suite) => ({ database, smtp } = suite));

  it("sends French HTML and text through a real SMTP server, with the town's contacts", async () => {
    const mail = renderMail(TOWN, {
      subject: "Activez votre compte",
      paragraphs: ["Le Guichet unique a créé votre compte <famille>."],
      action: { label: "Activer mon compte", url: "https://portail.example/activation?jeton=abc&x=1" },
      notes: ["Ce lien est valable 7 jours."],
    });
    await database.prisma.$transaction((tx) => enqueueMail(tx, "parent@exemple.fr", mail, "activation"));
    await deliverMails(database, smtp);
    const [received] = await smtp.waitFor(1);
    expect(received.to).toEqual(["parent@exemple.fr"]);
    expect(received.subject).toBe("Activez votre compte");
    expect(received.text).toContain("Activer mon compte : https://portail.example/activation?jeton=abc&x=1");
    expect(received.text).toContain("Tél. 05 65 77 88 78 – guichet@mairie-rodez.fr");
    expect(received.html).toContain('href="https://portail.example/activation?jeton=abc&amp;x=1"');
    expect(received.html).toContain("votre compte &lt;famille&gt;.");
    expect(received.html).not.toContain("<famille>");
  });

  it("delivers into the outbox itself when no SMTP server is configured (development): the row is marked sent there", async () => {
    const config = mailConfigFromEnv({ NODE_ENV: "development" });
    expect(config.kind).toBe("outbox");
    const id = await database.prisma.$transaction((tx) =>
      enqueueMail(tx, "dev@exemple.fr", renderMail(TOWN, { subject: "Sujet", paragraphs: ["Texte"] }), "password-reset"),
    );
    expect(await deliverDueMails(database.prisma, config)).toEqual({ sent: 1, retried: 0, failed: 0, nextAttemptAt: null });
    const stored = await database.prisma.outboxMail.findUniqueOrThrow({
      where: { id },
      select: { to: true, subject: true, status: true, transport: true, attempts: true, sentAt: true },
    });
    expect(stored).toEqual({
      to: "dev@exemple.fr",
      subject: "Sujet",
      status: "SENT",
      transport: "outbox",
      attempts: 1,
      sentAt: expect.any(Date),
    });
  });

  it("refuses to run without SMTP in production", () => {
    expect(() => mailConfigFromEnv({ NODE_ENV: "production" })).toThrow(/SMTP non configuré/);
    expect(mailConfigFromEnv({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525" }).kind).toBe("smtp");
  });
});

describe.each(testDatabaseKinds())("single-use links on %s", (kind) => {
  let database: TestDatabase;
  let userId: string;
  withTestDatabase(kind, async (suite) => {
    database = suite.database;
    userId = (await database.prisma.user.create({ data: { email: "lien@exemple.fr", role: "PARENT" } })).id;
  });

  it("works once, then says it was used", async () => {
    const secret = await createAuthToken(database.prisma, { userId, purpose: "PASSWORD_RESET" });
    expect(await peekAuthToken(database.prisma, secret, "PASSWORD_RESET")).toEqual({ ok: true, userId, newEmail: null });
    expect(await consumeAuthToken(database.prisma, secret, "PASSWORD_RESET")).toEqual({ ok: true, userId, newEmail: null });
    expect(await consumeAuthToken(database.prisma, secret, "PASSWORD_RESET")).toEqual({ ok: false, reason: "used" });
  });

  it("expires after its validity (1 hour for a password reset)", async () => {
    const created = new Date("2026-11-26T10:00:00Z");
    const secret = await createAuthToken(database.prisma, { userId, purpose: "PASSWORD_RESET" }, created);
    const justBefore = new Date(created.getTime() + TOKEN_TTL_MS.PASSWORD_RESET - 1);
    expect((await peekAuthToken(database.prisma, secret, "PASSWORD_RESET", justBefore)).ok).toBe(true);
    const atExpiry = new Date(created.getTime() + TOKEN_TTL_MS.PASSWORD_RESET);
    expect(await consumeAuthToken(database.prisma, secret, "PASSWORD_RESET", atExpiry)).toEqual({ ok: false, reason: "expired" });
  });

  it("is not valid for another purpose, and an unknown secret is invalid", async () => {
    const secret = await createAuthToken(database.prisma, { userId, purpose: "ACTIVATION" });
    expect(await consumeAuthToken(database.prisma, secret, "PASSWORD_RESET")).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeAuthToken(database.prisma, "inconnu", "ACTIVATION")).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores only a hash of the secret", async () => {
    const secret = await createAuthToken(database.prisma, { userId, purpose: "EMAIL_CHANGE", newEmail: "nouveau@exemple.fr" });
    const rows = await database.prisma.authToken.findMany({ select: { tokenHash: true } });
    expect(rows.some((row) => row.tokenHash.includes(secret))).toBe(false);
    expect(await consumeAuthToken(database.prisma, secret, "EMAIL_CHANGE")).toEqual({
      ok: true,
      userId,
      newEmail: "nouveau@exemple.fr",
    });
  });

  it("lets only one of two concurrent uses win", async () => {
    const secret = await createAuthToken(database.prisma, { userId, purpose: "ACTIVATION" });
    const results = await Promise.all([
      database.prisma.$transaction((tx) => consumeAuthToken(tx, secret, "ACTIVATION")),
      database.prisma.$transaction((tx) => consumeAuthToken(tx, secret, "ACTIVATION")),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });
});

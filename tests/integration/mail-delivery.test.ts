// The outbox and its delivery (lib/mail/outbox.ts, lib/mail/delivery.ts) on both databases, with a
// real SMTP peer that can refuse recipients, stop and start again on its port.
import { queueActivationMail } from "@/lib/auth/activation";
import { requestEmailChange } from "@/lib/auth/email-change";
import { hashPassword } from "@/lib/auth/password";
import * as clock from "@/lib/clock";
import { openDatabase } from "@/lib/db/connect";
import {
  deliverDueMails,
  flushAfterOutage,
  LEASE_MS,
  reclaimExpiredClaims,
  UNCERTAIN_SEND_ERROR,
  UNREACHABLE_PREFIX,
} from "@/lib/mail/delivery";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { GIVE_UP_AFTER_MS, retryDelayMs } from "@/lib/mail/retry-schedule";

import { MAIL_TOWN as TOWN } from "../helpers/admin-fixtures";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const PASSWORD = "une phrase de passe solide";

/** Moves the portal's clock (lib/clock.ts) to `at`; returns the way back. */
function setClock(at: Date): () => void {
  const saved = { clock: process.env.PORTAIL_CLOCK, anchor: process.env.PORTAIL_CLOCK_ANCHOR };
  process.env.PORTAIL_CLOCK = at.toISOString();
  process.env.PORTAIL_CLOCK_ANCHOR = String(Date.now());
  return () => {
    process.env.PORTAIL_CLOCK = saved.clock;
    if (saved.anchor === undefined) delete process.env.PORTAIL_CLOCK_ANCHOR;
    else process.env.PORTAIL_CLOCK_ANCHOR = saved.anchor;
  };
}

describe.each(testDatabaseKinds())("the mail outbox and its delivery on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  withTestDatabase(kind, (suite) => ({ database, smtp } = suite));

  beforeEach(async () => {
    await database.prisma.outboxMail.deleteMany();
    smtp.mails.length = 0;
    smtp.refuseRecipients(null);
    await smtp.start();
  });

  const mail = (subject: string) => renderMail(TOWN, { subject, paragraphs: ["Texte"] });
  /** `count` mails written in one committed transaction, to distinct recipients. */
  const enqueueMany = (count: number, prefix = "parent") =>
    database.prisma.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let index = 0; index < count; index += 1) {
        ids.push(await enqueueMail(tx, `${prefix}-${index}@exemple.fr`, mail(`Message ${index}`), "activation"));
      }
      return ids;
    });
  const row = (id: string) => database.prisma.outboxMail.findUniqueOrThrow({ where: { id } });
  const createParent = async (email: string) =>
    (
      await database.prisma.user.create({
        data: { email, role: "PARENT", passwordHash: await hashPassword(PASSWORD), activatedAt: new Date() },
        select: { id: true },
      })
    ).id;

  describe("written with the change", () => {
    it("leaves no row (and no link) when the change rolls back", async () => {
      const userId = await createParent("annule@exemple.fr");
      await expect(
        database.prisma.$transaction(async (tx) => {
          await queueActivationMail(tx, userId);
          throw new Error("la modification échoue après avoir écrit le message");
        }),
      ).rejects.toThrow(/échoue/);
      expect(await database.prisma.outboxMail.count()).toBe(0);
      expect(await database.prisma.authToken.count({ where: { userId } })).toBe(0);
    });

    it("leaves exactly one PENDING row per recipient when it commits, due now, and sends nothing by itself", async () => {
      const userId = await createParent("ancien@exemple.fr");
      await requestEmailChange(database.prisma, userId, { newEmail: "nouveau@exemple.fr", currentPassword: PASSWORD });
      const rows = await database.prisma.outboxMail.findMany({
        orderBy: { to: "asc" },
        select: { to: true, kind: true, status: true, attempts: true, nextAttemptAt: true },
      });
      expect(rows).toEqual([
        { to: "ancien@exemple.fr", kind: "email-change", status: "PENDING", attempts: 0, nextAttemptAt: expect.any(Date) },
        { to: "nouveau@exemple.fr", kind: "email-change", status: "PENDING", attempts: 0, nextAttemptAt: expect.any(Date) },
      ]);
      expect(rows.every((found) => found.nextAttemptAt <= clock.now())).toBe(true);
      expect((await smtp.settle()).length).toBe(0);
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toEqual({
        sent: 2,
        retried: 0,
        failed: 0,
        nextAttemptAt: null,
      });
      expect(smtp.mails.map((received) => received.to[0]).sort()).toEqual(["ancien@exemple.fr", "nouveau@exemple.fr"]);
    });
  });

  describe("sending", () => {
    it("sends each row once, with a stable Message-ID that a resend keeps", async () => {
      const [id] = await enqueueMany(1);
      await deliverDueMails(database.prisma, smtp.mailConfig);
      expect(smtp.mails.map((received) => received.messageId)).toEqual([`<${id}@portail.test>`]);
      expect(await row(id)).toMatchObject({ status: "SENT", transport: "smtp", attempts: 1, leaseUntil: null, lastError: null });
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 0 });

      // « Renvoyer »: the same row goes again, and is recognisably the same message.
      await database.prisma.outboxMail.update({ where: { id }, data: { status: "PENDING", attempts: 0, sentAt: null } });
      await deliverDueMails(database.prisma, smtp.mailConfig);
      expect(smtp.mails.map((received) => received.messageId)).toEqual([`<${id}@portail.test>`, `<${id}@portail.test>`]);
    });

    it("delivers each row exactly once with two runners at the same time", async () => {
      const ids = await enqueueMany(30);
      // PostgreSQL: a second client, as a second instance would have; PGlite has one connection.
      const second = database.url ? openDatabase({ kind: "postgres", url: database.url, poolSize: 5 }) : null;
      try {
        const reports = await Promise.all([
          deliverDueMails(database.prisma, smtp.mailConfig, { instance: "a" }),
          deliverDueMails(second?.prisma ?? database.prisma, smtp.mailConfig, { instance: "b" }),
        ]);
        expect(reports[0].sent + reports[1].sent).toBe(30);
      } finally {
        await second?.close();
      }
      await smtp.settle();
      expect(smtp.mails).toHaveLength(30);
      expect(new Set(smtp.mails.map((received) => received.messageId)).size).toBe(30);
      const rows = await database.prisma.outboxMail.findMany({ select: { id: true, status: true, attempts: true } });
      expect(rows.map((found) => [found.status, found.attempts])).toEqual(ids.map(() => ["SENT", 1]));
    });
  });

  describe("failures", () => {
    it("keeps a refused mail PENDING with the server's answer, retried 30 s later", async () => {
      const [id] = await enqueueMany(1);
      smtp.refuseRecipients({ code: 550, message: "Mailbox unknown" });
      const report = await deliverDueMails(database.prisma, smtp.mailConfig);
      const found = await row(id);
      expect(report).toEqual({ sent: 0, retried: 1, failed: 0, nextAttemptAt: found.nextAttemptAt });
      expect(found).toMatchObject({ status: "PENDING", attempts: 1, leaseUntil: null });
      expect(found.lastError).toMatch(/^Refus du serveur SMTP \(550, RCPT TO\) : 550 Mailbox unknown/);
      expect(found.nextAttemptAt.getTime() - found.lastAttemptAt!.getTime()).toBe(30_000);
      // Not due yet: a run now sends nothing.
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 0, retried: 0 });
    });

    it("gives up after 48 h of the schedule (FAILED with the last error), and « Renvoyer » opens a new window", async () => {
      const [id] = await enqueueMany(1);
      smtp.refuseRecipients({ code: 550, message: "Mailbox unknown" });
      const first = Date.now();
      let restore = () => {};
      try {
        let attempts = 0;
        for (;;) {
          await deliverDueMails(database.prisma, smtp.mailConfig);
          attempts += 1;
          const found = await row(id);
          expect(found.attempts).toBe(attempts);
          if (found.status === "FAILED") break;
          expect(found.nextAttemptAt.getTime() - found.lastAttemptAt!.getTime()).toBe(retryDelayMs(attempts));
          restore();
          restore = setClock(found.nextAttemptAt); // the next attempt's time comes
        }
        expect(attempts).toBe(21);
        const failed = await row(id);
        expect(failed.lastError).toMatch(/^Refus du serveur SMTP \(550/);
        const firstAttempt = failed.createdAt.getTime();
        // The schedule spanned 48 h: the last attempt was made 48 h after the first.
        expect(failed.lastAttemptAt!.getTime() - firstAttempt).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
        expect(failed.lastAttemptAt!.getTime() - firstAttempt).toBeLessThan(GIVE_UP_AFTER_MS + (Date.now() - first) + 1000);
        expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 0, failed: 0 });

        // « Renvoyer »: attempts back to 0 — a new failure is retried after 30 s, not given up.
        await database.prisma.outboxMail.update({ where: { id }, data: { status: "PENDING", attempts: 0 } });
        await deliverDueMails(database.prisma, smtp.mailConfig);
        const again = await row(id);
        expect(again).toMatchObject({ status: "PENDING", attempts: 1 });
        expect(again.nextAttemptAt.getTime() - again.lastAttemptAt!.getTime()).toBe(30_000);
      } finally {
        restore();
      }
    });
  });

  describe("a runner that died mid-send", () => {
    /** The state a runner leaves when it dies after claiming (and maybe sending): SENDING, its lease run out. */
    const diedWhileSending = (id: string) =>
      database.prisma.outboxMail.update({
        where: { id },
        data: { status: "SENDING", attempts: { increment: 1 }, leaseUntil: new Date(clock.now().getTime() - 1000) },
      });

    it("is sent once more with the same Message-ID, then left to staff: at most two sends without a human", async () => {
      const [id] = await enqueueMany(1);
      const [live] = await enqueueMany(1, "en-cours");
      // A claim whose lease still runs belongs to a live runner: untouched.
      await database.prisma.outboxMail.update({
        where: { id: live },
        data: { status: "SENDING", leaseUntil: new Date(clock.now().getTime() + LEASE_MS) },
      });

      await diedWhileSending(id); // send 1 (it may have reached the server)
      expect(await reclaimExpiredClaims(database.prisma)).toBe(1);
      expect(await row(id)).toMatchObject({ status: "PENDING", reclaims: 1, leaseUntil: null });
      await deliverDueMails(database.prisma, smtp.mailConfig); // send 2
      expect(smtp.mails.map((received) => received.messageId)).toEqual([`<${id}@portail.test>`]);
      expect(await row(id)).toMatchObject({ status: "SENT", reclaims: 1 });

      // Had the second send been interrupted too: no third one, staff decide.
      await diedWhileSending(id);
      expect(await reclaimExpiredClaims(database.prisma)).toBe(1);
      expect(await row(id)).toMatchObject({ status: "FAILED", reclaims: 2, lastError: UNCERTAIN_SEND_ERROR, leaseUntil: null });
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 0 });
      expect(smtp.mails).toHaveLength(1);
      expect(await row(live)).toMatchObject({ status: "SENDING", reclaims: 0 });
    });
  });

  describe("an SMTP outage", () => {
    it("holds the waiting mails with the failed one, then sends them all as soon as the server answers", async () => {
      const ids = await enqueueMany(6);
      await smtp.stop();
      const down = await deliverDueMails(database.prisma, smtp.mailConfig);
      // One batch tried and failed on the connection; the other mails wait with it (no attempt spent).
      expect(down.sent).toBe(0);
      expect(down.retried).toBeGreaterThan(0);
      expect(down.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now().getTime());
      const rows = await database.prisma.outboxMail.findMany({
        select: { status: true, attempts: true, lastError: true, nextAttemptAt: true },
      });
      expect(rows.every((found) => found.status === "PENDING" && found.lastError?.startsWith(UNREACHABLE_PREFIX))).toBe(true);
      expect(rows.every((found) => found.nextAttemptAt > clock.now())).toBe(true);
      expect(rows.filter((found) => found.attempts === 0)).toHaveLength(6 - down.retried);
      expect(rows[0].lastError).toMatch(/ECONNREFUSED/);
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 0, retried: 0 });

      // Late in the backoff: the next attempt is hours away.
      const hoursAway = new Date(clock.now().getTime() + 3 * 3600_000);
      await database.prisma.outboxMail.updateMany({ data: { attempts: 12, nextAttemptAt: hoursAway } });
      // A recipient refused by a working server keeps its backoff.
      const [refused] = await enqueueMany(1, "refuse");
      const refusedAt = hoursAway;
      await database.prisma.outboxMail.update({
        where: { id: refused },
        data: { attempts: 3, nextAttemptAt: refusedAt, lastError: "Refus du serveur SMTP (550, RCPT TO) : 550 Mailbox unknown" },
      });

      expect(await flushAfterOutage(database.prisma, smtp.mailConfig)).toBe(0); // still down: nothing moves
      await smtp.start();
      expect(await flushAfterOutage(database.prisma, smtp.mailConfig)).toBe(6);
      expect(await deliverDueMails(database.prisma, smtp.mailConfig)).toMatchObject({ sent: 6, retried: 0, failed: 0 });
      expect(smtp.mails.map((received) => received.messageId).sort()).toEqual(ids.map((id) => `<${id}@portail.test>`).sort());
      expect((await row(refused)).nextAttemptAt).toEqual(refusedAt);
      expect(await flushAfterOutage(database.prisma, smtp.mailConfig)).toBe(0);
    });
  });
});

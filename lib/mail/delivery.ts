import "server-only";

import * as clock from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";

import { retryDelayMs } from "./retry-schedule";
import { senderDomain, type MailConfig } from "./transport";

// Delivery of the outbox (lib/mail/outbox.ts), run by the job runtime (lib/jobs/) on every
// instance at once: a row is claimed before it is sent, so that of several runners only one sends
// it, and every state is on the row for staff (« Envois »): PENDING (due at nextAttemptAt) →
// SENDING (claimed until leaseUntil) → SENT, or back to PENDING with a later nextAttemptAt and the
// error, or FAILED once the retry schedule (retry-schedule.ts) has spanned 48 h.
//
// At most once per row, and the one exception bounded: a runner can die (kill -9, power loss)
// after the SMTP server accepted a mail and before the row says SENT. Nobody can know then whether
// the mail went out, so:
//   - the row keeps a stable Message-ID, `<row id@sender's domain>`, on every attempt: a resend is
//     recognisably the same message to the receiving side;
//   - reclaimExpiredClaims() puts a row whose claim ran out back to PENDING *once* (reclaims = 1),
//     and the second time marks it FAILED « Envoi incertain » for staff to decide.
// So a row reaches the SMTP server at most twice without a human deciding: its one claim that
// ended in a crash, and one resend. (A failure the SMTP server reports, or a connection that
// could not be made, is not a send: the server refused or never saw the mail, and the row is
// retried on the schedule.)

/** How long a claim holds: far above the longest single send (SMTP_TIMEOUTS in transport.ts). */
export const LEASE_MS = 5 * 60_000;

/**
 * The claim's length: LEASE_MS, or MAIL_LEASE_SECONDS (at least 30) — shorter only where sends
 * are known to be quick (the crash test, whose rows the killed instance held must come back
 * within the test). A lease shorter than a real send would let a second runner send it too.
 */
export function leaseMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.MAIL_LEASE_SECONDS);
  return Number.isFinite(seconds) && seconds >= 30 ? seconds * 1000 : LEASE_MS;
}
/** Rows claimed and sent together by one runner (one SMTP connection each). */
const BATCH = 4;
const DEFAULT_LIMIT = 500;

export const UNCERTAIN_SEND_ERROR = "Envoi incertain (interruption pendant l'envoi)";
/** How lastError starts when the SMTP server could not be reached; flushAfterOutage() looks for it. */
export const UNREACHABLE_PREFIX = "Serveur SMTP injoignable";

export type DeliveryReport = { sent: number; retried: number; failed: number; nextAttemptAt: Date | null };

type ClaimedMail = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

/** A timestamp parameter: the columns are `timestamp(3)` holding UTC, as Prisma writes them. */
const at = (date: Date) => date.toISOString();

/** Claims up to `count` due rows (SKIP LOCKED: two runners never claim the same row). */
async function claimDue(db: DbClient, count: number, now: Date): Promise<ClaimedMail[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs());
  const rows = await db.$queryRaw<ClaimedMail[]>`
    UPDATE "OutboxMail"
    SET "status" = 'SENDING', "leaseUntil" = ${at(leaseUntil)}::timestamp(3), "attempts" = "attempts" + 1,
        "lastAttemptAt" = ${at(now)}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${at(now)}::timestamp(3)
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${count}
      FOR UPDATE SKIP LOCKED
    ) AND "status" = 'PENDING'
    RETURNING "id", "to", "subject", "text", "html", "attempts"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/** What went wrong, readable on the staff page; `unreachable` when no SMTP conversation took place. */
export function describeSendError(error: unknown): { message: string; unreachable: boolean } {
  const fields = (error && typeof error === "object" ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    command?: unknown;
    message?: unknown;
  };
  const code = typeof fields.code === "string" ? fields.code : null;
  const responseCode = typeof fields.responseCode === "number" ? fields.responseCode : null;
  const text = (typeof fields.response === "string" ? fields.response : String(fields.message ?? error)).trim();
  const clip = (message: string) => (message.length > 500 ? `${message.slice(0, 497)}…` : message);
  // nodemailer's codes for a connection that failed (refused, reset, timed out, DNS); 421 is the
  // server saying it is not available now, whatever the message.
  if ((code && ["ESOCKET", "ECONNECTION", "ETIMEDOUT", "EDNS"].includes(code)) || responseCode === 421) {
    return { message: clip(`${UNREACHABLE_PREFIX} (${responseCode ?? code}) : ${text}`), unreachable: true };
  }
  if (responseCode) {
    const command = typeof fields.command === "string" ? `, ${fields.command}` : "";
    return { message: clip(`Refus du serveur SMTP (${responseCode}${command}) : ${text}`), unreachable: false };
  }
  return { message: clip(`Erreur d'envoi${code ? ` (${code})` : ""} : ${text}`), unreachable: false };
}

async function transmit(config: MailConfig, mail: ClaimedMail): Promise<void> {
  // The "outbox" transport (development, no SMTP): the row itself is where the mail goes.
  if (config.kind === "outbox") return;
  await config.transport.sendMail({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.id}@${senderDomain(config.from)}>`,
  });
}

type Outcome = "sent" | "retried" | "failed" | "unreachable";

/**
 * Sends one row claimed at `claimedAt` and records the outcome — only if the claim is still ours
 * (same attempt). The next attempt counts from the start of this one.
 */
async function deliverOne(db: DbClient, config: MailConfig, mail: ClaimedMail, claimedAt: Date): Promise<Outcome> {
  const ours = { id: mail.id, attempts: mail.attempts };
  try {
    await transmit(config, mail);
  } catch (error) {
    const { message, unreachable } = describeSendError(error);
    const delay = retryDelayMs(mail.attempts);
    await db.outboxMail.updateMany({
      where: { ...ours, status: "SENDING" },
      data:
        delay === null
          ? { status: "FAILED", leaseUntil: null, lastError: message }
          : { status: "PENDING", leaseUntil: null, lastError: message, nextAttemptAt: new Date(claimedAt.getTime() + delay) },
    });
    if (delay === null) return "failed";
    return unreachable ? "unreachable" : "retried";
  }
  // Also over a PENDING or FAILED left by reclaimExpiredClaims() while this send was slow: it was
  // sent, and saying so spares the resend.
  await db.outboxMail.updateMany({
    where: { ...ours, status: { not: "SENT" } },
    data: { status: "SENT", sentAt: clock.now(), transport: config.kind, leaseUntil: null, lastError: null },
  });
  return "sent";
}

/**
 * Sends every due outbox mail (PENDING, nextAttemptAt reached), a few at a time, until none is
 * due or `limit` were claimed. Safe to run on several instances at once. When the SMTP server
 * cannot be reached, the run stops and the other due mails wait with the failed one (same error,
 * same next attempt) instead of each spending a connection timeout; flushAfterOutage() makes them
 * due again as soon as the server answers.
 */
export async function deliverDueMails(
  db: DbClient,
  config: MailConfig,
  options: { limit?: number; instance?: string } = {},
): Promise<DeliveryReport> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, nextAttemptAt: null };
  let claimed = 0;
  while (claimed < limit) {
    const claimedAt = clock.now();
    const batch = await claimDue(db, Math.min(BATCH, limit - claimed), claimedAt);
    if (batch.length === 0) break;
    claimed += batch.length;
    const outcomes = await Promise.all(batch.map((mail) => deliverOne(db, config, mail, claimedAt)));
    for (const outcome of outcomes) report[outcome === "unreachable" ? "retried" : outcome] += 1;
    if (outcomes.includes("unreachable")) {
      await holdDueMails(db, batch[outcomes.indexOf("unreachable")].id);
      console.warn("[mail] SMTP server unreachable, delivery paused", { instance: options.instance });
      break;
    }
  }
  const next = await db.outboxMail.aggregate({ where: { status: "PENDING" }, _min: { nextAttemptAt: true } });
  report.nextAttemptAt = next._min.nextAttemptAt;
  return report;
}

/** The SMTP server is unreachable: the other due rows take the failed row's error and next attempt (attempts unchanged). */
async function holdDueMails(db: DbClient, failedId: string): Promise<void> {
  const failed = await db.outboxMail.findUnique({
    where: { id: failedId },
    select: { status: true, nextAttemptAt: true, lastError: true },
  });
  if (failed?.status !== "PENDING") return;
  await db.outboxMail.updateMany({
    where: { status: "PENDING", nextAttemptAt: { lte: clock.now() } },
    data: { nextAttemptAt: failed.nextAttemptAt, lastError: failed.lastError },
  });
}

/**
 * Rows whose claim ran out: the runner that claimed them stopped mid-send (see the bound above).
 * The first time a row is put back to PENDING, due now (it will be sent once more, with the same
 * Message-ID); the second time it is FAILED « Envoi incertain » for staff to decide. Returns how
 * many rows were reclaimed.
 */
export async function reclaimExpiredClaims(db: DbClient): Promise<number> {
  const now = clock.now();
  // One statement: rows are updated under their row lock, so a runner marking one SENT at the
  // same moment either wins (the row is no longer SENDING) or finds it reclaimed.
  return db.$executeRaw`
    UPDATE "OutboxMail"
    SET "status" = CASE WHEN "reclaims" = 0 THEN 'PENDING' ELSE 'FAILED' END::"OutboxMailStatus",
        "lastError" = CASE WHEN "reclaims" = 0 THEN "lastError" ELSE ${UNCERTAIN_SEND_ERROR} END,
        "nextAttemptAt" = ${at(now)}::timestamp(3),
        "reclaims" = "reclaims" + 1,
        "leaseUntil" = NULL
    WHERE "status" = 'SENDING' AND "leaseUntil" < ${at(now)}::timestamp(3)`;
}

/**
 * After an outage: rows waiting because the SMTP server could not be reached (however late in
 * their backoff) are made due now as soon as the server answers again — so that when it comes
 * back, every mail goes out at the next run instead of hours later. The server is asked only
 * when such rows exist. A refusal of one message (5xx for a recipient) keeps its backoff.
 * Returns how many rows were made due.
 */
export async function flushAfterOutage(db: DbClient, config: MailConfig): Promise<number> {
  const now = clock.now();
  const waiting = { status: "PENDING" as const, nextAttemptAt: { gt: now }, lastError: { startsWith: UNREACHABLE_PREFIX } };
  if (config.kind !== "smtp" || (await db.outboxMail.count({ where: waiting })) === 0) return 0;
  try {
    await config.transport.verify();
  } catch {
    return 0; // still down: the rows keep their schedule
  }
  const { count } = await db.outboxMail.updateMany({ where: waiting, data: { nextAttemptAt: now } });
  return count;
}

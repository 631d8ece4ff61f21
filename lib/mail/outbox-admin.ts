import "server-only";

// The staff page « Envois » (issue 13): the outbox's mails by state, « Renvoyer » for a failed
// one, the background jobs' last runs, and the admin home's alert when mails have been failing
// for more than an hour. Administrators only, except the alert, which agents see too (they are
// told to warn an administrator). Never the mails' bodies: they hold activation and reset links.
import { writeAudit } from "@/lib/audit/audit-log";
import type { Viewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import type { Db, DbClient } from "@/lib/db/client";
import type { OutboxMailStatus, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { mailQueued } from "./delivery-signal";
import { FAILING_ALERT_AFTER_MS } from "./failing-mail-rule";
import { jobLabel, KNOWN_JOBS, type TOutboxView } from "./outbox-labels";

export const OUTBOX_PAGE_SIZE = 50;

/** What the page asks for: a state (all when null), a part of the recipient's address, a page. */
export type TOutboxFilter = { view: TOutboxView | null; recipient: string | null; page: number };

const RETRYING: OutboxMailStatus[] = ["PENDING", "SENDING"];

/** Still retried after a failure (lib/mail/failing-mail-rule.ts: whatever its own attempts). */
const RETRYING_AFTER_ERROR: Prisma.OutboxMailWhereInput = { status: { in: RETRYING }, lastError: { not: null } };

/** Failing: given up, or still retried after a failure. */
const FAILING: Prisma.OutboxMailWhereInput = { OR: [{ status: "FAILED" }, RETRYING_AFTER_ERROR] };

const VIEW_WHERE: Record<TOutboxView, Prisma.OutboxMailWhereInput> = {
  "en-attente": { status: { in: RETRYING }, lastError: null },
  "en-echec": FAILING,
  envoyes: { status: "SENT" },
};

/** lib/mail/failing-mail-rule.ts's rule, as a query (`now` is the instant it is asked at). */
export function failingOverAnHourWhere(now: Date): Prisma.OutboxMailWhereInput {
  return {
    OR: [{ status: "FAILED" }, { ...RETRYING_AFTER_ERROR, createdAt: { lte: new Date(now.getTime() - FAILING_ALERT_AFTER_MS) } }],
  };
}

/** « Renvoyer » applies to a failed mail: given up, or waiting for its next attempt after an error (not while it is being sent). */
const RESENDABLE: Prisma.OutboxMailWhereInput = {
  OR: [{ status: "FAILED" }, { ...RETRYING_AFTER_ERROR, status: "PENDING" }],
};

export const isResendable = (mail: { status: OutboxMailStatus; lastError: string | null }): boolean =>
  mail.status === "FAILED" || (mail.status === "PENDING" && mail.lastError !== null);

const MAIL_ROW = {
  id: true,
  createdAt: true,
  to: true,
  subject: true,
  kind: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  lastError: true,
  sentAt: true,
} satisfies Prisma.OutboxMailSelect;

/** One page of mails, newest first, with the total for the filter and the page clamped to the last one. */
export async function listOutbox(db: Db, viewer: Viewer, filter: TOutboxFilter) {
  assertAdminViewer(viewer);
  const where: Prisma.OutboxMailWhereInput = {
    AND: [
      filter.view ? VIEW_WHERE[filter.view] : {},
      filter.recipient ? { to: { contains: filter.recipient, mode: "insensitive" } } : {},
    ],
  };
  const total = await db.outboxMail.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const mails = await db.outboxMail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: MAIL_ROW,
  });
  return { total, page, pageCount, mails: mails.map((mail) => ({ ...mail, resendable: isResendable(mail) })) };
}

/**
 * The counts of the page's summary: waiting (never failed), failing and still retried, given up,
 * sent; and the oldest failing mail (given up or retried), when there is one.
 */
export async function outboxSummary(db: Db, viewer: Viewer) {
  assertAdminViewer(viewer);
  const [byStatus, retrying, oldestFailure] = await Promise.all([
    db.outboxMail.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboxMail.count({ where: RETRYING_AFTER_ERROR }),
    db.outboxMail.findFirst({
      where: FAILING,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true, to: true, lastError: true, lastAttemptAt: true },
    }),
  ]);
  const count = (status: OutboxMailStatus) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    pending: count("PENDING") + count("SENDING") - retrying,
    retrying,
    failed: count("FAILED"),
    sent: count("SENT"),
    oldestFailure,
  };
}

/**
 * The admin home's alert: how many mails have been failing for more than an hour
 * (lib/mail/failing-mail-rule.ts) and since when (the oldest one's creation). Staff: agents see it
 * too, without any address.
 */
export async function mailFailureAlert(db: Db, viewer: Viewer, now: Date = clock.now()) {
  assertStaffViewer(viewer);
  const found = await db.outboxMail.aggregate({
    where: failingOverAnHourWhere(now),
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return { count: found._count._all, since: found._min.createdAt };
}

/**
 * « Renvoyer »: a failed mail is due again now, with a new 48-hour window of attempts (attempts
 * back to 0); its last error stays shown until the next attempt replaces it. Audited; the job
 * runtime is told at once (mailQueued). A sent mail, or one being sent, is refused.
 */
export async function resendMail(db: DbClient, viewer: Viewer, id: string): Promise<{ to: string }> {
  assertAdminViewer(viewer);
  const now = clock.now();
  const resent = await db.$transaction(async (tx) => {
    // Conditional, so that a delivery that claimed or sent it meanwhile wins (the row lock orders the two).
    const updated = await tx.outboxMail.updateMany({
      where: { AND: [{ id }, RESENDABLE] },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leaseUntil: null },
    });
    const mail = await tx.outboxMail.findUnique({
      where: { id },
      select: { to: true, subject: true, kind: true, status: true, lastError: true },
    });
    if (!mail) throw new AppError("NOT_FOUND", "Cet e-mail n'existe plus.");
    if (updated.count === 0) throw refusal(mail.status);
    await writeAudit(tx, viewer, {
      action: "outbox.resend",
      targetType: "OutboxMail",
      targetId: id,
      details: { destinataire: mail.to, objet: mail.subject, type: mail.kind, "dernière erreur": mail.lastError },
    });
    return { to: mail.to };
  });
  mailQueued();
  return resent;
}

function refusal(status: OutboxMailStatus): AppError {
  switch (status) {
    case "SENT":
      return new AppError("INVALID", "Cet e-mail a déjà été envoyé : il n'est pas renvoyé une seconde fois.");
    case "SENDING":
      return new AppError("BUSY", "Cet e-mail est en cours d'envoi : attendez le résultat avant de le renvoyer.");
    default:
      return new AppError("INVALID", "Cet e-mail est déjà en attente d'envoi : il part au prochain essai.");
  }
}

const RUN_ROW = {
  id: true,
  job: true,
  startedAt: true,
  finishedAt: true,
  ok: true,
  summary: true,
  instance: true,
} satisfies Prisma.JobRunSelect;

type RunRow = Prisma.JobRunGetPayload<{ select: typeof RUN_ROW }>;

const runDto = (run: RunRow | null) =>
  run && {
    ...run,
    id: run.id.toString(),
    /** null while it runs (or when its instance stopped mid-run). */
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };

/** Each background job (the known ones first, then any other that ran): its last run and its last failure. */
export async function jobRunsOverview(db: Db, viewer: Viewer) {
  assertAdminViewer(viewer);
  const ran = (await db.jobRun.groupBy({ by: ["job"], orderBy: { job: "asc" } })).map((row) => row.job);
  const jobs = [...KNOWN_JOBS, ...ran.filter((job) => !KNOWN_JOBS.includes(job))];
  return Promise.all(
    jobs.map(async (job) => {
      const newest = [{ startedAt: "desc" }, { id: "desc" }] satisfies Prisma.JobRunOrderByWithRelationInput[];
      const [lastRun, lastFailure] = await Promise.all([
        db.jobRun.findFirst({ where: { job }, orderBy: newest, select: RUN_ROW }),
        db.jobRun.findFirst({ where: { job, ok: false }, orderBy: newest, select: RUN_ROW }),
      ]);
      return { job, label: jobLabel(job), lastRun: runDto(lastRun), lastFailure: runDto(lastFailure) };
    }),
  );
}

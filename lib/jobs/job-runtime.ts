// The background jobs (DESIGN.md "Background work"): a pg-boss queue in the database itself —
// PostgreSQL, or the embedded PGlite served to pg-boss through lib/jobs/pglite-bridge.ts — so the
// same jobs run the same way on both. Several instances share the queue: a scheduled job runs
// once per slot (pg-boss's cron: one instance sends each slot's job, under a singleton key), and
// each job is fetched by one instance (FOR UPDATE SKIP LOCKED).
//
// pg-boss 10.4.2 on purpose: 11 and later need Node 22, and the portal runs on Node 20.
//
// No "server-only": the worker (scripts/worker.ts) runs this outside Next.
import os from "node:os";

import PgBoss from "pg-boss";

import * as clock from "@/lib/clock";
import type { Database } from "@/lib/db/connect";
import { describeWaitingConfirmations, runWaitingConfirmations } from "@/lib/early-childhood/confirmation-job";
import { deliverDueMails, flushAfterOutage, reclaimExpiredClaims } from "@/lib/mail/delivery";
import { onMailQueued } from "@/lib/mail/delivery-signal";
import { mailConfigFromEnv, type MailConfig } from "@/lib/mail/transport";
import { payfipConfigFromEnv } from "@/lib/payfip/config";
import { describePoll, pollPendingOperations } from "@/lib/payfip/poll";

import { describeDailyPurge, runDailyPurge } from "./daily-purge";
import { finishJobRun, recordFinishedJobRun, startJobRun, type JobOutcome } from "./job-runs";
import { PGLITE_POOL_MAX, servePgliteToPg, type PgliteBridge } from "./pglite-bridge";

export const JOB_QUEUES = {
  /** Delivers the outbox mails that are due: nudged when a mail is written, and at each retry's time. */
  mailDispatch: "mail-dispatch",
  /** Every minute: claims left by a crashed run, mails held during an outage, then what is due. */
  mailSweep: "mail-sweep",
  /** Every day at 03:00 Europe/Paris: lib/jobs/daily-purge.ts. */
  dailyPurge: "daily-purge",
  /** Every 5 minutes: PayFiP operations whose notification never came (lib/payfip/poll.ts). */
  payfipPoll: "payfip-poll",
  /** Every day at 06:00 Europe/Paris: crèche requests' 3-monthly confirmation (lib/early-childhood/confirmation-job.ts). */
  waitingConfirmations: "early-childhood-confirmations",
} as const;

export const WAITING_CONFIRMATIONS_CRON = "0 6 * * *";

export const PAYFIP_POLL_CRON = "*/5 * * * *";

export const DAILY_PURGE_CRON = "0 3 * * *";
const PARIS = "Europe/Paris";

export type JobsMode =
  /** Runs the jobs (and their schedules) in this process. */
  | "work"
  /** Only sends jobs (the dispatch nudge): `npm run worker` runs them (JOBS_IN_PROCESS=0). */
  | "send";

export type JobsOptions = {
  database: Database;
  mode: JobsMode;
  mailConfig?: MailConfig;
  /** The daily purge's cron (PORTAIL_DAILY_PURGE_CRON, for tests), Europe/Paris time. */
  dailyPurgeCron?: string;
  /** host:pid, recorded with each run. */
  instance?: string;
  /** How often workers poll (seconds; pg-boss's default is 2) and the cron is checked: tests go faster. */
  pollingIntervalSeconds?: number;
  cronIntervalSeconds?: number;
};

export type JobRuntime = {
  boss: PgBoss;
  instance: string;
  /** Dispatch delivery soon (debounced): what a written outbox mail triggers. */
  dispatchSoon(): void;
  /** Graceful stop: running jobs get up to `timeoutMs` to finish. */
  stop(timeoutMs?: number): Promise<void>;
};

const NUDGE_DEBOUNCE_MS = 100;
// The mail's row commits with its caller's transaction, maybe after the nudge's dispatch ran:
// look again a little later (the minute's sweep is the backstop).
const NUDGE_FOLLOW_UPS_SECONDS = [2, 6];

const holder = globalThis as typeof globalThis & { __portailJobRuntimes?: Set<JobRuntime> };
const runtimes = () => (holder.__portailJobRuntimes ??= new Set());

export function instanceName(): string {
  return `${os.hostname()}:${process.pid}`;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startJobs(options: JobsOptions): Promise<JobRuntime> {
  const { database, mode } = options;
  const db = database.prisma;
  const instance = options.instance ?? instanceName();
  const mailConfig = options.mailConfig ?? mailConfigFromEnv();
  const dailyPurgeCron = options.dailyPurgeCron ?? process.env.PORTAIL_DAILY_PURGE_CRON?.trim() ?? DAILY_PURGE_CRON;
  const polling = options.pollingIntervalSeconds ?? 2;
  const cronInterval = options.cronIntervalSeconds;

  let bridge: PgliteBridge | null = null;
  let connection: PgBoss.DatabaseOptions;
  if (database.target.kind === "postgres") {
    connection = { connectionString: database.target.url, max: 4 };
  } else {
    bridge = await servePgliteToPg(database.pglite!);
    connection = { connectionString: bridge.connectionString, max: PGLITE_POOL_MAX };
  }

  const working = mode === "work";
  const boss = new PgBoss({
    ...connection,
    application_name: `portail-jobs ${instance}`,
    // Only working instances keep the queue tidy and send the scheduled jobs.
    supervise: working,
    schedule: working,
    ...(cronInterval ? { cronMonitorIntervalSeconds: cronInterval, cronWorkerIntervalSeconds: cronInterval } : {}),
  });
  boss.on("error", (error) => console.error("[jobs]", message(error)));
  try {
    await boss.start();
  } catch (error) {
    await bridge?.close();
    throw error;
  }

  // A run of a scheduled job is a queue of its own: at most one waiting and one running.
  const scheduled: PgBoss.Queue = { name: "", policy: "stately", retryLimit: 0, expireInSeconds: 15 * 60 };
  // "short": one *waiting* job per singleton key (the second it is due), so nudges and retries
  // aimed at the same second coalesce, while a job that already ran never blocks a new one.
  await boss.createQueue(JOB_QUEUES.mailDispatch, {
    name: JOB_QUEUES.mailDispatch,
    policy: "short",
    retryLimit: 0,
    expireInSeconds: 5 * 60,
  });
  await boss.createQueue(JOB_QUEUES.mailSweep, { ...scheduled, name: JOB_QUEUES.mailSweep, expireInSeconds: 5 * 60 });
  await boss.createQueue(JOB_QUEUES.dailyPurge, { ...scheduled, name: JOB_QUEUES.dailyPurge });
  await boss.createQueue(JOB_QUEUES.payfipPoll, { ...scheduled, name: JOB_QUEUES.payfipPoll, expireInSeconds: 10 * 60 });
  await boss.createQueue(JOB_QUEUES.waitingConfirmations, { ...scheduled, name: JOB_QUEUES.waitingConfirmations });

  /** A dispatch in `delaySeconds`: two instances (or two nudges) asking for the same second send one job. */
  const sendDispatch = async (delaySeconds: number) => {
    const dueSecond = Math.floor(Date.now() / 1000) + delaySeconds;
    await boss.send(JOB_QUEUES.mailDispatch, {}, { startAfter: delaySeconds, singletonKey: `at-${dueSecond}` });
  };

  /** Runs one job and records it: always, or (record "if-busy") only when it did something or failed. */
  const recorded = async (job: string, record: "always" | "if-busy", work: () => Promise<JobOutcome & { busy: boolean }>) => {
    const startedAt = clock.now();
    const runId = record === "always" ? await startJobRun(db, job, instance, startedAt) : null;
    let outcome: JobOutcome & { busy: boolean };
    try {
      outcome = await work();
    } catch (error) {
      outcome = { ok: false, busy: true, summary: `Échec : ${message(error)}` };
    }
    try {
      if (runId !== null) await finishJobRun(db, runId, outcome);
      else if (outcome.busy) await recordFinishedJobRun(db, { job, instance, startedAt, outcome });
    } catch (error) {
      console.error(`[jobs] ${job}: trace non enregistrée`, message(error));
    }
    if (!outcome.ok) throw new Error(outcome.summary);
  };

  const deliver = async (): Promise<JobOutcome & { busy: boolean }> => {
    const report = await deliverDueMails(db, mailConfig, { instance });
    if (report.nextAttemptAt) {
      const delaySeconds = Math.max(0, Math.ceil((report.nextAttemptAt.getTime() - clock.now().getTime()) / 1000));
      await sendDispatch(delaySeconds);
    }
    const busy = report.sent + report.retried + report.failed > 0;
    return {
      ok: true,
      busy,
      summary: `${report.sent} envoyé(s), ${report.retried} à réessayer, ${report.failed} abandonné(s).`,
    };
  };

  let unsubscribe = () => {};
  if (working) {
    const work = { batchSize: 1, pollingIntervalSeconds: polling };
    // The dispatch is recorded only when it sent, postponed or gave up a mail (or failed): an
    // idle nudge is not worth a row. The sweep is always recorded: its last run is the
    // heartbeat the « Envois » page shows.
    await boss.work(JOB_QUEUES.mailDispatch, work, () => recorded(JOB_QUEUES.mailDispatch, "if-busy", deliver));
    await boss.work(JOB_QUEUES.mailSweep, work, () =>
      recorded(JOB_QUEUES.mailSweep, "always", async () => {
        const reclaimed = await reclaimExpiredClaims(db);
        const flushed = await flushAfterOutage(db, mailConfig);
        const delivered = await deliver();
        const before = reclaimed || flushed ? `${reclaimed} envoi(s) interrompu(s) repris, ${flushed} remis en file ; ` : "";
        return { ...delivered, summary: before + delivered.summary };
      }),
    );
    await boss.work(JOB_QUEUES.dailyPurge, work, () =>
      recorded(JOB_QUEUES.dailyPurge, "always", async () => {
        const report = await runDailyPurge(db, clock.now());
        return { ok: true, busy: true, summary: describeDailyPurge(report) };
      }),
    );
    await boss.work(JOB_QUEUES.payfipPoll, work, () =>
      recorded(JOB_QUEUES.payfipPoll, "always", async () => {
        const report = await pollPendingOperations(db, payfipConfigFromEnv(), clock.now());
        return { ok: true, busy: report.checked > 0, summary: describePoll(report) };
      }),
    );
    await boss.work(JOB_QUEUES.waitingConfirmations, work, () =>
      recorded(JOB_QUEUES.waitingConfirmations, "always", async () => {
        const report = await runWaitingConfirmations(db, clock.now());
        return { ok: true, busy: true, summary: describeWaitingConfirmations(report) };
      }),
    );
    await boss.schedule(JOB_QUEUES.mailSweep, "* * * * *", {}, { tz: PARIS });
    await boss.schedule(JOB_QUEUES.waitingConfirmations, WAITING_CONFIRMATIONS_CRON, {}, { tz: PARIS });
    await boss.schedule(JOB_QUEUES.payfipPoll, PAYFIP_POLL_CRON, {}, { tz: PARIS });
    await boss.schedule(JOB_QUEUES.dailyPurge, dailyPurgeCron, {}, { tz: PARIS });
    // Mails already waiting when the worker starts (written while no instance ran, by a script or
    // another instance's last moments) go out now, not at the next minute's sweep.
    await sendDispatch(0);
  }

  let debounce: NodeJS.Timeout | null = null;
  const dispatchSoon = () => {
    if (debounce) return;
    debounce = setTimeout(() => {
      debounce = null;
      Promise.all([0, ...NUDGE_FOLLOW_UPS_SECONDS].map((delay) => sendDispatch(delay))).catch((error) =>
        console.error("[jobs] envoi des e-mails non déclenché", message(error)),
      );
    }, NUDGE_DEBOUNCE_MS);
    debounce.unref();
  };
  unsubscribe = onMailQueued(dispatchSoon);

  let stopping: Promise<void> | null = null;
  const runtime: JobRuntime = {
    boss,
    instance,
    dispatchSoon,
    stop(timeoutMs = 20_000) {
      stopping ??= (async () => {
        unsubscribe();
        if (debounce) clearTimeout(debounce);
        // wait: resolves once the running jobs are done (or the timeout passed) and the pool is closed.
        await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
        await bridge?.close();
        runtimes().delete(runtime);
      })();
      return stopping;
    },
  };
  runtimes().add(runtime);
  return runtime;
}

/** Stops every job runtime of this process, gracefully: running jobs get up to `timeoutMs`. */
export async function stopJobs(timeoutMs = 20_000): Promise<void> {
  await Promise.all([...runtimes()].map((runtime) => runtime.stop(timeoutMs)));
}

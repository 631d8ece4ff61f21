// The JobRun rows: one per run of a background job, read by the staff page « Envois ».
// No "server-only": the worker (scripts/worker.ts) runs these too.
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

const JOB_RUN_RETENTION_DAYS = 30;

export type JobOutcome = { ok: boolean; summary: string };

/** Records a run as it starts (ok null) and returns its id. */
export async function startJobRun(db: PrismaClient, job: string, instance: string, at = clock.now()): Promise<bigint> {
  const run = await db.jobRun.create({ data: { job, instance, startedAt: at }, select: { id: true } });
  return run.id;
}

export async function finishJobRun(db: PrismaClient, id: bigint, outcome: JobOutcome, at = clock.now()): Promise<void> {
  await db.jobRun.update({ where: { id }, data: { finishedAt: at, ok: outcome.ok, summary: outcome.summary } });
}

/** Records a run once it is over (for the runs only worth keeping when they did something). */
export async function recordFinishedJobRun(
  db: PrismaClient,
  run: { job: string; instance: string; startedAt: Date; outcome: JobOutcome },
  at = clock.now(),
): Promise<void> {
  await db.jobRun.create({
    data: {
      job: run.job,
      instance: run.instance,
      startedAt: run.startedAt,
      finishedAt: at,
      ok: run.outcome.ok,
      summary: run.outcome.summary,
    },
  });
}

/** The runs older than 30 days (the « Envois » page shows the last ones). Returns how many went. */
export async function purgeOldJobRuns(db: PrismaClient, now = clock.now()): Promise<number> {
  const before = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.jobRun.deleteMany({ where: { startedAt: { lt: before } } });
  return count;
}

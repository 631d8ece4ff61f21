// Two job runtimes on one PostgreSQL database (two app instances, or an instance and a worker):
// each scheduled job runs once per slot. pg-boss's cron has a minute's granularity, so this test
// watches the every-minute sweep and a daily purge scheduled every minute (as
// PORTAIL_DAILY_PURGE_CRON lets a test do) for a little over two minutes.
import * as clock from "@/lib/clock";
import { JOB_QUEUES, startJobs, type JobRuntime } from "@/lib/jobs/job-runtime";

import { describePostgres, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const WATCH_MS = 130_000;

describePostgres("scheduled jobs across two instances (PostgreSQL; about two minutes)", () => {
  let database: TestDatabase;
  const runtimes: JobRuntime[] = [];
  // Declared before withTestDatabase: the runtimes stop before their database is dropped.
  afterAll(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.stop(5000)));
  });
  withTestDatabase("postgres", async (suite) => {
    database = suite.database;
    for (const name of ["instance-a:1", "instance-b:2"]) {
      runtimes.push(
        await startJobs({
          database,
          mode: "work",
          mailConfig: { kind: "outbox", from: "Portail <no-reply@portail.test>" },
          instance: name,
          dailyPurgeCron: "* * * * *",
          pollingIntervalSeconds: 0.5,
          cronIntervalSeconds: 1,
        }),
      );
    }
  });

  it(
    "runs the sweep and the purge once per minute slot, whichever instance takes it",
    async () => {
      await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
      // JobRun times are the portal's (pinned) clock: back to real time, then to cron's minutes.
      const offset = clock.now().getTime() - Date.now();
      const runs = await database.prisma.jobRun.findMany({ select: { job: true, startedAt: true, ok: true, instance: true } });
      for (const job of [JOB_QUEUES.mailSweep, JOB_QUEUES.dailyPurge]) {
        const perSlot = new Map<number, number>();
        for (const run of runs.filter((run) => run.job === job)) {
          expect(run.ok).toBe(true);
          const slot = Math.floor((run.startedAt.getTime() - offset) / 60_000);
          perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
        }
        expect(perSlot.size).toBeGreaterThanOrEqual(2);
        expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
      }
    },
    WATCH_MS + 30_000,
  );
});

// The job runtime (lib/jobs/job-runtime.ts) on both databases: on PGlite through the socket bridge
// (lib/jobs/pglite-bridge.ts), on PostgreSQL directly. Delivery itself is helper code of its own
// (lib/mail/delivery.ts): here, only that the jobs run, are recorded, and keep out of Prisma's way.
import pg from "pg";

import * as clock from "@/lib/clock";
import { DAILY_PURGE_CRON, JOB_QUEUES, startJobs, type JobRuntime } from "@/lib/jobs/job-runtime";
import { servePgliteToPg } from "@/lib/jobs/pglite-bridge";
import { mailQueued } from "@/lib/mail/delivery-signal";
import { enqueueMail } from "@/lib/mail/outbox";

import { createTestDatabase, describePostgres, testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const outboxConfig = { kind: "outbox", from: "Portail <no-reply@portail.test>" } as const;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`toujours pas après ${timeoutMs} ms : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const completedJobs = async (database: TestDatabase, queue: string) => {
  const rows = await database.prisma.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
    queue,
  );
  return Number(rows[0].count);
};

describe.each(testDatabaseKinds())("the job runtime on %s", (kind) => {
  let database: TestDatabase;
  let runtime: JobRuntime;
  // Declared before withTestDatabase: the runtimes stop before their database is dropped.
  afterAll(async () => {
    await runtime?.stop(5000);
  });
  withTestDatabase(kind, async (suite) => {
    database = suite.database;
    runtime = await startJobs({
      database,
      mode: "work",
      mailConfig: outboxConfig,
      instance: `test-${kind}:1`,
      pollingIntervalSeconds: 0.5,
      // Far from now: the scheduled runs don't mix with the ones the tests send.
      dailyPurgeCron: "0 3 1 1 *",
    });
  });

  it("runs a daily purge sent to its queue and records the run: instance, start, end, ok and a French summary", async () => {
    const startedFrom = clock.now();
    await runtime.boss.send(JOB_QUEUES.dailyPurge, {});
    const run = await waitFor("a finished daily-purge run", () =>
      database.prisma.jobRun.findFirst({ where: { job: JOB_QUEUES.dailyPurge, finishedAt: { not: null } } }),
    );
    expect(run).toMatchObject({ ok: true, instance: `test-${kind}:1` });
    expect(run.summary).toMatch(/^Supprimé : 0 entrée\(s\) du journal de plus de 12 mois, /);
    expect(run.startedAt.getTime()).toBeGreaterThanOrEqual(startedFrom.getTime() - 1000);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
  });

  it("dispatches delivery when an outbox mail is written, without recording an idle dispatch", async () => {
    const before = await completedJobs(database, JOB_QUEUES.mailDispatch);
    mailQueued();
    // The nudge now, then its two follow-ups (2 s and 6 s later).
    await waitFor(
      "three dispatch jobs completed",
      async () => (await completedJobs(database, JOB_QUEUES.mailDispatch)) >= before + 3,
      20_000,
    );
    expect(await database.prisma.jobRun.count({ where: { job: JOB_QUEUES.mailDispatch } })).toBe(0);
  });

  it("delivers a mail written in a transaction soon after it commits, and records that dispatch", async () => {
    const id = await database.prisma.$transaction((tx) =>
      enqueueMail(tx, "famille@example.test", { subject: "Test", text: "Bonjour", html: "<p>Bonjour</p>" }, "password-reset"),
    );
    const sent = await waitFor("the mail delivered", () =>
      database.prisma.outboxMail.findFirst({ where: { id, status: "SENT" }, select: { transport: true } }),
    );
    expect(sent.transport).toBe("outbox");
    const run = await waitFor("the dispatch recorded", () =>
      database.prisma.jobRun.findFirst({ where: { job: JOB_QUEUES.mailDispatch, summary: { startsWith: "1 envoyé(s)" } } }),
    );
    expect(run).toMatchObject({ ok: true, instance: `test-${kind}:1` });
  });

  it("registers the minute's sweep, the daily purge and the crèche requests' confirmations (03:00 unless overridden) in Europe/Paris time", async () => {
    expect(DAILY_PURGE_CRON).toBe("0 3 * * *");
    // pg-boss's types leave out the timezone column it returns.
    const schedules = (await runtime.boss.getSchedules()) as { name: string; cron: string; timezone?: string }[];
    expect(
      schedules.map(({ name, cron, timezone }) => ({ name, cron, timezone })).sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: JOB_QUEUES.dailyPurge, cron: "0 3 1 1 *", timezone: "Europe/Paris" },
      { name: JOB_QUEUES.waitingConfirmations, cron: "0 6 * * *", timezone: "Europe/Paris" },
      { name: JOB_QUEUES.mailSweep, cron: "* * * * *", timezone: "Europe/Paris" },
      { name: JOB_QUEUES.payfipPoll, cron: "*/5 * * * *", timezone: "Europe/Paris" },
    ]);
  });

  it("a job sent while a Prisma transaction is open is not part of that transaction (it survives its rollback)", async () => {
    const sent: { id: string | null }[] = [];
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.jobRun.create({ data: { job: "rolled-back", instance: "test" } });
        void runtime.boss.send("mail-dispatch", {}, { startAfter: 3600 }).then((id) => sent.push({ id }));
        await new Promise((resolve) => setTimeout(resolve, 500));
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    const { id } = await waitFor("the send to return", async () => sent[0]);
    expect(id).toEqual(expect.any(String));
    const job = await runtime.boss.getJobById(JOB_QUEUES.mailDispatch, id!);
    expect(job?.state).toBe("created");
    expect(await database.prisma.jobRun.count({ where: { job: "rolled-back" } })).toBe(0);
  });
});

describe("the PGlite socket bridge", () => {
  it("rolls back a transaction a socket client left open, so Prisma's next statements are not inside it", async () => {
    const database = await createTestDatabase("pglite");
    const bridge = await servePgliteToPg(database.pglite!);
    const client = new pg.Client({ connectionString: bridge.connectionString });
    try {
      await client.connect();
      await expect(client.query("BEGIN; INSERT INTO \"JobRun\" (job) VALUES ('half-done'); SELECT 1/0; COMMIT;")).rejects.toThrow(
        /division by zero/,
      );
      expect(database.pglite!.isInTransaction()).toBe(false);
      await database.prisma.jobRun.create({ data: { job: "after", instance: "test" } });
      expect((await database.prisma.jobRun.findMany({ select: { job: true } })).map((run) => run.job)).toEqual(["after"]);
      expect((await client.query('SELECT count(*)::int AS n FROM "JobRun"')).rows[0].n).toBe(1);
    } finally {
      await client.end();
      await bridge.close();
      await database.drop();
    }
  });
});

describePostgres("web instances that only send jobs, and a worker that runs them (JOBS_IN_PROCESS=0)", () => {
  let database: TestDatabase;
  const runtimes: JobRuntime[] = [];
  afterAll(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.stop(5000)));
  });
  withTestDatabase("postgres", (suite) => {
    database = suite.database;
  });

  it("a web instance's nudge waits in the queue, schedules nothing, and the worker runs it", async () => {
    const web = await startJobs({
      database,
      mode: "send",
      mailConfig: outboxConfig,
      instance: "web:1",
      pollingIntervalSeconds: 0.5,
    });
    runtimes.push(web);
    web.dispatchSoon();
    const waiting = async () => {
      const rows = await database.prisma.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state FROM pgboss.job WHERE name = $1 AND start_after <= now()`,
        JOB_QUEUES.mailDispatch,
      );
      return rows.map((row) => row.state);
    };
    expect(await waitFor("the nudge in the queue", async () => ((await waiting()).length ? await waiting() : null))).toEqual([
      "created",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await waiting()).toEqual(["created"]);
    expect(await web.boss.getSchedules()).toEqual([]);

    runtimes.push(
      await startJobs({ database, mode: "work", mailConfig: outboxConfig, instance: "worker:2", pollingIntervalSeconds: 0.5 }),
    );
    await waitFor("the worker to run the nudge", async () => (await waiting()).every((state) => state === "completed"), 20_000);
  });
});

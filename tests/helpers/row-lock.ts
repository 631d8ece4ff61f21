// Forcing an interleaving on PostgreSQL: a connection of the test's own takes a row lock and
// keeps it while the code under test starts and queues behind it (or, for a compatible lock,
// runs past it); the test then sees who is waiting in pg_stat_activity and lets them go. A race
// test can so require each outcome it claims, instead of hoping the scheduler produced it.
import pg from "pg";

export type HeldLock = {
  /** Backends of this database waiting on a lock (row, tuple or transaction), the holder aside. */
  waiting(): Promise<number>;
  /** Resolves once at least `count` backends wait on a lock; rejects after `timeoutMs`. */
  waitForWaiting(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once at least `count` backends wait on this holder itself (not on one another). */
  waitForBlockedByHolder(count: number, timeoutMs?: number): Promise<void>;
  /** Ends the holder's transaction: the queue moves on, in the order PostgreSQL gives. */
  release(): Promise<void>;
};

/**
 * Runs `lockingSelect` (a SELECT … FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE) in a
 * transaction of its own and keeps its locks until release(). It must lock `expectedRows` rows.
 */
export async function holdRowLock(url: string, lockingSelect: string, params: unknown[], expectedRows = 1): Promise<HeldLock> {
  const holder = new pg.Client({ connectionString: url });
  const observer = new pg.Client({ connectionString: url });
  await Promise.all([holder.connect(), observer.connect()]);
  await holder.query("BEGIN");
  const locked = await holder.query(lockingSelect, params);
  if (locked.rowCount !== expectedRows)
    throw new Error(`holdRowLock: ${locked.rowCount} row(s) locked, ${expectedRows} expected`);
  const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const holderPid = rows[0].pid;
  // Outside a transaction each query reads pg_stat_activity afresh (it is cached per transaction).
  const count = async (directOnly: boolean) =>
    (
      await observer.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1
            AND (NOT $2 OR $1 = ANY(pg_blocking_pids(pid)))`,
        [holderPid, directOnly],
      )
    ).rows[0].count;
  const waitFor = async (wanted: number, directOnly: boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let seen = await count(directOnly);
    while (seen < wanted) {
      if (Date.now() > deadline)
        throw new Error(`expected ${wanted} backend(s) waiting on a lock${directOnly ? " held by the test" : ""}, saw ${seen}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await count(directOnly);
    }
  };
  let released = false;
  return {
    waiting: () => count(false),
    waitForWaiting: (wanted, timeoutMs = 30_000) => waitFor(wanted, false, timeoutMs),
    waitForBlockedByHolder: (wanted, timeoutMs = 30_000) => waitFor(wanted, true, timeoutMs),
    async release() {
      if (released) return;
      released = true;
      await holder.query("COMMIT");
      await Promise.all([holder.end(), observer.end()]);
    },
  };
}

/** Whether a promise is still pending (it has neither resolved nor rejected yet). */
export async function stillPending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  const first = await Promise.race([
    promise.then(
      () => null,
      () => null,
    ),
    new Promise((resolve) => setImmediate(() => resolve(marker))),
  ]);
  return first === marker;
}

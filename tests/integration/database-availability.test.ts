import pg from "pg";

import { createAvailabilityProbe, databaseAvailable, type AvailabilityProbe } from "@/lib/db/availability";
import { openDatabase, type Database } from "@/lib/db/connect";
import { isDatabaseUnavailable } from "@/lib/db/errors";

import { freePort } from "../helpers/free-port";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { pgAdminUrl } from "../helpers/probe-services.mjs";
import { describePostgres } from "../helpers/test-db";

// What the app sees when PostgreSQL cannot be reached, on a real server: the errors Prisma
// throws are recognised (lib/db/errors.ts), and the probe proxy.ts asks (lib/db/availability.ts)
// says no at once for a closed port, yes for a live server — even right after its own connection
// was cut. The whole app through a restart: tests/e2e/database-restart.test.ts.

/** Ends the server processes of `database` whose application_name is `application` (as a restart does: 57P01). */
async function terminateBackends(database: string, application?: string): Promise<number> {
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR application_name = $2)`,
      [database, application ?? null],
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("databaseAvailable on the embedded database", () => {
  it("is always true without DATABASE_URL: PGlite is in the process", async () => {
    await expect(databaseAvailable({})).resolves.toBe(true);
  });
});

describePostgres("a PostgreSQL server out of reach", () => {
  let closedUrl: string;
  let live: { url: string; drop(): Promise<void> };
  let liveName: string;
  const probes: AvailabilityProbe[] = [];
  const databases: Database[] = [];

  beforeAll(async () => {
    closedUrl = `postgresql://postgres@127.0.0.1:${await freePort()}/nothing`;
    live = await createPostgresDatabase({ prefix: "portail_availability" });
    liveName = new URL(live.url).pathname.slice(1);
  });
  afterAll(async () => {
    await Promise.all(probes.map((probe) => probe.close()));
    await Promise.all(databases.map((database) => database.close()));
    await live.drop();
  });
  const probe = (url: string) => {
    const created = createAvailabilityProbe(url);
    probes.push(created);
    return created;
  };
  const open = (url: string) => {
    const database = openDatabase({ kind: "postgres", url, poolSize: 2 });
    databases.push(database);
    return database;
  };

  it("opens the portal's connections with JIT off (short statements: compiling cost more than it saved)", async () => {
    const database = openDatabase({ kind: "postgres", url: live.url, poolSize: 1 });
    databases.push(database);
    await expect(database.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`).resolves.toEqual([{ jit: "off" }]);
  });

  it("Prisma's errors for a refused connection are recognised, from a query and from a transaction", async () => {
    const { prisma } = open(closedUrl);
    const errors = await Promise.all([
      prisma.$queryRaw`SELECT 1`.catch((error: unknown) => error),
      prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`).catch((error: unknown) => error),
    ]);
    expect(errors.map(isDatabaseUnavailable)).toEqual([true, true]);
  });

  it("a query whose connection the server ends (57P01, as in a restart) fails with a recognised error, and the pool then serves again", async () => {
    const { prisma } = open(live.url);
    await prisma.$queryRaw`SELECT 1`;
    const sleeping = prisma.$queryRaw`SELECT pg_sleep(10)`.catch((error: unknown) => error);
    const inTransaction = prisma
      .$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(10)`, { timeout: 20_000 })
      .catch((error: unknown) => error);
    // Both queries are running before their connections are cut.
    for (let tries = 0; tries < 100; tries += 1) {
      const admin = new pg.Client({ connectionString: pgAdminUrl() });
      await admin.connect();
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep%' AND state = 'active'",
        [liveName],
      );
      await admin.end();
      if (rows[0].n >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await terminateBackends(liveName)).toBeGreaterThanOrEqual(2);
    const errors = await Promise.all([sleeping, inTransaction]);
    expect(errors.map(isDatabaseUnavailable)).toEqual([true, true]);
    // The dead connections are not handed out again: the next queries get new ones.
    await expect(Promise.all([prisma.$queryRaw`SELECT 1 AS one`, prisma.$queryRaw`SELECT 2 AS two`])).resolves.toHaveLength(2);
  });

  it("the probe says no for a closed port, at once, and remembers it for a second without trying again", async () => {
    const closed = probe(closedUrl);
    const started = performance.now();
    await expect(closed.isAvailable()).resolves.toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    const again = performance.now();
    for (let i = 0; i < 1000; i += 1) await closed.isAvailable();
    await expect(closed.isAvailable()).resolves.toBe(false);
    expect(performance.now() - again).toBeLessThan(100); // 1001 answers from memory
  });

  it("the probe says yes for a live server, and still yes right after its own connection was cut (it asks again)", async () => {
    const up = probe(live.url);
    await expect(up.isAvailable()).resolves.toBe(true);
    expect(await terminateBackends(liveName, "portail-availability")).toBe(1);
    // The connection's end reaches the probe; the next question opens a new one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(up.isAvailable()).resolves.toBe(true);
    const admin = new pg.Client({ connectionString: pgAdminUrl() });
    await admin.connect();
    const { rows } = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'portail-availability'",
      [liveName],
    );
    await admin.end();
    expect(rows[0].n).toBe(1);
  });
});

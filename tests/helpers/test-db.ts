// Real databases for integration tests: an in-memory PGlite, and a fresh PostgreSQL database
// (portail_test_<random>) dropped afterwards. Both run the real migrations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { databaseOnPglite, openDatabase, openPglite, type Database } from "@/lib/db/connect";
import { migratePglite, migratePostgres } from "@/lib/db/migrate";

import { createPostgresDatabase } from "./postgres-database";
import { startSmtpPeer, type SmtpPeer } from "./smtp-peer";

export type DatabaseKind = "pglite" | "postgres";

export type TestDatabase = Database & { kind: DatabaseKind; url: string | null; drop(): Promise<void> };

/** The kinds the current run can test; PostgreSQL only when the global setup reached it. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.PORTAIL_TEST_PG === "1" ? ["pglite", "postgres"] : ["pglite"];
}

export function postgresAvailable(): boolean {
  return process.env.PORTAIL_TEST_PG === "1";
}

/** `describe` for suites that need PostgreSQL itself (concurrency, several processes). */
export const describePostgres: jest.Describe = postgresAvailable()
  ? describe
  : (((name: string) =>
      describe.skip(`${name} — ignoré : ${process.env.PORTAIL_TEST_PG_SKIP_REASON ?? "PostgreSQL indisponible"}`, () => {
        it.todo("PostgreSQL requis");
      })) as unknown as jest.Describe);

/**
 * `it` in the PostgreSQL pass of a `describe.each(testDatabaseKinds())`, nothing in the PGlite
 * pass (which serialises everything, so a race cannot happen there). Not a skip: the test runs
 * in the other pass, and a run without PostgreSQL is reported as such by scripts/test.mjs.
 */
export function itOnPostgres(kind: DatabaseKind): jest.It {
  return kind === "postgres" ? it : ((() => {}) as unknown as jest.It);
}

export async function createTestDatabase(kind: DatabaseKind, options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    const pglite = await openPglite(null);
    await migratePglite(pglite);
    const database = databaseOnPglite(pglite);
    return { ...database, kind, url: null, drop: () => database.close() };
  }
  const created = await createPostgresDatabase();
  await migratePostgres(created.url);
  const database = openDatabase({ kind: "postgres", url: created.url, poolSize: options.poolSize ?? 5 });
  return {
    ...database,
    kind,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** Makes the app's getDb() (lib/db/client.ts) answer with this database in this test file. */
export function useAsAppDatabase(database: Database): void {
  (globalThis as typeof globalThis & { __portailDatabase?: Database }).__portailDatabase = database;
}

/** What a suite's setup hands over: its database, a real SMTP peer, and the demo's files' folder (withDemoDatabase). */
export type TestSuite = { database: TestDatabase; smtp: SmtpPeer; storageRoot: string | null };

/**
 * The setup of a suite (one pass of a `describe.each(testDatabaseKinds())`): a fresh database of
 * `kind`, which the app's getDb() answers too, and a real SMTP peer; `ready` then writes the
 * suite's own data. Both are closed after the suite, whatever `ready` did.
 */
export function withTestDatabase(
  kind: DatabaseKind,
  ready: (suite: TestSuite) => unknown,
  options: { poolSize?: number; demo?: boolean; timeout?: number } = {},
): void {
  let database: TestDatabase | undefined;
  let smtp: SmtpPeer | undefined;
  let storageRoot: string | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { poolSize: options.poolSize });
    useAsAppDatabase(database);
    smtp = await startSmtpPeer();
    if (options.demo) {
      storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-demo-"));
      const { seedDemo } = await import("@/prisma/seed");
      await seedDemo(database.prisma, { storageRoot });
    }
    await ready({ database, smtp, storageRoot });
  }, options.timeout);
  afterAll(async () => {
    await smtp?.close();
    await database?.drop();
    if (storageRoot) fs.rmSync(storageRoot, { recursive: true, force: true });
  });
}

/** withTestDatabase on the demo town (prisma/seed.ts), its files in a temporary folder. */
export function withDemoDatabase(
  kind: DatabaseKind,
  ready: (suite: TestSuite) => unknown,
  options: { poolSize?: number; timeout?: number } = {},
): void {
  withTestDatabase(kind, ready, { ...options, demo: true });
}

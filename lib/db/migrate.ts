// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, recording them in
// Prisma Migrate's own `_prisma_migrations` table, so that `prisma migrate deploy` (where a
// real schema engine exists) accepts the same folder and history. One transaction per
// migration; an advisory lock keeps two app instances from migrating at once on PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type Migration = { name: string; sql: string; checksum: string };

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/** What the runner needs from a connection: a multi-statement script and a parameterised query. */
interface SqlSession {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant: identifies "the portal is migrating" among advisory locks.
const MIGRATION_LOCK_KEY = 72_707_369;

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

async function applyAll(session: SqlSession, migrations: Migration[]): Promise<MigrationReport> {
  await session.exec(HISTORY_TABLE);
  const rows = await session.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const applied: string[] = [];
  for (const migration of migrations) {
    const checksum = done.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `La migration ${migration.name} a été modifiée après avoir été appliquée (somme de contrôle différente).`,
        );
      }
      continue;
    }
    await session.exec("BEGIN");
    try {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      await session.exec("COMMIT");
    } catch (error) {
      await session.exec("ROLLBACK");
      throw new Error(`Échec de la migration ${migration.name} : ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}

export async function migratePostgres(url: string, migrations = readMigrations()): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await applyAll(
        {
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => (await client.query(sql, params)).rows,
        },
        migrations,
      );
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export async function migratePglite(pglite: PGlite, migrations = readMigrations()): Promise<MigrationReport> {
  // PGlite.exec directly: the Prisma adapter's executeScript swallows errors.
  return applyAll(
    {
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    },
    migrations,
  );
}

// Shared by the database scripts: migrate the database chosen by the environment.
import { databaseOnPglite, databaseTargetFromEnv, openDatabase, openPglite, type Database } from "@/lib/db/connect";
import { migratePglite, migratePostgres, type MigrationReport } from "@/lib/db/migrate";

export async function openMigratedDatabase(): Promise<{ database: Database; report: MigrationReport }> {
  const target = databaseTargetFromEnv();
  if (target.kind === "postgres") {
    const report = await migratePostgres(target.url);
    return { database: openDatabase(target), report };
  }
  const pglite = await openPglite(target.dir);
  const report = await migratePglite(pglite);
  return { database: databaseOnPglite(pglite, target.dir), report };
}

export function describeTarget(database: Database): string {
  return database.target.kind === "postgres"
    ? `PostgreSQL (${new URL(database.target.url).host}${new URL(database.target.url).pathname})`
    : `base embarquée PGlite (${database.target.dir})`;
}

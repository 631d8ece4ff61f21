// Opens the database chosen by the environment: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite under .data/pglite (DESIGN.md "Data"). Used by the app (through
// lib/db/client.ts), the scripts and the tests — hence no "server-only" here.
import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "./generated/client";

export type DatabaseTarget = { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dir: string | null };

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The PGlite instance, when embedded: migrations and tests talk to it directly. */
  pglite: PGlite | null;
  close(): Promise<void>;
};

export function databaseTargetFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    return { kind: "postgres", url, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) || 10 };
  }
  return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR ?? ".data/pglite") };
}

function newPglite(dir: string | null): PGlite {
  // PGlite does not create its parent folder.
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  return dir ? new PGlite(dir) : new PGlite();
}

export async function openPglite(dir: string | null): Promise<PGlite> {
  const pglite = newPglite(dir);
  await pglite.waitReady;
  return pglite;
}

export function openDatabase(target: DatabaseTarget = databaseTargetFromEnv()): Database {
  if (target.kind === "postgres") {
    // pg waits forever for a connection by default: a server out of reach (packets dropped, not
    // refused) would hold every request. 10 s also bounds the wait for a free pool connection.
    // Dead connections need nothing here: pg's pool drops an idle one that errors and any one
    // released after its connection ended, and opens new ones on demand.
    // JIT off for our connections: the portal's statements are short, and PostgreSQL's JIT, which
    // starts on the planner's cost alone, compiled for longer than it ran (the staff family search
    // on a town of 10,000 families: 63 ms with JIT, 39 ms without; tests/bench/http.bench.ts).
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: target.poolSize,
      connectionTimeoutMillis: 10_000,
      options: "-c jit=off",
    });
    const prisma = new PrismaClient({ adapter });
    return { prisma, target, pglite: null, close: () => prisma.$disconnect() };
  }
  return databaseOnPglite(newPglite(target.dir), target.dir);
}

/** Wraps an already-open PGlite (tests use in-memory ones: dir null). */
export function databaseOnPglite(pglite: PGlite, dir: string | null = null): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    target: { kind: "pglite", dir },
    pglite,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

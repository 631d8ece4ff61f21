import "server-only";
import { openDatabase, type Database } from "./connect";
import type { PrismaClient } from "./generated/client";

// One client per server process (kept on globalThis so dev hot reloads don't open more),
// opened on first use so that `next build` never touches the database.
const holder = globalThis as typeof globalThis & { __portailDatabase?: Database };

export function getDb(): PrismaClient {
  holder.__portailDatabase ??= openDatabase();
  return holder.__portailDatabase.prisma;
}

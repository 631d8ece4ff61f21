import "server-only";

import { openDatabase, type Database } from "./connect";
import type { Prisma, PrismaClient } from "./generated/client";

// Who holds the database (STYLE.md "The shape of a feature"): entry points — pages, server
// actions (through the builders of lib/auth/action.ts), route handlers, scripts — call getDb()
// once and pass it down; every lib function takes it as its first parameter.

/** The database or a transaction: for a function that only reads or writes, inside a caller's transaction or not. */
export type Db = PrismaClient | Prisma.TransactionClient;
/** A transaction's client. */
export type Tx = Prisma.TransactionClient;
/** The client itself: for a function that opens its own transaction (what getDb() returns). */
export type DbClient = PrismaClient;

// One client per server process (kept on globalThis so dev hot reloads don't open more),
// opened on first use so that `next build` never touches the database.
const holder = globalThis as typeof globalThis & { __portailDatabase?: Database };

export function getDb(): PrismaClient {
  holder.__portailDatabase ??= openDatabase();
  return holder.__portailDatabase.prisma;
}

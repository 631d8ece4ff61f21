// No "server-only" here: the daily purge job (lib/jobs/daily-purge.ts) imports it, in the worker too.
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

import { auditCutoff } from "./retention";

/** Deletes the audit entries older than 12 months; returns how many. */
export async function purgeOldAuditEntries(db: PrismaClient, now = clock.now()): Promise<number> {
  const { count } = await db.auditLog.deleteMany({ where: { at: { lt: auditCutoff(now) } } });
  return count;
}

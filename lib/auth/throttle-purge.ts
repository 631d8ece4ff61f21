// No "server-only" here: the daily purge job (lib/jobs/daily-purge.ts) imports it, in the worker too.
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * The throttle rows (RateLimiterFlexible, lib/auth/throttle.ts) whose window has ended: the
 * limiter runs with `clearExpiredByTimeout: false` (no timer per instance), so they stay until
 * this purge. A row without `expire` is a block with no end: kept. Returns how many rows went.
 */
export async function purgeExpiredThrottleRows(db: PrismaClient, now = clock.now()): Promise<number> {
  const { count } = await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  return count;
}

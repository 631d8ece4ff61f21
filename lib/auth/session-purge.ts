// No "server-only" here: the daily purge job (lib/jobs/daily-purge.ts) imports it, in the worker too.
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sessions and second-factor challenges ended more than a day ago are of no use any more (the
 * authentication journal keeps the logins for 12 months). Returns how many rows went.
 */
export async function purgeEndedSessions(db: PrismaClient, now = clock.now()): Promise<number> {
  const before = new Date(now.getTime() - DAY_MS);
  const sessions = await db.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
  });
  const challenges = await db.loginChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
  return sessions.count + challenges.count;
}

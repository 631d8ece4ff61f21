// No "server-only" here: the daily purge job (lib/jobs/daily-purge.ts) imports it, in the worker too.
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Activation, reset and e-mail change links expired or used more than a day ago: their rows are
 * of no use any more (for a day, a second click still reads « lien déjà utilisé » or « expiré »
 * rather than « lien invalide »). Returns how many rows went.
 */
export async function purgeSpentAuthTokens(db: PrismaClient, now = clock.now()): Promise<number> {
  const before = new Date(now.getTime() - DAY_MS);
  const { count } = await db.authToken.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] } });
  return count;
}

// Throttling of logins, stored in the database (RateLimiterPrisma: an atomic upsert-increment)
// so that several app instances share the counts. An attempt is *consumed before* its password
// is checked: of 20 parallel guesses, only as many as a limit allows reach the password check.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import type { PrismaClient } from "@/lib/db/generated/client";

export const LOGIN_LIMITS = {
  /** Attempts on one account, from anywhere: 10 in 15 minutes, then the account waits 15 minutes. */
  account: { attempts: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Attempts on one account from one address: 5 a minute, then blocked 15 minutes. */
  accountAndIp: { attempts: 5, duration: 60, blockDuration: 15 * 60 },
  /** Attempts from one address across accounts: 30 in 15 minutes, then blocked 30 minutes. */
  ip: { attempts: 30, duration: 15 * 60, blockDuration: 30 * 60 },
} as const;

type Limit = { attempts: number; duration: number; blockDuration?: number };

export type LoginThrottle = {
  /**
   * Takes one attempt from every limit that applies. Returns 0 when the password may be
   * checked, otherwise the seconds to wait (nothing is checked then).
   */
  consume(email: string, ip: string | null): Promise<number>;
  /** A correct password: the account's counts start again. */
  recordSuccess(email: string, ip: string | null): Promise<void>;
};

export function rateLimiter(prisma: PrismaClient, keyPrefix: string, { attempts, duration, blockDuration }: Limit) {
  return new RateLimiterPrisma({
    storeClient: prisma,
    // The client's property for model RateLimiterFlexible.
    tableName: "rateLimiterFlexible",
    keyPrefix,
    clearExpiredByTimeout: false,
    points: attempts,
    duration,
    blockDuration: blockDuration ?? 0,
  });
}

/** One atomic consumption: 0 when allowed, otherwise the seconds before the next allowed one. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export function createLoginThrottle(prisma: PrismaClient): LoginThrottle {
  const byAccount = rateLimiter(prisma, "login:account", LOGIN_LIMITS.account);
  const byAccountAndIp = rateLimiter(prisma, "login:account-ip", LOGIN_LIMITS.accountAndIp);
  const byIp = rateLimiter(prisma, "login:ip", LOGIN_LIMITS.ip);
  const accountIpKey = (email: string, ip: string) => `${email}|${ip}`;

  return {
    async consume(email, ip) {
      // Every limit is charged, even once one refuses: a blocked address keeps being counted.
      const waits = await Promise.all([
        consumePoint(byAccount, email),
        ip ? consumePoint(byAccountAndIp, accountIpKey(email, ip)) : 0,
        ip ? consumePoint(byIp, ip) : 0,
      ]);
      return Math.max(...waits);
    },
    async recordSuccess(email, ip) {
      await byAccount.delete(email);
      if (ip) {
        await byAccountAndIp.delete(accountIpKey(email, ip));
        await byIp.reward(ip);
      }
    },
  };
}

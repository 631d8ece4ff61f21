// Throttling of failed logins, stored in the database (RateLimiterPrisma) so that several app
// instances share the counts.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/db/generated/client";

export const LOGIN_LIMITS = {
  /** Failures on one account from one address: 5 a minute, then blocked 15 minutes. */
  accountAndIp: { failures: 5, duration: 60, blockDuration: 15 * 60 },
  /** Failures from one address across accounts: 30 in 15 minutes, then blocked 30 minutes. */
  ip: { failures: 30, duration: 15 * 60, blockDuration: 30 * 60 },
} as const;

export type LoginThrottle = {
  /** Seconds to wait when this attempt must be refused, otherwise 0. */
  retryAfter(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
};

export function createLoginThrottle(prisma: PrismaClient): LoginThrottle {
  // The limiter blocks when consumption goes *over* its points: with points = failures - 1 the
  // Nth failure itself starts the block, so the attempt after it is refused.
  const make = (keyPrefix: string, { failures, duration, blockDuration }: (typeof LOGIN_LIMITS)[keyof typeof LOGIN_LIMITS]) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      // The client's property for model RateLimiterFlexible.
      tableName: "rateLimiterFlexible",
      keyPrefix,
      clearExpiredByTimeout: false,
      points: failures - 1,
      duration,
      blockDuration,
    });
  const byAccountAndIp = make("login:account-ip", LOGIN_LIMITS.accountAndIp);
  const byIp = make("login:ip", LOGIN_LIMITS.ip);
  const accountKey = (email: string, ip: string) => `${email}|${ip}`;

  async function blockedFor(limiter: RateLimiterPrisma, key: string): Promise<number> {
    const state = await limiter.get(key);
    if (state && state.consumedPoints > limiter.points) return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    return 0;
  }

  async function consume(limiter: RateLimiterPrisma, key: string) {
    try {
      await limiter.consume(key);
    } catch (error) {
      // Over the limit: the limiter has set the block; anything else is a real failure.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  return {
    async retryAfter(email, ip) {
      const [account, address] = await Promise.all([
        blockedFor(byAccountAndIp, accountKey(email, ip)),
        blockedFor(byIp, ip),
      ]);
      return Math.max(account, address);
    },
    async recordFailure(email, ip) {
      await consume(byAccountAndIp, accountKey(email, ip));
      await consume(byIp, ip);
    },
    async recordSuccess(email, ip) {
      await byAccountAndIp.delete(accountKey(email, ip));
    },
  };
}

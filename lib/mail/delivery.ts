// PLACEHOLDER — replaced by helper A's file at merge
// The signatures lib/jobs/ codes against; they do nothing here.
/* eslint-disable @typescript-eslint/no-unused-vars */
import type { DbClient } from "@/lib/db/client";

import type { MailConfig } from "./transport";

export type DeliveryReport = { sent: number; retried: number; failed: number; nextAttemptAt: Date | null };

export async function deliverDueMails(
  _db: DbClient,
  _config: MailConfig,
  _options?: { limit?: number; instance?: string },
): Promise<DeliveryReport> {
  return { sent: 0, retried: 0, failed: 0, nextAttemptAt: null };
}

export async function reclaimExpiredClaims(_db: DbClient): Promise<number> {
  return 0;
}

export async function flushAfterOutage(_db: DbClient, _config: MailConfig): Promise<number> {
  return 0;
}

import "server-only";

import * as clock from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import type { PayfipConfig } from "./config";
import { settleOperation } from "./settlement";

// The polling job's work (lib/jobs/job-runtime.ts, queue "payfip-poll"): a notification may never
// come (PayFiP down, our server restarting, a payer closing the tab). Every few minutes, the
// operations still INITIATED that were created between 5 minutes and 3 hours ago are settled
// like a notification would (P5 for 20 minutes or more, or P1 → EXPIRED).

export const POLL_FROM_MS = 5 * 60 * 1000;
export const POLL_UNTIL_MS = 3 * 60 * 60 * 1000;

export type PollReport = { checked: number; settled: number; stillPending: number; unavailable: number };

export async function pollPendingOperations(db: DbClient, config: PayfipConfig, now: Date = clock.now()): Promise<PollReport> {
  const operations = await db.payfipOperation.findMany({
    where: {
      status: "INITIATED",
      createdAt: { lte: new Date(now.getTime() - POLL_FROM_MS), gte: new Date(now.getTime() - POLL_UNTIL_MS) },
    },
    select: { idOp: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const report: PollReport = { checked: operations.length, settled: 0, stillPending: 0, unavailable: 0 };
  for (const { idOp } of operations) {
    try {
      const result = await settleOperation(db, config, idOp, "poll");
      if (result?.changed && result.status !== "INITIATED") report.settled += 1;
      else report.stillPending += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === "PAYFIP_UNAVAILABLE")) throw error;
      report.unavailable += 1;
    }
  }
  return report;
}

export function describePoll(report: PollReport): string {
  return (
    `${report.checked} paiement(s) en ligne vérifié(s) : ${report.settled} réglé(s), ${report.stillPending} en attente` +
    (report.unavailable ? `, ${report.unavailable} sans réponse de PayFiP.` : ".")
  );
}

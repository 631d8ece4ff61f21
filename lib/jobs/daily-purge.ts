// The daily purge (03:00 Europe/Paris, lib/jobs/job-runtime.ts): what has outlived its use.
import { purgeOldAuditEntries } from "@/lib/audit/purge";
import { purgeEndedSessions } from "@/lib/auth/session-purge";
import { purgeExpiredThrottleRows } from "@/lib/auth/throttle-purge";
import { purgeSpentAuthTokens } from "@/lib/auth/token-purge";
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

import { purgeOldJobRuns } from "./job-runs";

export type DailyPurgeReport = {
  auditEntries: number;
  sessions: number;
  authTokens: number;
  throttleRows: number;
  jobRuns: number;
};

export async function runDailyPurge(db: PrismaClient, now = clock.now()): Promise<DailyPurgeReport> {
  return {
    auditEntries: await purgeOldAuditEntries(db, now),
    sessions: await purgeEndedSessions(db, now),
    authTokens: await purgeSpentAuthTokens(db, now),
    throttleRows: await purgeExpiredThrottleRows(db, now),
    jobRuns: await purgeOldJobRuns(db, now),
  };
}

export function describeDailyPurge(report: DailyPurgeReport): string {
  return (
    `Supprimé : ${report.auditEntries} entrée(s) du journal de plus de 12 mois, ` +
    `${report.sessions} session(s) ou vérification(s) terminée(s), ${report.authTokens} lien(s) expiré(s) ou utilisé(s), ` +
    `${report.throttleRows} compteur(s) de tentatives expiré(s), ${report.jobRuns} trace(s) de tâche de plus de 30 jours.`
  );
}

// The daily purges of the audit log and of ended sessions, run in-process: started once per server by
// instrumentation.ts. Several instances each purging is harmless (the DELETE is idempotent).
// pg-boss (DESIGN.md) would be the durable scheduler; its current versions need Node 22.
import { purgeEndedSessions } from "@/lib/auth/session-purge";
import { openDatabase, type Database } from "@/lib/db/connect";

import { purgeOldAuditEntries } from "./purge";

const DAY_MS = 24 * 3600 * 1000;
// The same process-wide client as lib/db/client.ts's getDb() (which is "server-only").
const holder = globalThis as typeof globalThis & { __auditPurgeTimer?: NodeJS.Timeout; __portailDatabase?: Database };

export function startAuditPurgeSchedule(): void {
  if (holder.__auditPurgeTimer) return;
  const run = () => {
    const db = (holder.__portailDatabase ??= openDatabase()).prisma;
    purgeOldAuditEntries(db).then(
      (count) => count > 0 && console.info(`[audit] ${count} entrée(s) de plus de 12 mois supprimée(s)`),
      (error) => console.error("[audit] purge failed", error),
    );
    purgeEndedSessions(db).then(
      (count) => count > 0 && console.info(`[auth] ${count} session(s) ou vérification(s) terminée(s) supprimée(s)`),
      (error) => console.error("[auth] session purge failed", error),
    );
  };
  // First run a minute after start (not during start-up), then every day.
  holder.__auditPurgeTimer = setTimeout(function tick() {
    run();
    holder.__auditPurgeTimer = setTimeout(tick, DAY_MS);
    holder.__auditPurgeTimer.unref();
  }, 60_000);
  holder.__auditPurgeTimer.unref();
}

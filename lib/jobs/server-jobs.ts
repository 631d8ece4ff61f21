// Started by instrumentation.ts when a Next server starts (`next start` and `next dev`): the
// background jobs in this process, or — JOBS_IN_PROCESS=0, for towns that run `npm run worker`
// beside their web instances — only the sending of jobs; and the graceful shutdown.
import { closeDatabaseAvailability } from "@/lib/db/availability";
import { openDatabase, type Database } from "@/lib/db/connect";
import { drainMsFromEnv, installGracefulShutdown } from "@/lib/server/graceful-shutdown";

import { startJobs, stopJobs, type JobsMode } from "./job-runtime";

// The same process-wide database as lib/db/client.ts's getDb() (which is "server-only").
const holder = globalThis as typeof globalThis & { __portailDatabase?: Database; __portailServerJobs?: boolean };

const RETRY_MS = 15_000;

export function startServerJobs(env: Record<string, string | undefined> = process.env): void {
  if (holder.__portailServerJobs) return;
  holder.__portailServerJobs = true;
  const database = (holder.__portailDatabase ??= openDatabase());
  let mode: JobsMode = env.JOBS_IN_PROCESS === "0" ? "send" : "work";
  if (mode === "send" && database.target.kind === "pglite") {
    // The embedded database opens in one process: no worker can run beside this server.
    console.warn("[jobs] JOBS_IN_PROCESS=0 ignoré : la base embarquée (PGlite) n'admet pas de worker séparé.");
    mode = "work";
  }
  installGracefulShutdown({
    drainMs: drainMsFromEnv(env),
    // The jobs, then the availability probe's connection (proxy.ts): nothing of ours keeps the process up.
    stopWork: async (timeoutMs) => {
      await stopJobs(timeoutMs);
      await closeDatabaseAvailability();
    },
  });

  let stopped = false;
  process.once("SIGTERM", () => (stopped = true));
  const start = () => {
    if (stopped) return;
    startJobs({ database, mode }).then(
      () =>
        console.info(
          mode === "work" ? "[jobs] tâches de fond démarrées" : "[jobs] tâches confiées au worker (JOBS_IN_PROCESS=0)",
        ),
      (error) => {
        // The database may be down at start: the web still serves (503 pages), the jobs try again.
        console.error(
          `[jobs] démarrage impossible, nouvel essai dans ${RETRY_MS / 1000} s :`,
          error instanceof Error ? error.message : error,
        );
        setTimeout(start, RETRY_MS).unref();
      },
    );
  };
  start();
}

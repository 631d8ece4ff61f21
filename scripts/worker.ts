// `npm run worker`: the background jobs in a process of their own, beside web instances started
// with JOBS_IN_PROCESS=0 (larger towns). PostgreSQL only: the embedded database opens in one process.
import { databaseTargetFromEnv } from "@/lib/db/connect";
import { startJobs, stopJobs } from "@/lib/jobs/job-runtime";
import { SHUTDOWN_LIMIT_MS } from "@/lib/server/graceful-shutdown";

import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  if (databaseTargetFromEnv().kind === "pglite") {
    console.error(
      "Le worker demande PostgreSQL (DATABASE_URL) : la base embarquée PGlite ne s'ouvre que dans un processus, " +
        "celui du portail, qui exécute alors lui-même les tâches de fond. Lancez seulement `npm start` (ou `npm run dev`).",
    );
    process.exit(1);
  }
  const { database } = await openMigratedDatabase();
  const runtime = await startJobs({ database, mode: "work" });
  console.info(`Worker ${runtime.instance} démarré sur ${describeTarget(database)}.`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal} reçu : fin des tâches en cours…`);
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    await stopJobs(SHUTDOWN_LIMIT_MS - 5000);
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Runs before `npm run dev` and `npm start`: apply pending migrations, and on the first start of
// an empty embedded database (or when DEMO_DATA=1), load the demo town. It runs in its own
// process and closes the database before Next.js opens it (PGlite allows one process).
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/prisma/seed";
import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  const { database, report } = await openMigratedDatabase();
  try {
    if (report.applied.length) console.log(`Migrations appliquées : ${report.applied.join(", ")}`);
    const empty = (await database.prisma.townSettings.count()) === 0;
    const wantDemo = process.env.DEMO_DATA === "1" || (database.target.kind === "pglite" && empty);
    if (wantDemo && process.env.NODE_ENV !== "production") {
      const { created } = await seedDemo(database.prisma);
      if (created) {
        console.log(`Données de démonstration chargées (${describeTarget(database)}).`);
        console.log(`Comptes : ${Object.values(DEMO_ACCOUNTS).join(", ")} — mot de passe ${DEMO_PASSWORD}`);
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

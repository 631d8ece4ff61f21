// Runs before `npm run dev` and `npm start`: apply pending migrations, and on the first start of
// an empty embedded database (or when DEMO_DATA=1), load the demo town; on later starts of the
// embedded demo, add the school year that opened since (the demo never expires). It runs in its
// own process and closes the database before Next.js opens it (PGlite allows one process).
import { assertClockAllowed, isClockPinned, now } from "@/lib/clock";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD, seedDemo } from "@/prisma/seed";

import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  // A production start with a pinned clock (PORTAIL_CLOCK) is refused here, before anything runs.
  assertClockAllowed();
  if (isClockPinned()) console.log(`Horloge du portail fixée (PORTAIL_CLOCK) : ${now().toISOString()}`);
  const { database, report } = await openMigratedDatabase();
  try {
    if (report.applied.length) console.log(`Migrations appliquées : ${report.applied.join(", ")}`);
    const empty = (await database.prisma.townSettings.count()) === 0;
    const embeddedDemo =
      database.target.kind === "pglite" &&
      (empty || (await database.prisma.family.count({ where: { id: DEMO_IDS.family } })) > 0);
    const wantDemo = process.env.DEMO_DATA === "1" || embeddedDemo;
    if (wantDemo && process.env.NODE_ENV !== "production") {
      const { created, addedSchoolYears } = await seedDemo(database.prisma);
      if (created) {
        console.log(`Données de démonstration chargées (${describeTarget(database)}).`);
        console.log(`Comptes : ${Object.values(DEMO_ACCOUNTS).join(", ")} — mot de passe ${DEMO_PASSWORD}`);
      } else if (addedSchoolYears.length) {
        console.log(`Démonstration : année scolaire ${addedSchoolYears.join(", ")} ajoutée.`);
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

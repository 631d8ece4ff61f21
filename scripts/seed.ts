import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/prisma/seed";

import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  const { database } = await openMigratedDatabase();
  try {
    const { created, schoolYears } = await seedDemo(database.prisma);
    console.log(
      `Données de démonstration ${created ? "créées" : "déjà présentes"} sur ${describeTarget(database)} (année${schoolYears.length > 1 ? "s" : ""} scolaire${schoolYears.length > 1 ? "s" : ""} ${schoolYears.join(", ")}).\n` +
        `Comptes : ${Object.values(DEMO_ACCOUNTS).join(", ")} — mot de passe ${DEMO_PASSWORD}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

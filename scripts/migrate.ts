import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  const { database, report } = await openMigratedDatabase();
  console.log(
    `Migrations sur ${describeTarget(database)} : ${report.applied.length} appliquée(s)` +
      (report.applied.length ? ` (${report.applied.join(", ")})` : "") +
      `, ${report.alreadyApplied} déjà en place.`,
  );
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

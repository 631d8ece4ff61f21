// Shared by the back-office e2e files: a pending reservation for the demo family created before
// the portal starts.
import type { Database } from "@/lib/db/connect";
import { DEMO_IDS } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";

/** The next open day of the demo after-school club (Mon, Tue, Thu, Fri outside closures). */
export const FIXTURE_DAY = "2027-03-04";

/** A pending reservation (MATIN + SOIR on FIXTURE_DAY) for Julien at GARDERIE ELEMENTAIRE CAMBON, and an accepted lunch. */
export async function prepareDemoReservations(database: Database) {
  const prisma = database.prisma;
  const period = await prisma.period.findFirstOrThrow({
    where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
    select: { id: true, units: { select: { id: true, label: true }, orderBy: { sortOrder: "asc" } } },
  });
  await createReservation(prisma, {
    familyId: DEMO_IDS.family,
    childId: DEMO_IDS.julien,
    periodId: period.id,
    lines: period.units.map((unit) => ({ unitId: unit.id, day: FIXTURE_DAY })),
    status: "PENDING",
  });
  const canteen = await prisma.period.findFirstOrThrow({
    where: { establishment: { name: "CANTINE ELEMENTAIRE CAMBON" } },
    select: { id: true, units: { select: { id: true } } },
  });
  await createReservation(prisma, {
    familyId: DEMO_IDS.family,
    childId: DEMO_IDS.julie,
    periodId: canteen.id,
    lines: [{ unitId: canteen.units[0].id, day: FIXTURE_DAY }],
    status: "ACCEPTED",
  });
  await prisma.childHealth.upsert({
    where: { childId: DEMO_IDS.julie },
    update: { dietKind: "SANS_PORC" },
    create: { childId: DEMO_IDS.julie, dietKind: "SANS_PORC" },
  });
}

// Shared by the back-office e2e files: server action ids from the build, and a pending
// reservation for the demo family created before the portal starts.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "@/lib/db/connect";
import { DEMO_IDS } from "@/prisma/seed";
import { createReservation } from "../helpers/admin-fixtures";

type ManifestEntry = { filename?: string; exportedName?: string };

export function serverActions(): { id: string; file: string; name: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename ?? "", name: entry.exportedName ?? "" }));
}

/**
 * The app-router pages of the build (.next/server/app-paths-manifest.json) as routes, route
 * groups left out: "/admin/familles/[id]".
 */
export function builtPages(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../.next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((entry) => entry.endsWith("/page"))
    .map((entry) => entry.slice(0, -"/page".length).replace(/\/\([^/]+\)/g, "") || "/")
    .sort();
}

export function serverActionId(file: string, exportedName: string): string {
  const action = serverActions().find((entry) => entry.file.endsWith(file) && entry.name === exportedName);
  if (!action) throw new Error(`server action ${exportedName} of ${file} not found in the build manifest`);
  return action.id;
}

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
  await createReservation(prisma, { familyId: DEMO_IDS.family, childId: DEMO_IDS.julie, periodId: canteen.id, lines: [{ unitId: canteen.units[0].id, day: FIXTURE_DAY }], status: "ACCEPTED" });
  await prisma.childHealth.upsert({
    where: { childId: DEMO_IDS.julie },
    update: { dietKind: "SANS_PORC" },
    create: { childId: DEMO_IDS.julie, dietKind: "SANS_PORC" },
  });
}

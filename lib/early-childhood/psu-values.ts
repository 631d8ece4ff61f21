import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import { psuRate } from "./psu";
import type { TPsuYearValues } from "./psu.schema";

// « Barème PSU » (issue #15 point 5): the CAF's values of each year, entered by administrators
// (floor, ceiling, five taux d'effort), and the families' resources for a year, entered by agents
// from the CAF's CDAP or the tax notice (annual resources N-2, dependent children, AEEH).

const PSU_FIELDS = {
  year: true,
  floorCents: true,
  ceilingCents: true,
  rateOneChild: true,
  rateTwoChildren: true,
  rateThreeChildren: true,
  rateFourChildren: true,
  rateEightChildren: true,
} as const;

export async function listPsuYears(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  return db.psuYear.findMany({ orderBy: { year: "desc" }, select: PSU_FIELDS });
}

/** Creates or replaces a year's values (administrators). */
export async function savePsuYear(db: Db, viewer: StaffViewer, input: TPsuYearValues): Promise<{ year: number }> {
  assertAdminViewer(viewer);
  const data = {
    floorCents: input.floor,
    ceilingCents: input.ceiling,
    rateOneChild: input.rateOneChild,
    rateTwoChildren: input.rateTwoChildren,
    rateThreeChildren: input.rateThreeChildren,
    rateFourChildren: input.rateFourChildren,
    rateEightChildren: input.rateEightChildren,
  };
  return db.$transaction(async (tx) => {
    await tx.psuYear.upsert({ where: { year: input.year }, create: { year: input.year, ...data }, update: data });
    await writeAudit(tx, viewer, {
      action: "childcare.psu-year.save",
      targetType: "PsuYear",
      targetId: String(input.year),
      details: { year: input.year, ...data },
    });
    return { year: input.year };
  });
}

/** The families with resources entered for a year, with the rate they pay. */
export async function listFamilyResources(db: Db, viewer: StaffViewer, year: number) {
  assertStaffViewer(viewer);
  const [psuYear, rows] = await Promise.all([
    db.psuYear.findUnique({ where: { year } }),
    db.familyChildcareResources.findMany({
      where: { year },
      orderBy: { family: { name: "asc" } },
      take: 500,
      select: {
        familyId: true,
        annualResourcesCents: true,
        dependentChildren: true,
        aeeh: true,
        family: { select: { name: true } },
      },
    }),
  ]);
  return rows.map((row) => ({
    familyId: row.familyId,
    familyName: row.family.name,
    annualResourcesCents: row.annualResourcesCents,
    dependentChildren: row.dependentChildren,
    aeeh: row.aeeh,
    hourlyRateCents: psuYear ? psuRate(psuYear, row).hourlyRateCents : null,
  }));
}

/** A family's resources for a year, for its form (null fields when none entered); null when the family is unknown. */
export async function getFamilyResources(db: Db, viewer: StaffViewer, familyId: string, year: number) {
  assertStaffViewer(viewer);
  const family = await db.family.findUnique({ where: { id: familyId }, select: { id: true, name: true } });
  if (!family) return null;
  const resources = await db.familyChildcareResources.findUnique({
    where: { familyId_year: { familyId, year } },
    select: { annualResourcesCents: true, dependentChildren: true, aeeh: true },
  });
  return { family, year, resources };
}

export type TFamilyResourcesValues = {
  familyId: string;
  year: number;
  annualResources: number;
  dependentChildren: number;
  aeeh: boolean;
};

/** Enters a family's resources for a year (agents): the PSU rate of that year's months not invoiced yet. */
export async function setFamilyResources(db: Db, viewer: StaffViewer, input: TFamilyResourcesValues): Promise<void> {
  assertStaffViewer(viewer);
  await db.$transaction(async (tx) => {
    const family = await tx.family.findUnique({ where: { id: input.familyId }, select: { id: true } });
    if (!family) throw new AppError("NOT_FOUND", "Famille introuvable.");
    const data = {
      annualResourcesCents: input.annualResources,
      dependentChildren: input.dependentChildren,
      aeeh: input.aeeh,
      setAt: clock.now(),
      setByUserId: viewer.userId,
    };
    await tx.familyChildcareResources.upsert({
      where: { familyId_year: { familyId: input.familyId, year: input.year } },
      create: { familyId: input.familyId, year: input.year, ...data },
      update: data,
    });
    await writeAudit(tx, viewer, {
      action: "childcare.resources.set",
      familyId: input.familyId,
      targetType: "FamilyChildcareResources",
      targetId: `${input.familyId}:${input.year}`,
      details: {
        year: input.year,
        annualResourcesCents: input.annualResources,
        dependentChildren: input.dependentChildren,
        aeeh: input.aeeh,
      },
    });
  });
}

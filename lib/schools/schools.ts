import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { SCHOOL_LEVEL_SHORT_LABELS } from "@/lib/children/child-labels";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient, SchoolLevel } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import type { TSchool } from "./school.schema";

// The town's schools (Catalogue > Écoles), set by agents and admins like the rest of the
// catalogue: name, address, kind and the levels offered. The levels are the child sheet's level
// choice for the school (checked again on save) and what the periods' eligibility speaks of. A
// school with children, establishments or periods restricted to it can be renamed, never deleted.

type Tx = Prisma.TransactionClient;

const NAME_TAKEN = "Une école porte déjà ce nom.";
const NOT_FOUND = "École introuvable.";

export type SchoolChoice = { id: string; name: string; levels: SchoolLevel[] };

/** The schools as the child sheet's select offers them, each with its levels. */
export async function listSchoolChoices(db: Db): Promise<SchoolChoice[]> {
  return db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, levels: true } });
}

/**
 * The child sheet's rule, on the server: the school exists and offers the level chosen.
 * Returns the school's id; the message names the levels the school offers.
 */
export async function assertSchoolOffersLevel(tx: Db, schoolId: string, level: SchoolLevel): Promise<string> {
  // Shares the row with other saves, not with a staff change of the levels (FOR UPDATE): the
  // change waits for this save to commit, or this save waits and reads the new levels.
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR SHARE`;
  const school = await tx.school.findUnique({ where: { id: schoolId }, select: { id: true, name: true, levels: true } });
  if (!school) throw new AppError("INVALID", "Choisissez une école de la liste.");
  if (!school.levels.includes(level)) {
    const offered = school.levels.map((entry) => SCHOOL_LEVEL_SHORT_LABELS[entry]).join(", ") || "aucun niveau";
    throw new AppError(
      "LEVEL_NOT_OFFERED",
      `L'école ${school.name} ne propose pas le niveau ${SCHOOL_LEVEL_SHORT_LABELS[level]} (niveaux proposés : ${offered}) : choisissez un autre niveau ou une autre école.`,
    );
  }
  return school.id;
}

const ROW_SELECT = {
  id: true,
  name: true,
  address: true,
  kind: true,
  levels: true,
  _count: { select: { children: true, establishments: true, eligibleFor: true } },
} as const satisfies Prisma.SchoolSelect;

export type SchoolRow = Prisma.SchoolGetPayload<{ select: typeof ROW_SELECT }>;

export async function listSchoolsForStaff(db: Db, viewer: StaffViewer): Promise<SchoolRow[]> {
  assertStaffViewer(viewer);
  return db.school.findMany({ orderBy: { name: "asc" }, select: ROW_SELECT });
}

export async function getSchool(db: Db, viewer: StaffViewer, id: string): Promise<SchoolRow | null> {
  assertStaffViewer(viewer);
  return db.school.findUnique({ where: { id }, select: ROW_SELECT });
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const taken = await tx.school.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", NAME_TAKEN);
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("TAKEN", NAME_TAKEN);
    throw error;
  }
}

export async function createSchool(db: PrismaClient, viewer: StaffViewer, input: TSchool): Promise<{ id: string }> {
  assertStaffViewer(viewer);
  return guarded(() =>
    db.$transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      const school = await tx.school.create({ data: input, select: { id: true } });
      return auditCreated(tx, viewer, school, { action: "school.create", targetType: "School", details: { ...input } });
    }),
  );
}

/**
 * Saves a school. A level some of its children are at cannot be withdrawn (their sheets would no
 * longer be valid): the staff first move those children. The row is held so a child sheet saved
 * meanwhile (which reads the levels) is judged on one side or the other.
 */
export async function updateSchool(db: PrismaClient, viewer: StaffViewer, id: string, input: TSchool): Promise<void> {
  assertStaffViewer(viewer);
  await guarded(() =>
    db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "School" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
      const before = await tx.school.findUniqueOrThrow({
        where: { id },
        select: { name: true, address: true, kind: true, levels: true },
      });
      const withdrawn = before.levels.filter((level) => !input.levels.includes(level));
      if (withdrawn.length) {
        const used = await tx.child.groupBy({
          by: ["schoolLevel"],
          where: { schoolId: id, schoolLevel: { in: withdrawn } },
          _count: { _all: true },
        });
        if (used.length) {
          const detail = used.map((row) => `${row._count._all} en ${SCHOOL_LEVEL_SHORT_LABELS[row.schoolLevel!]}`).join(", ");
          throw new AppError(
            "SCHOOL_IN_USE",
            `Des enfants de cette école sont inscrits dans un niveau que vous retirez (${detail}) : modifiez d'abord leur fiche.`,
          );
        }
      }
      await assertNameFree(tx, input.name, id);
      await tx.school.update({ where: { id }, data: input });
      await writeAudit(tx, viewer, {
        action: "school.update",
        targetType: "School",
        targetId: id,
        details: { before, after: { ...input } },
      });
    }),
  );
}

/** Deletes a school nothing refers to: no child, no establishment, no period restricted to it. */
export async function deleteSchool(db: PrismaClient, viewer: StaffViewer, id: string): Promise<void> {
  assertStaffViewer(viewer);
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "School" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
    const school = await tx.school.findUniqueOrThrow({ where: { id }, select: ROW_SELECT });
    const uses = [
      school._count.children ? `${school._count.children} enfant${school._count.children > 1 ? "s" : ""}` : null,
      school._count.establishments
        ? `${school._count.establishments} établissement${school._count.establishments > 1 ? "s" : ""}`
        : null,
      school._count.eligibleFor ? `${school._count.eligibleFor} période${school._count.eligibleFor > 1 ? "s" : ""}` : null,
    ].filter(Boolean);
    if (uses.length)
      throw new AppError(
        "SCHOOL_IN_USE",
        `Cette école ne peut pas être supprimée : elle est utilisée (${uses.join(", ")}). Vous pouvez la renommer.`,
      );
    await tx.school.delete({ where: { id } });
    await writeAudit(tx, viewer, {
      action: "school.delete",
      targetType: "School",
      targetId: id,
      details: { name: school.name, address: school.address, kind: school.kind, levels: school.levels },
    });
  });
}

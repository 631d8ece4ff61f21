import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { CRITERION_CODES, CRITERION_RULES, DEFAULT_CRITERIA, type CriterionCode } from "./commission-ranking";
import type { TCriterionUpdate } from "./staff-settings.schema";

// « Critères d'admission » (SPEC §7): the town's published criteria, as data. The codes are the
// ranking's (commission-ranking.ts); administrators edit the label, the points, the order and
// switch a criterion on or off. The defaults are written by the demo seed and by `ensureDefaultCriteria`.

const CRITERION_FIELDS = { id: true, code: true, label: true, points: true, active: true, sortOrder: true } as const;

const isKnownCode = (code: string): code is CriterionCode => (CRITERION_CODES as readonly string[]).includes(code);

/** Writes the default criteria that are missing (never changes those staff edited). */
export async function ensureDefaultCriteria(db: Db): Promise<void> {
  for (const criterion of DEFAULT_CRITERIA) {
    await db.admissionCriterion.upsert({ where: { code: criterion.code }, update: {}, create: criterion });
  }
}

/** The criteria, in their order, each with the rule it applies (staff read them; admins edit them). */
export async function listCriteria(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  const criteria = await db.admissionCriterion.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: CRITERION_FIELDS,
  });
  return criteria.map((criterion) => ({
    ...criterion,
    rule: isKnownCode(criterion.code) ? CRITERION_RULES[criterion.code] : "Critère inconnu du classement : il ne compte pas.",
  }));
}

export async function getCriterion(db: Db, viewer: StaffViewer, id: string) {
  assertAdminViewer(viewer);
  const criterion = await db.admissionCriterion.findUnique({ where: { id }, select: CRITERION_FIELDS });
  return criterion
    ? { ...criterion, rule: isKnownCode(criterion.code) ? CRITERION_RULES[criterion.code] : "Critère inconnu du classement." }
    : null;
}

export async function updateCriterion(db: PrismaClient, viewer: StaffViewer, input: TCriterionUpdate) {
  assertAdminViewer(viewer);
  await db.$transaction(async (tx) => {
    const before = await tx.admissionCriterion.findUnique({ where: { id: input.id }, select: CRITERION_FIELDS });
    if (!before) throw new AppError("NOT_FOUND", "Critère introuvable.");
    const after = { label: input.label, points: input.points, sortOrder: input.sortOrder, active: input.active };
    await tx.admissionCriterion.update({ where: { id: input.id }, data: after });
    await writeAudit(tx, viewer, {
      action: "admission-criterion.update",
      targetType: "AdmissionCriterion",
      targetId: input.id,
      details: { code: before.code, before: { ...before, id: undefined }, after },
    });
  });
  return { id: input.id };
}

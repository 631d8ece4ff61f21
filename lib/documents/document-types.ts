import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import type { TDocumentType } from "./document-type.schema";

// The town's types of supporting documents (SPEC §5), set by agents and admins: name, for the
// family or a child, mandatory (for everyone, or only for those booking some services), a help
// text shown on the upload form, order. A type with documents is retired (no longer offered for
// upload, its documents kept and shown), never deleted. Every change has its audit entry in the
// same transaction.

type Tx = Prisma.TransactionClient;

const LABEL_TAKEN = "Un type de document porte déjà ce nom pour ce dossier (famille ou enfant).";
const NOT_FOUND = "Type de document introuvable.";

export type DocumentTypeRow = {
  id: string;
  label: string;
  scope: "FAMILY" | "CHILD";
  mandatory: boolean;
  active: boolean;
  sortOrder: number;
  helpText: string | null;
  activities: { id: string; name: string }[];
  documentCount: number;
};

const ROW_SELECT = {
  id: true,
  label: true,
  scope: true,
  mandatory: true,
  active: true,
  sortOrder: true,
  helpText: true,
  activities: { select: { activity: { select: { id: true, name: true } } }, orderBy: { activity: { sortOrder: "asc" } } },
  _count: { select: { documents: true } },
} as const satisfies Prisma.DocumentTypeSelect;

function toRow(type: Prisma.DocumentTypeGetPayload<{ select: typeof ROW_SELECT }>): DocumentTypeRow {
  const { activities, _count, ...rest } = type;
  return { ...rest, activities: activities.map((entry) => entry.activity), documentCount: _count.documents };
}

/** Every type, active first, as the staff list shows them. */
export async function listDocumentTypesForStaff(db: Db, viewer: StaffViewer): Promise<DocumentTypeRow[]> {
  assertStaffViewer(viewer);
  const types = await db.documentType.findMany({
    orderBy: [{ active: "desc" }, { scope: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
    select: ROW_SELECT,
  });
  return types.map(toRow);
}

export async function getDocumentType(db: Db, viewer: StaffViewer, id: string): Promise<DocumentTypeRow | null> {
  assertStaffViewer(viewer);
  const type = await db.documentType.findUnique({ where: { id }, select: ROW_SELECT });
  return type ? toRow(type) : null;
}

/** A stable code from the label, unique: « Attestation CAF » → ATTESTATION_CAF (ATTESTATION_CAF_2 …). */
async function freeCode(tx: Tx, label: string): Promise<string> {
  const base =
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "DOCUMENT";
  const taken = new Set(
    (await tx.documentType.findMany({ where: { code: { startsWith: base } }, select: { code: true } })).map((row) => row.code),
  );
  let code = base;
  for (let suffix = 2; taken.has(code); suffix++) code = `${base}_${suffix}`;
  return code;
}

async function assertLabelFree(tx: Tx, input: TDocumentType, exceptId?: string) {
  const taken = await tx.documentType.findFirst({
    where: {
      label: { equals: input.label, mode: "insensitive" },
      scope: input.scope,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", LABEL_TAKEN);
}

/** The services ticked, checked to exist; kept only for a mandatory type. */
async function serviceIds(tx: Tx, input: TDocumentType): Promise<string[]> {
  if (!input.mandatory || input.activityIds.length === 0) return [];
  const found = await tx.activity.findMany({ where: { id: { in: input.activityIds } }, select: { id: true } });
  if (found.length !== input.activityIds.length) throw new AppError("NOT_FOUND", "Service introuvable : rechargez la page.");
  return input.activityIds;
}

const columns = (input: TDocumentType) => ({
  label: input.label,
  scope: input.scope,
  mandatory: input.mandatory,
  helpText: input.helpText,
  sortOrder: input.sortOrder,
  active: input.active,
});

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("TAKEN", LABEL_TAKEN);
    throw error;
  }
}

export async function createDocumentType(db: PrismaClient, viewer: StaffViewer, input: TDocumentType): Promise<{ id: string }> {
  assertStaffViewer(viewer);
  return guarded(() =>
    db.$transaction(async (tx) => {
      await assertLabelFree(tx, input);
      const activityIds = await serviceIds(tx, input);
      const type = await tx.documentType.create({
        data: {
          ...columns(input),
          code: await freeCode(tx, input.label),
          activities: { create: activityIds.map((activityId) => ({ activityId })) },
        },
        select: { id: true },
      });
      return auditCreated(tx, viewer, type, {
        action: "document-type.create",
        targetType: "DocumentType",
        details: { ...columns(input), activityIds },
      });
    }),
  );
}

/**
 * Saves a type. Changing who it concerns (family ↔ child) is refused once it has documents: they
 * were filed in a family's or a child's folder. Unticking « actif » retires it.
 */
export async function updateDocumentType(db: PrismaClient, viewer: StaffViewer, id: string, input: TDocumentType): Promise<void> {
  assertStaffViewer(viewer);
  await guarded(() =>
    db.$transaction(async (tx) => {
      const before = await tx.documentType.findUnique({
        where: { id },
        select: {
          label: true,
          scope: true,
          mandatory: true,
          helpText: true,
          sortOrder: true,
          active: true,
          activities: { select: { activityId: true } },
          _count: { select: { documents: true } },
        },
      });
      if (!before) throw new AppError("NOT_FOUND", NOT_FOUND);
      if (before.scope !== input.scope && before._count.documents > 0)
        throw new AppError(
          "INVALID",
          "Des documents de ce type ont déjà été transmis : il ne peut plus passer de la famille à un enfant (ou l'inverse). Créez un autre type.",
        );
      await assertLabelFree(tx, input, id);
      const activityIds = await serviceIds(tx, input);
      await tx.documentTypeActivity.deleteMany({ where: { documentTypeId: id } });
      await tx.documentType.update({
        where: { id },
        data: { ...columns(input), activities: { create: activityIds.map((activityId) => ({ activityId })) } },
      });
      const { activities, _count, ...rest } = before;
      void _count;
      await writeAudit(tx, viewer, {
        action: before.active && !input.active ? "document-type.retire" : "document-type.update",
        targetType: "DocumentType",
        targetId: id,
        details: {
          before: { ...rest, activityIds: activities.map((entry) => entry.activityId) },
          after: { ...columns(input), activityIds },
        },
      });
    }),
  );
}

/** Deletes a type no document uses; a used one is to be retired instead. */
export async function deleteDocumentType(db: PrismaClient, viewer: StaffViewer, id: string): Promise<void> {
  assertStaffViewer(viewer);
  await db.$transaction(async (tx) => {
    // Holds the row: an upload of this type running now finishes first (its insert then fails
    // on the foreign key if we deleted), or waits and finds no type.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DocumentType" WHERE id = ${id} FOR UPDATE`;
    if (rows.length === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
    const type = await tx.documentType.findUniqueOrThrow({
      where: { id },
      select: { label: true, scope: true, _count: { select: { documents: true } } },
    });
    if (type._count.documents > 0)
      throw new AppError(
        "TYPE_IN_USE",
        `Ce type ne peut pas être supprimé : ${type._count.documents} ${type._count.documents > 1 ? "documents l'utilisent" : "document l'utilise"}. Retirez-le plutôt (décochez « Type proposé aux familles ») : il ne sera plus proposé, les documents transmis restent consultables.`,
      );
    await tx.documentType.delete({ where: { id } });
    await writeAudit(tx, viewer, {
      action: "document-type.delete",
      targetType: "DocumentType",
      targetId: id,
      details: { label: type.label, scope: type.scope },
    });
  });
}

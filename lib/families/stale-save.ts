import "server-only";

// The refusal of a save made on an older version of the family record or of a child sheet:
// who changed it meanwhile and when (the audit log knows the staff's saves and the version each
// one made; any other version was the family's, at the row's updatedAt), and which of the
// reader's fields changed. Called inside the refused save's transaction, which then rolls back.
import type { Prisma } from "@/lib/db/generated/client";

import { changedFieldLabels, StaleSaveError, staleSaveMessage, type ChangedBy, type LoadedValues } from "./record-version";

type Db = Prisma.TransactionClient;

/** The staff saves of each kind of row, as audited (their details carry the version they made). */
const STAFF_SAVES = {
  Family: ["family.record.update"],
  Child: ["child.sheet.update", "child.identity.update"],
} as const;

export type StaleSaveCheck = {
  target: "Family" | "Child";
  id: string;
  /** Ownership: the row must be this family's (the family itself for "Family"). */
  familyId: string;
  /** The version the form was loaded with. */
  version: number;
  loaded: LoadedValues;
  /** The reader's form fields, with their French labels: only these are compared and named. */
  labels: Record<string, string>;
  upperCase?: readonly string[];
  /** The stored values as the reader's form shows them. */
  readCurrent: () => Promise<Record<string, unknown> | null>;
};

/**
 * Why a conditional update found no row: a StaleSaveError when the row is there (its version
 * moved), or null when it is not (unknown or another family's: the caller's « introuvable »).
 */
export async function staleSaveError(tx: Db, check: StaleSaveCheck): Promise<StaleSaveError | null> {
  // Locked until the refused transaction ends: no save can slip between this read and the message.
  const rows =
    check.target === "Family"
      ? await tx.$queryRaw<{ version: number; updatedAt: Date }[]>`
          SELECT version, "updatedAt" FROM "Family" WHERE id = ${check.id} FOR SHARE`
      : await tx.$queryRaw<{ version: number; updatedAt: Date }[]>`
          SELECT version, "updatedAt" FROM "Child" WHERE id = ${check.id} AND "familyId" = ${check.familyId} FOR SHARE`;
  const row = rows[0];
  if (!row) return null;
  const version = Number(row.version);
  const current = await check.readCurrent();
  if (!current) return null;

  const staffSaves = await tx.auditLog.findMany({
    where: { familyId: check.familyId, action: { in: [...STAFF_SAVES[check.target]] }, targetId: check.id },
    orderBy: { at: "desc" },
    take: 200,
    select: { at: true, details: true },
  });
  const staffAt = new Map<number, Date>();
  for (const entry of staffSaves) {
    const made = (entry.details as { version?: unknown } | null)?.version;
    if (typeof made === "number" && made > check.version && made <= version && !staffAt.has(made)) staffAt.set(made, entry.at);
  }
  const missed = version - check.version;
  let changedBy: ChangedBy = null;
  if (missed > 0) changedBy = staffAt.size === missed ? "staff" : staffAt.size === 0 ? "family" : "staff-and-family";
  const changedAt = staffAt.get(version) ?? new Date(row.updatedAt);

  return new StaleSaveError({
    message: staleSaveMessage(check.target === "Family" ? "record" : "sheet", changedBy, changedAt),
    changedFields: changedFieldLabels(check.labels, check.loaded, current, check.upperCase),
    version,
    changedBy,
    changedAt,
  });
}

import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { bracketRangeLabel, overlappingBracket } from "./unit-rules";

// Quotient familial brackets: [minQf, maxQf), maxQf empty for the last one. They never overlap,
// so that a family's quotient falls in one bracket at most. Writers take a table lock that
// conflicts with itself: two agents editing brackets at once are serialised, and the overlap
// check always sees the other's result.

type Tx = Prisma.TransactionClient;
type BracketInput = { label: string; minQf: number; maxQf: number | null };

export async function listQfBrackets(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  return db.qfBracket.findMany({
    orderBy: { minQf: "asc" },
    select: { id: true, label: true, minQf: true, maxQf: true, _count: { select: { tariffs: true } } },
  });
}

async function lockedOthers(tx: Tx, exceptId: string | null) {
  await tx.$executeRaw`LOCK TABLE "QfBracket" IN SHARE ROW EXCLUSIVE MODE`;
  const all = await tx.qfBracket.findMany({
    orderBy: { minQf: "asc" },
    select: { id: true, label: true, minQf: true, maxQf: true },
  });
  return all.filter((bracket) => bracket.id !== exceptId);
}

function refuseOverlap(candidate: BracketInput, others: BracketInput[]) {
  const overlap = overlappingBracket(candidate, others);
  if (overlap) {
    throw new AppError(
      "BRACKET_OVERLAP",
      `Cette tranche (${bracketRangeLabel(candidate)}) chevauche la tranche « ${overlap.label} » (${bracketRangeLabel(overlap)}) : un quotient familial ne doit appartenir qu'à une seule tranche. Rien n'a été modifié.`,
    );
  }
}

function translate(error: unknown): never {
  if (error instanceof AppError) throw error;
  if (isUniqueViolation(error)) {
    throw new AppError("BRACKET_OVERLAP", "Une autre tranche commence déjà à ce quotient familial. Rien n'a été modifié.");
  }
  throw error;
}

export async function createQfBracket(db: PrismaClient, viewer: StaffViewer, input: BracketInput): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      refuseOverlap(input, await lockedOthers(tx, null));
      const bracket = await tx.qfBracket.create({ data: input, select: { id: true } });
      return auditCreated(tx, viewer, bracket, { action: "qf-bracket.create", targetType: "QfBracket", details: input });
    });
  } catch (error) {
    translate(error);
  }
}

export async function updateQfBracket(
  db: PrismaClient,
  viewer: StaffViewer,
  input: BracketInput & { id: string },
): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const others = await lockedOthers(tx, input.id);
      const before = await tx.qfBracket.findUnique({
        where: { id: input.id },
        select: { label: true, minQf: true, maxQf: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "Tranche de quotient familial introuvable.");
      const after = { label: input.label, minQf: input.minQf, maxQf: input.maxQf };
      refuseOverlap(after, others);
      await tx.qfBracket.update({ where: { id: input.id }, data: after });
      await writeAudit(tx, viewer, {
        action: "qf-bracket.update",
        targetType: "QfBracket",
        targetId: input.id,
        details: { before, after },
      });
    });
  } catch (error) {
    translate(error);
  }
}

/** Removes a bracket and the units' prices for it (staff confirm first). */
export async function deleteQfBracket(db: PrismaClient, viewer: StaffViewer, id: string): Promise<{ tariffsRemoved: number }> {
  return db.$transaction(async (tx) => {
    await lockedOthers(tx, null);
    const bracket = await tx.qfBracket.findUnique({
      where: { id },
      select: {
        label: true,
        minQf: true,
        maxQf: true,
        tariffs: { select: { unitId: true, priceCents: true }, orderBy: { unitId: "asc" } },
      },
    });
    if (!bracket) throw new AppError("NOT_FOUND", "Tranche de quotient familial introuvable.");
    await tx.qfBracket.delete({ where: { id } });
    // The prices go with the bracket (cascade): the journal keeps them, so they can be restored.
    await writeAudit(tx, viewer, {
      action: "qf-bracket.delete",
      targetType: "QfBracket",
      targetId: id,
      details: {
        label: bracket.label,
        minQf: bracket.minQf,
        maxQf: bracket.maxQf,
        tariffsRemoved: bracket.tariffs.length,
        prices: bracket.tariffs,
      },
    });
    return { tariffsRemoved: bracket.tariffs.length };
  });
}

import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import type { TRegie } from "./regie.schema";

// The régies (SPEC §8, issue #14 point 1): administrators' settings. A régie bills the
// activities it lists (an activity belongs to at most one régie: Activity.regieId); its code is
// printed in its invoice numbers, so it no longer changes once it has invoices; a régie with
// invoices is never deleted (it is retired with « active »). Every change and its audit entry
// are one transaction.

type Tx = Prisma.TransactionClient;

const REGIE_TAKEN = "Une régie porte déjà ce nom ou ce code.";
const REGIE_NOT_FOUND = "Régie introuvable.";

const REGIE_FIELDS = {
  id: true,
  code: true,
  name: true,
  payfipClientNumber: true,
  payableOnline: true,
  paymentDeadlineDays: true,
  mentions: true,
  active: true,
} as const;

/** The list of « Régies »: each with its activities and how many invoices it has issued. */
export async function listRegies(db: Db, viewer: StaffViewer) {
  assertAdminViewer(viewer);
  return db.regie.findMany({
    orderBy: { name: "asc" },
    select: {
      ...REGIE_FIELDS,
      activities: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      _count: { select: { invoices: true } },
    },
  });
}

/** A régie as its edit form shows it, with whether it has invoices (code locked, no deletion). */
export async function getRegie(db: Db, viewer: StaffViewer, id: string) {
  assertAdminViewer(viewer);
  const regie = await db.regie.findUnique({
    where: { id },
    select: { ...REGIE_FIELDS, activities: { select: { id: true } }, _count: { select: { invoices: true } } },
  });
  if (!regie) return null;
  const { activities, _count, payfipClientNumber, ...rest } = regie;
  return {
    ...rest,
    payfipClientNumber: payfipClientNumber ?? "",
    activityIds: activities.map((activity) => activity.id),
    invoiceCount: _count.invoices,
  };
}
export type RegieForEdit = NonNullable<Awaited<ReturnType<typeof getRegie>>>;

/** Every activity, with the régie that bills it: the checkboxes of the régie form. */
export async function listActivitiesWithRegie(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  return db.activity.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, regie: { select: { id: true, name: true } } },
  });
}

/** The régies to choose from (the activity form, the invoices' filters): active ones, and `keepId` even if retired. */
export async function listRegieOptions(db: Db, keepId?: string | null) {
  return db.regie.findMany({
    where: keepId ? { OR: [{ active: true }, { id: keepId }] } : { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, active: true },
  });
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("TAKEN", REGIE_TAKEN);
    throw error;
  }
}

async function assertNameAndCodeFree(tx: Tx, input: TRegie, exceptId?: string) {
  const taken = await tx.regie.findFirst({
    where: {
      OR: [{ name: { equals: input.name, mode: "insensitive" } }, { code: input.code }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", REGIE_TAKEN);
}

/**
 * Gives the régie exactly the activities listed. One UPDATE claims them only where no other
 * régie holds them, so two régies saved at once can never both bill the same activity: the
 * second finds it taken and is refused, naming the activity and its régie.
 */
async function assignActivities(tx: Tx, regieId: string, activityIds: string[]) {
  const ids = [...new Set(activityIds)];
  if (ids.length > 0) {
    const known = await tx.activity.count({ where: { id: { in: ids } } });
    if (known !== ids.length) throw new AppError("NOT_FOUND", "Activité introuvable : rechargez la page.");
    const claimed = await tx.activity.updateMany({
      where: { id: { in: ids }, OR: [{ regieId: null }, { regieId }] },
      data: { regieId },
    });
    if (claimed.count !== ids.length) {
      const held = await tx.activity.findMany({
        where: { id: { in: ids }, regieId: { not: regieId } },
        select: { name: true, regie: { select: { name: true } } },
        orderBy: { name: "asc" },
      });
      const names = held.map((activity) => `${activity.name} (${activity.regie?.name ?? "autre régie"})`).join(", ");
      throw new AppError(
        "TAKEN",
        `Une activité n'est facturée que par une seule régie : ${names} ${held.length > 1 ? "sont déjà facturées" : "est déjà facturée"} ailleurs. Retirez-la d'abord de l'autre régie.`,
      );
    }
  }
  await tx.activity.updateMany({ where: { regieId, id: { notIn: ids } }, data: { regieId: null } });
}

function regieData(input: TRegie) {
  return {
    name: input.name,
    code: input.code,
    payfipClientNumber: input.payfipClientNumber === "" ? null : input.payfipClientNumber,
    payableOnline: input.payableOnline,
    paymentDeadlineDays: input.paymentDeadlineDays,
    mentions: input.mentions,
    active: input.active,
  };
}

export async function createRegie(db: PrismaClient, viewer: StaffViewer, input: TRegie) {
  assertAdminViewer(viewer);
  return guarded(() =>
    db.$transaction(async (tx) => {
      await assertNameAndCodeFree(tx, input);
      const regie = await tx.regie.create({ data: regieData(input), select: { id: true } });
      await assignActivities(tx, regie.id, input.activityIds);
      return auditCreated(tx, viewer, regie, { action: "regie.create", targetType: "Regie", details: { ...input } });
    }),
  );
}

export async function updateRegie(db: PrismaClient, viewer: StaffViewer, id: string, input: TRegie) {
  assertAdminViewer(viewer);
  await guarded(() =>
    db.$transaction(async (tx) => {
      // Locked: an invoicing run reads the code under the same lock (its counter row's régie).
      const [locked] = await tx.$queryRaw<{ code: string }[]>`SELECT "code" FROM "Regie" WHERE "id" = ${id} FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", REGIE_NOT_FOUND);
      const before = await getRegieSnapshot(tx, id);
      if (input.code !== locked.code && (await tx.invoice.count({ where: { regieId: id } })) > 0) {
        throw new AppError(
          "REGIE_IN_USE",
          `Le code ne change plus : la régie a déjà émis des factures numérotées avec « ${locked.code} ».`,
        );
      }
      await assertNameAndCodeFree(tx, input, id);
      await tx.regie.update({ where: { id }, data: regieData(input) });
      await assignActivities(tx, id, input.activityIds);
      await writeAudit(tx, viewer, {
        action: "regie.update",
        targetType: "Regie",
        targetId: id,
        details: { before, after: { ...input } },
      });
    }),
  );
  return { id };
}

/** Deletes a régie that never issued anything (no invoice, no run, no counter); otherwise « retire it ». */
export async function deleteRegie(db: PrismaClient, viewer: StaffViewer, id: string) {
  assertAdminViewer(viewer);
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Regie" WHERE "id" = ${id} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", REGIE_NOT_FOUND);
    const before = await getRegieSnapshot(tx, id);
    const [invoices, runs, counters] = await Promise.all([
      tx.invoice.count({ where: { regieId: id } }),
      tx.invoicingRun.count({ where: { regieId: id } }),
      tx.invoiceCounter.count({ where: { regieId: id } }),
    ]);
    if (invoices + runs + counters > 0) {
      throw new AppError(
        "REGIE_IN_USE",
        "Cette régie a déjà facturé : elle ne peut pas être supprimée. Décochez « Régie active » pour la retirer.",
      );
    }
    await tx.activity.updateMany({ where: { regieId: id }, data: { regieId: null } });
    await tx.regie.delete({ where: { id } });
    await writeAudit(tx, viewer, { action: "regie.delete", targetType: "Regie", targetId: id, details: { before } });
  });
}

async function getRegieSnapshot(tx: Tx, id: string) {
  const regie = await tx.regie.findUniqueOrThrow({
    where: { id },
    select: { ...REGIE_FIELDS, id: false, activities: { select: { id: true }, orderBy: { id: "asc" } } },
  });
  const { activities, ...rest } = regie;
  return { ...rest, activityIds: activities.map((activity) => activity.id) };
}

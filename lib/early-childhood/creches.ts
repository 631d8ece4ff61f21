import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { CrecheAgeGroup } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { blankToNull } from "@/lib/validation/form-fields";

import { AGE_GROUPS } from "./age-group";
import { PLACES_FIELDS, type TCreche } from "./staff-settings.schema";

// « Crèches » (SPEC §7): administrators' settings — name, code, address, opening hours, the régie
// that bills its contracts, its places per age group, active. A crèche with requests or
// contracts is never deleted: it is retired (« active » unticked).

type Tx = Prisma.TransactionClient;

const CRECHE_TAKEN = "Une crèche porte déjà ce nom ou ce code.";

const CRECHE_FIELDS = {
  id: true,
  code: true,
  name: true,
  address: true,
  opensAt: true,
  closesAt: true,
  regieId: true,
  active: true,
  sortOrder: true,
} as const;

type Places = Record<CrecheAgeGroup, number>;

function placesOf(capacities: { ageGroup: CrecheAgeGroup; places: number }[]): Places {
  const places: Places = { BEBES: 0, MOYENS: 0, GRANDS: 0 };
  for (const capacity of capacities) places[capacity.ageGroup] = capacity.places;
  return places;
}

/** The « Crèches » list: each with its régie, its places and how many contracts are in force. */
export async function listCreches(db: Db, viewer: StaffViewer) {
  assertAdminViewer(viewer);
  const creches = await db.creche.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      ...CRECHE_FIELDS,
      regie: { select: { name: true } },
      capacities: { select: { ageGroup: true, places: true } },
      _count: { select: { contracts: { where: { status: "ACTIVE" } }, choices: true } },
    },
  });
  return creches.map(({ capacities, ...creche }) => ({ ...creche, places: placesOf(capacities) }));
}

/** A crèche as its edit form shows it. */
export async function getCreche(db: Db, viewer: StaffViewer, id: string) {
  assertAdminViewer(viewer);
  const creche = await db.creche.findUnique({
    where: { id },
    select: { ...CRECHE_FIELDS, capacities: { select: { ageGroup: true, places: true } } },
  });
  if (!creche) return null;
  const { capacities, address, ...rest } = creche;
  return { ...rest, address: address ?? "", places: placesOf(capacities) };
}
export type CrecheForEdit = NonNullable<Awaited<ReturnType<typeof getCreche>>>;

/** The crèches staff choose from (queue filter, offers, waiting lists): active ones, and `keepIds` even if retired. */
export async function listCrecheOptions(db: Db, viewer: StaffViewer, keepIds: string[] = []) {
  assertStaffViewer(viewer);
  return db.creche.findMany({
    where: keepIds.length > 0 ? { OR: [{ active: true }, { id: { in: keepIds } }] } : { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, code: true },
  });
}

function crecheData(input: TCreche) {
  return {
    name: input.name,
    code: input.code,
    address: blankToNull(input.address),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    regieId: input.regieId,
    sortOrder: input.sortOrder,
    active: input.active,
  };
}

async function writeCapacities(tx: Tx, crecheId: string, input: TCreche) {
  for (const ageGroup of AGE_GROUPS) {
    const count = input[PLACES_FIELDS[ageGroup]];
    await tx.crecheCapacity.upsert({
      where: { crecheId_ageGroup: { crecheId, ageGroup } },
      create: { crecheId, ageGroup, places: count },
      update: { places: count },
    });
  }
}

async function assertFree(tx: Tx, input: TCreche, exceptId?: string) {
  const taken = await tx.creche.findFirst({
    where: {
      OR: [{ name: { equals: input.name, mode: "insensitive" } }, { code: input.code }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", CRECHE_TAKEN);
  if (input.regieId && !(await tx.regie.findUnique({ where: { id: input.regieId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "Régie introuvable : rechargez la page.");
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("TAKEN", CRECHE_TAKEN);
    throw error;
  }
}

export async function createCreche(db: PrismaClient, viewer: StaffViewer, input: TCreche) {
  assertAdminViewer(viewer);
  return guarded(() =>
    db.$transaction(async (tx) => {
      await assertFree(tx, input);
      const creche = await tx.creche.create({ data: crecheData(input), select: { id: true } });
      await writeCapacities(tx, creche.id, input);
      return auditCreated(tx, viewer, creche, { action: "creche.create", targetType: "Creche", details: { ...input } });
    }),
  );
}

export async function updateCreche(db: PrismaClient, viewer: StaffViewer, id: string, input: TCreche) {
  assertAdminViewer(viewer);
  await guarded(() =>
    db.$transaction(async (tx) => {
      // Locked like the waiting lists and the commission lock it: places do not change under a decision.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Creche" WHERE "id" = ${id} FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "Crèche introuvable.");
      const before = await tx.creche.findUniqueOrThrow({
        where: { id },
        select: { ...CRECHE_FIELDS, id: false, capacities: { select: { ageGroup: true, places: true } } },
      });
      await assertFree(tx, input, id);
      await tx.creche.update({ where: { id }, data: crecheData(input) });
      await writeCapacities(tx, id, input);
      await writeAudit(tx, viewer, {
        action: "creche.update",
        targetType: "Creche",
        targetId: id,
        details: { before: { ...before, capacities: placesOf(before.capacities) }, after: { ...input } },
      });
    }),
  );
  return { id };
}

import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { dateToDay, dayToDate, formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { isCheckViolation, isTransactionConflict, isTransactionTimeout, isUniqueViolation } from "@/lib/db/errors";
import type { DayPart, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { UNIT_FIELDS } from "./catalogue";
import { bookedPlacesLabel, overbookedMessage } from "./unit-rules";

// Units of a period and their daily capacities (SPEC §9 "Catalogue: … units, capacities").
//
// Capacity lives in two places: Unit.capacity, and the per-(unit, day) counter UnitDay, created
// lazily by a booking with the unit's capacity (lib/reservations/book-days.ts takePlace) or by
// staff with a capacity of their own (capacityOverridden). The database keeps
// 0 ≤ booked ≤ capacity (CHECK); these functions never rely on it alone:
// - a change of Unit.capacity locks the unit row FOR UPDATE. Every booking takes a KEY SHARE
//   lock on that row before it takes a place (takePlace, and the foreign key of its lines), so
//   bookings already running finish first and new ones wait for this transaction: the check
//   "no non-overridden day has more booked places than the new capacity" cannot go stale, and
//   a counter created afterwards reads the new capacity.
// - a per-day capacity locks the existing counters FOR UPDATE, and writes with a conditional
//   upsert (… WHERE booked <= new capacity) that waits for a booking racing to create the row.
// Any refusal rolls the whole transaction back: nothing is changed.

type Tx = Prisma.TransactionClient;

// A capacity change waits for the bookings of the unit that are running (their locks): give it
// time rather than fail during a rush.
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

const DAY_ROW = { date: true, capacity: true, booked: true } as const;

/** The unit page: the unit, its period, its overridden days and its tariffs per bracket. */
export async function getUnitForStaff(db: Db, viewer: StaffViewer, unitId: string) {
  assertStaffViewer(viewer);
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      ...UNIT_FIELDS,
      sortOrder: true,
      dayPart: true,
      period: { select: { id: true, name: true, startDate: true, endDate: true, establishment: { select: { name: true } } } },
      days: { where: { capacityOverridden: true }, orderBy: { date: "asc" }, select: DAY_ROW },
      tariffs: { select: { bracketId: true, priceCents: true } },
      _count: { select: { reservationDays: true } },
    },
  });
  if (!unit) return null;
  return {
    ...unit,
    period: { ...unit.period, startDay: dateToDay(unit.period.startDate), endDay: dateToDay(unit.period.endDate) },
    overriddenDays: unit.days.map((day) => ({ day: dateToDay(day.date), capacity: day.capacity, booked: day.booked })),
    reservationDayCount: unit._count.reservationDays,
  };
}

/** The period a new unit is added to, with the next sort order. */
export async function getPeriodForNewUnit(db: Db, viewer: StaffViewer, periodId: string) {
  assertStaffViewer(viewer);
  const period = await db.period.findUnique({
    where: { id: periodId },
    select: { id: true, name: true, establishment: { select: { name: true } }, units: { select: { sortOrder: true } } },
  });
  if (!period) return null;
  return {
    id: period.id,
    name: period.name,
    establishment: period.establishment.name,
    nextSortOrder: Math.max(0, ...period.units.map((unit) => unit.sortOrder + 1)),
  };
}

type UnitInput = {
  label: string;
  startTime: string;
  endTime: string;
  capacity: number;
  sortOrder: number;
  /** Journée / demi-journée: a full day excludes the half-days of its date for a child (lib/reservations/day-parts.ts). */
  dayPart?: DayPart | null;
};

/** Database refusals that a form can explain, as French errors; anything else is rethrown. */
function translate(error: unknown, label?: string): never {
  if (error instanceof AppError) throw error;
  if (label !== undefined && isUniqueViolation(error)) {
    throw new AppError("DUPLICATE_UNIT", `Une unité « ${label} » existe déjà dans cette période : choisissez un autre libellé.`);
  }
  if (isCheckViolation(error))
    throw new AppError(
      "OVERBOOKED",
      "Impossible : la capacité ne peut pas descendre sous le nombre de places déjà réservées. Rien n'a été modifié.",
    );
  if (isTransactionConflict(error) || isTransactionTimeout(error)) {
    throw new AppError(
      "BUSY",
      "Des réservations sont en cours sur cette unité : rien n'a été modifié. Réessayez dans un instant.",
    );
  }
  throw error;
}

/** Nothing is changed while a day holds more booked places than the new capacity: the staff are told which days. */
function refuseOverbooked(over: { date: Date; booked: number }[], capacity: number) {
  if (over.length === 0) return;
  const days = over.map((row) => ({ day: dateToDay(row.date), booked: row.booked }));
  throw new AppError("OVERBOOKED", overbookedMessage(days, capacity));
}

async function ensureLabelFree(tx: Tx, periodId: string, label: string, exceptId?: string) {
  const other = await tx.unit.findFirst({
    where: { periodId, label: { equals: label, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other)
    throw new AppError("DUPLICATE_UNIT", `Une unité « ${label} » existe déjà dans cette période : choisissez un autre libellé.`);
}

export async function createUnit(
  db: PrismaClient,
  viewer: StaffViewer,
  input: UnitInput & { periodId: string },
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const period = await tx.period.findUnique({ where: { id: input.periodId }, select: { id: true } });
      if (!period) throw new AppError("NOT_FOUND", "Période introuvable.");
      await ensureLabelFree(tx, input.periodId, input.label);
      const unit = await tx.unit.create({
        data: {
          periodId: input.periodId,
          label: input.label,
          startTime: input.startTime,
          endTime: input.endTime,
          capacity: input.capacity,
          sortOrder: input.sortOrder,
          dayPart: input.dayPart ?? null,
        },
        select: { id: true },
      });
      await writeAudit(tx, viewer, { action: "unit.create", targetType: "Unit", targetId: unit.id, details: { ...input } });
      return unit;
    });
  } catch (error) {
    translate(error, input.label);
  }
}

/**
 * Edits a unit. A new daily capacity is carried, in the same transaction, to the counters of
 * its days that staff did not set by hand; refused (nothing changed) when one of those days
 * already has more booked places.
 */
export async function updateUnit(
  db: PrismaClient,
  viewer: StaffViewer,
  input: UnitInput & { id: string },
): Promise<{ periodId: string; daysUpdated: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const [unit] = await tx.$queryRaw<
        {
          id: string;
          periodId: string;
          label: string;
          startTime: string;
          endTime: string;
          capacity: number;
          sortOrder: number;
          dayPart: DayPart | null;
        }[]
      >`
        SELECT "id", "periodId", "label", "startTime", "endTime", "capacity", "sortOrder", "dayPart"::text AS "dayPart"
        FROM "Unit" WHERE "id" = ${input.id} FOR UPDATE`;
      if (!unit) throw new AppError("NOT_FOUND", "Unité introuvable.");
      await ensureLabelFree(tx, unit.periodId, input.label, unit.id);
      let daysUpdated = 0;
      if (input.capacity !== unit.capacity) {
        const over = await tx.$queryRaw<{ date: Date; booked: number }[]>`
          SELECT "date", "booked" FROM "UnitDay"
          WHERE "unitId" = ${unit.id} AND NOT "capacityOverridden" AND "booked" > ${input.capacity}
          ORDER BY "date" FOR UPDATE`;
        refuseOverbooked(over, input.capacity);
        daysUpdated = await tx.$executeRaw`UPDATE "UnitDay" SET "capacity" = ${input.capacity}
          WHERE "unitId" = ${unit.id} AND NOT "capacityOverridden" AND "booked" <= ${input.capacity}`;
      }
      await tx.unit.update({
        where: { id: unit.id },
        data: {
          label: input.label,
          startTime: input.startTime,
          endTime: input.endTime,
          capacity: input.capacity,
          sortOrder: input.sortOrder,
          dayPart: input.dayPart ?? null,
        },
      });
      const before = {
        label: unit.label,
        startTime: unit.startTime,
        endTime: unit.endTime,
        capacity: unit.capacity,
        sortOrder: unit.sortOrder,
        dayPart: unit.dayPart,
      };
      const after = {
        label: input.label,
        startTime: input.startTime,
        endTime: input.endTime,
        capacity: input.capacity,
        sortOrder: input.sortOrder,
        dayPart: input.dayPart ?? null,
      };
      await writeAudit(tx, viewer, {
        action: "unit.update",
        targetType: "Unit",
        targetId: unit.id,
        details: { periodId: unit.periodId, before, after, daysUpdated },
      });
      return { periodId: unit.periodId, daysUpdated };
    }, TX_OPTIONS);
  } catch (error) {
    translate(error, input.label);
  }
}

/** Deletes a unit that was never booked (its counters and tariffs go with it). */
export async function deleteUnit(db: PrismaClient, viewer: StaffViewer, unitId: string): Promise<{ periodId: string }> {
  return db.$transaction(async (tx) => {
    // FOR UPDATE: a booking of this unit (KEY SHARE through its foreign key) waits, then fails.
    const [unit] = await tx.$queryRaw<{ id: string; periodId: string; label: string }[]>`
      SELECT "id", "periodId", "label" FROM "Unit" WHERE "id" = ${unitId} FOR UPDATE`;
    if (!unit) throw new AppError("NOT_FOUND", "Unité introuvable.");
    const lines = await tx.reservationDay.count({ where: { unitId } });
    if (lines > 0) {
      throw new AppError(
        "UNIT_IN_USE",
        `Impossible de supprimer l'unité « ${unit.label} » : ${lines} journée(s) de réservation s'y rapportent (y compris annulées ou refusées), et l'historique des familles doit être conservé. Vous pouvez mettre sa capacité à 0.`,
      );
    }
    await tx.unit.delete({ where: { id: unitId } });
    await writeAudit(tx, viewer, {
      action: "unit.delete",
      targetType: "Unit",
      targetId: unitId,
      details: { periodId: unit.periodId, label: unit.label },
    });
    return { periodId: unit.periodId };
  }, TX_OPTIONS);
}

async function lockUnitForDays(tx: Tx, unitId: string) {
  // FOR SHARE: serialised with a change of the unit's capacity (FOR UPDATE), not with bookings.
  const [unit] = await tx.$queryRaw<{ id: string; label: string; capacity: number; startDate: Date; endDate: Date }[]>`
    SELECT u."id", u."label", u."capacity", p."startDate", p."endDate"
    FROM "Unit" u JOIN "Period" p ON p."id" = u."periodId"
    WHERE u."id" = ${unitId} FOR SHARE OF u`;
  if (!unit) throw new AppError("NOT_FOUND", "Unité introuvable.");
  return { ...unit, startDay: dateToDay(unit.startDate), endDay: dateToDay(unit.endDate) };
}

/**
 * Sets the capacity of one or several dates of a unit (capacityOverridden). Refused, with
 * nothing changed, for a date outside the period or one with more booked places.
 */
export async function setDayCapacity(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { unitId: string; dates: CalendarDay[]; capacity: number },
): Promise<{ days: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const unit = await lockUnitForDays(tx, input.unitId);
      const outside = input.dates.filter((day) => day < unit.startDay || day > unit.endDay);
      if (outside.length) {
        throw new AppError(
          "OUTSIDE_PERIOD",
          `${outside.map(formatDay).join(", ")} : en dehors de la période (du ${formatDay(unit.startDay)} au ${formatDay(unit.endDay)}). Rien n'a été modifié.`,
        );
      }
      const over = await tx.$queryRaw<{ date: Date; booked: number }[]>`
        SELECT "date", "booked" FROM "UnitDay"
        WHERE "unitId" = ${unit.id} AND "date" = ANY(${input.dates}::date[]) AND "booked" > ${input.capacity}
        ORDER BY "date" FOR UPDATE`;
      refuseOverbooked(over, input.capacity);
      // A counter created meanwhile by a booking is waited for, then updated only if its places fit.
      const written = await tx.$executeRaw`INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked", "capacityOverridden")
        SELECT ${unit.id}, day, ${input.capacity}, 0, true FROM unnest(${input.dates}::date[]) AS day
        ON CONFLICT ("unitId", "date") DO UPDATE SET "capacity" = EXCLUDED."capacity", "capacityOverridden" = true
        WHERE "UnitDay"."booked" <= EXCLUDED."capacity"`;
      if (written !== input.dates.length) {
        const late = await tx.unitDay.findMany({
          where: { unitId: unit.id, date: { in: input.dates.map(dayToDate) }, booked: { gt: input.capacity } },
          orderBy: { date: "asc" },
          select: { date: true, booked: true },
        });
        refuseOverbooked(late, input.capacity);
      }
      await writeAudit(tx, viewer, {
        action: "unit.day-capacity.set",
        targetType: "Unit",
        targetId: unit.id,
        details: { label: unit.label, dates: input.dates, capacity: input.capacity },
      });
      return { days: input.dates.length };
    }, TX_OPTIONS);
  } catch (error) {
    translate(error);
  }
}

/** "Revenir à la capacité de l'unité": the date follows the unit's capacity again. */
export async function resetDayCapacity(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { unitId: string; date: CalendarDay },
): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const unit = await lockUnitForDays(tx, input.unitId);
      const [day] = await tx.$queryRaw<{ booked: number; capacity: number; capacityOverridden: boolean }[]>`
        SELECT "booked", "capacity", "capacityOverridden" FROM "UnitDay"
        WHERE "unitId" = ${unit.id} AND "date" = ${input.date}::date FOR UPDATE`;
      if (!day?.capacityOverridden)
        throw new AppError("NOT_FOUND", `Le ${formatDay(input.date)} n'a pas de capacité particulière pour cette unité.`);
      if (day.booked > unit.capacity) {
        throw new AppError(
          "OVERBOOKED",
          `Impossible : ${bookedPlacesLabel(day.booked, input.date)}, plus que la capacité de l'unité (${unit.capacity} place(s)). Rien n'a été modifié.`,
        );
      }
      await tx.$executeRaw`UPDATE "UnitDay" SET "capacity" = ${unit.capacity}, "capacityOverridden" = false
        WHERE "unitId" = ${unit.id} AND "date" = ${input.date}::date`;
      await writeAudit(tx, viewer, {
        action: "unit.day-capacity.reset",
        targetType: "Unit",
        targetId: unit.id,
        details: { label: unit.label, date: input.date, from: day.capacity, to: unit.capacity },
      });
    }, TX_OPTIONS);
  } catch (error) {
    translate(error);
  }
}

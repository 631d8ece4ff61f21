import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, formatDay, isoWeekday, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { ACTIVE_STATUSES } from "@/lib/reservations/status";
import { forgetSharedReads } from "@/lib/server/shared-reads";

import type { TActivity } from "./activity.schema";
import { PERIOD_SETTINGS, PERIOD_VALUES, RULE_FIELDS } from "./catalogue";
import type { TEstablishment } from "./establishment.schema";
import type { TPeriod } from "./period.schema";

// The staff's editing of the catalogue: establishments, activities and periods (with their two
// deadline rules and their eligibility). Every change and its audit entry are one transaction.

type Tx = Prisma.TransactionClient;
type Rule = TPeriod["bookingRule"];

const ESTABLISHMENT_TAKEN = "Un établissement porte déjà ce nom.";
const ACTIVITY_TAKEN = "Une activité porte déjà ce code.";
const PERIOD_TAKEN = "Une période porte déjà ce nom dans cet établissement.";

/** Runs a transaction, turning a unique-key race (two staff saving the same name) into French. */
async function uniqueGuarded<T>(message: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("TAKEN", message);
    throw error;
  }
}

// ─── Lookups for the forms and lists ──────────────────────────────────────────────────────────

export async function listEstablishments(db: Db) {
  return db.establishment.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      address: true,
      active: true,
      school: { select: { name: true } },
      _count: { select: { periods: true } },
    },
  });
}

export async function getEstablishment(db: Db, viewer: StaffViewer, id: string) {
  assertStaffViewer(viewer);
  return db.establishment.findUnique({
    where: { id },
    select: { id: true, name: true, schoolId: true, address: true, active: true },
  });
}

export async function listActivities(db: Db) {
  return db.activity.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      sortOrder: true,
      regie: { select: { name: true } },
      _count: { select: { periods: true } },
    },
  });
}

export async function getActivity(db: Db, viewer: StaffViewer, id: string) {
  assertStaffViewer(viewer);
  return db.activity.findUnique({
    where: { id },
    select: { id: true, code: true, name: true, sortOrder: true, regieId: true },
  });
}

/** A period as its edit form shows it: plain values, dates as calendar days. */
export async function getPeriodForEdit(db: Db, viewer: StaffViewer, id: string) {
  assertStaffViewer(viewer);
  const period = await db.period.findUnique({
    where: { id },
    select: { ...PERIOD_SETTINGS, establishmentId: true, activityId: true, eligibleSchools: { select: { schoolId: true } } },
  });
  if (!period) return null;
  const { eligibleSchools, startDate, endDate, lastBookingDate, ...rest } = period;
  return {
    ...rest,
    startDate: dateToDay(startDate),
    endDate: dateToDay(endDate),
    lastBookingDate: lastBookingDate ? dateToDay(lastBookingDate) : null,
    eligibleSchoolIds: eligibleSchools.map((entry) => entry.schoolId),
  };
}
export type PeriodForEdit = NonNullable<Awaited<ReturnType<typeof getPeriodForEdit>>>;

// ─── Establishments ───────────────────────────────────────────────────────────────────────────

async function assertSchool(tx: Tx, schoolId: string | null) {
  if (schoolId && !(await tx.school.findUnique({ where: { id: schoolId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "École introuvable.");
}

async function assertEstablishmentNameFree(tx: Tx, name: string, exceptId?: string) {
  const taken = await tx.establishment.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", ESTABLISHMENT_TAKEN);
}

export async function createEstablishment(db: PrismaClient, viewer: StaffViewer, input: TEstablishment) {
  return uniqueGuarded(ESTABLISHMENT_TAKEN, () =>
    db.$transaction(async (tx) => {
      await assertSchool(tx, input.schoolId);
      await assertEstablishmentNameFree(tx, input.name);
      const establishment = await tx.establishment.create({ data: input, select: { id: true } });
      return auditCreated(tx, viewer, establishment, {
        action: "establishment.create",
        targetType: "Establishment",
        details: { ...input },
      });
    }),
  );
}

export async function updateEstablishment(
  db: PrismaClient,
  viewer: StaffViewer,
  id: string,
  input: TEstablishment,
  now = clock.now(),
) {
  await uniqueGuarded(ESTABLISHMENT_TAKEN, () =>
    db.$transaction(async (tx) => {
      const before = await tx.establishment.findUnique({
        where: { id },
        select: { name: true, schoolId: true, address: true, active: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "Établissement introuvable.");
      // Closing it: bookings of its periods already running finish first (they hold their
      // period FOR KEY SHARE); later ones wait and then find it closed.
      if (before.active && !input.active) {
        await tx.$queryRaw`SELECT id FROM "Period" WHERE "establishmentId" = ${id} ORDER BY id FOR UPDATE`;
        // Families could no longer change or cancel those days: they must be dealt with first.
        const booked = await tx.reservationDay.findMany({
          where: {
            status: { in: ACTIVE_STATUSES },
            date: { gte: dayToDate(parisToday(now)) },
            reservation: { period: { establishmentId: id } },
          },
          select: { date: true },
          orderBy: { date: "asc" },
        });
        if (booked.length) {
          const first = formatDay(dateToDay(booked[0].date));
          const last = formatDay(dateToDay(booked[booked.length - 1].date));
          throw new AppError(
            "HAS_BOOKINGS",
            `Fermeture refusée : ${booked.length} ${booked.length > 1 ? "journées réservées" : "journée réservée"} à venir dans cet établissement (${first === last ? `le ${first}` : `du ${first} au ${last}`}). Ajoutez d'abord ces dates aux fermetures de ses périodes : les réservations sont annulées et les familles prévenues.`,
          );
        }
      }
      await assertSchool(tx, input.schoolId);
      await assertEstablishmentNameFree(tx, input.name, id);
      await tx.establishment.update({ where: { id }, data: input });
      await writeAudit(tx, viewer, {
        action: "establishment.update",
        targetType: "Establishment",
        targetId: id,
        details: { before, after: { ...input } },
      });
    }),
  );
  forgetSharedReads();
}

// ─── Activities ───────────────────────────────────────────────────────────────────────────────

/**
 * The régie an activity is billed by is an administrators' setting (like the régies
 * themselves): an agent edits the activity's names and order, not where its invoices go.
 */
async function assertRegieChoice(tx: Tx, viewer: StaffViewer, regieId: string | null, currentRegieId: string | null) {
  if (regieId === currentRegieId) return;
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Seul un administrateur peut changer la régie d'une activité.");
  if (regieId && !(await tx.regie.findUnique({ where: { id: regieId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "Régie introuvable : rechargez la page.");
}

export async function createActivity(db: PrismaClient, viewer: StaffViewer, input: TActivity) {
  const created = await uniqueGuarded(ACTIVITY_TAKEN, () =>
    db.$transaction(async (tx) => {
      if (await tx.activity.findUnique({ where: { code: input.code }, select: { id: true } }))
        throw new AppError("TAKEN", ACTIVITY_TAKEN);
      await assertRegieChoice(tx, viewer, input.regieId, null);
      const activity = await tx.activity.create({ data: input, select: { id: true } });
      return auditCreated(tx, viewer, activity, { action: "activity.create", targetType: "Activity", details: { ...input } });
    }),
  );
  forgetSharedReads(); // the home page's « services accessibles »
  return created;
}

export async function updateActivity(db: PrismaClient, viewer: StaffViewer, id: string, input: TActivity) {
  await uniqueGuarded(ACTIVITY_TAKEN, () =>
    db.$transaction(async (tx) => {
      const before = await tx.activity.findUnique({
        where: { id },
        select: { code: true, name: true, sortOrder: true, regieId: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "Activité introuvable.");
      await assertRegieChoice(tx, viewer, input.regieId, before.regieId);
      const taken = await tx.activity.findUnique({ where: { code: input.code }, select: { id: true } });
      if (taken && taken.id !== id) throw new AppError("TAKEN", ACTIVITY_TAKEN);
      await tx.activity.update({ where: { id }, data: input });
      await writeAudit(tx, viewer, {
        action: "activity.update",
        targetType: "Activity",
        targetId: id,
        details: { before, after: { ...input } },
      });
    }),
  );
}

// ─── Periods ──────────────────────────────────────────────────────────────────────────────────

async function assertPeriodReferences(tx: Tx, input: TPeriod) {
  const [establishment, activity, schools] = await Promise.all([
    tx.establishment.findUnique({ where: { id: input.establishmentId }, select: { id: true } }),
    tx.activity.findUnique({ where: { id: input.activityId }, select: { id: true } }),
    tx.school.count({ where: { id: { in: input.eligibleSchoolIds } } }),
  ]);
  if (!establishment) throw new AppError("NOT_FOUND", "Établissement introuvable.");
  if (!activity) throw new AppError("NOT_FOUND", "Activité introuvable.");
  if (schools !== input.eligibleSchoolIds.length) throw new AppError("NOT_FOUND", "École introuvable.");
}

async function assertPeriodNameFree(tx: Tx, input: TPeriod, exceptId?: string) {
  const taken = await tx.period.findFirst({
    where: {
      establishmentId: input.establishmentId,
      name: { equals: input.name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new AppError("TAKEN", PERIOD_TAKEN);
}

function periodData(input: TPeriod) {
  return {
    establishmentId: input.establishmentId,
    activityId: input.activityId,
    name: input.name,
    startDate: dayToDate(input.startDate),
    endDate: dayToDate(input.endDate),
    openWeekdays: input.openWeekdays,
    lastBookingDate: input.lastBookingDate ? dayToDate(input.lastBookingDate) : null,
    validationMode: input.validationMode,
    minAgeYears: input.minAgeYears,
    maxAgeYears: input.maxAgeYears,
    schoolLevels: input.schoolLevels,
    active: input.active,
  };
}

function auditedPeriod(input: TPeriod) {
  return { ...input, bookingRule: { ...input.bookingRule }, changeRule: { ...input.changeRule } };
}

export async function createPeriod(db: PrismaClient, viewer: StaffViewer, input: TPeriod) {
  return uniqueGuarded(PERIOD_TAKEN, () =>
    db.$transaction(async (tx) => {
      await assertPeriodReferences(tx, input);
      await assertPeriodNameFree(tx, input);
      // Each period owns its two rules, so that editing one never changes another period.
      const bookingRule = await tx.deadlineRule.create({ data: input.bookingRule, select: { id: true } });
      const changeRule = await tx.deadlineRule.create({ data: input.changeRule, select: { id: true } });
      const period = await tx.period.create({
        data: {
          ...periodData(input),
          bookingRuleId: bookingRule.id,
          changeRuleId: changeRule.id,
          eligibleSchools: { createMany: { data: input.eligibleSchoolIds.map((schoolId) => ({ schoolId })) } },
        },
        select: { id: true },
      });
      return auditCreated(tx, viewer, period, { action: "period.create", targetType: "Period", details: auditedPeriod(input) });
    }),
  );
}

type RuleValues = { kind: string; weekday: number | null; daysBefore: number | null; timeOfDay: number };
const sameRule = (a: RuleValues, b: RuleValues) =>
  a.kind === b.kind && a.weekday === b.weekday && a.daysBefore === b.daysBefore && a.timeOfDay === b.timeOfDay;

/**
 * The id of the row holding `rule` for this period. A row only this period's `role` uses is
 * updated in place; a row shared (with the other role, or with another period, as the demo
 * town's single "mardi, 23:59" rule is) is left alone and a row of the period's own is created.
 */
async function savedRuleId(tx: Tx, currentId: string, rule: Rule): Promise<string> {
  const current = await tx.deadlineRule.findUniqueOrThrow({
    where: { id: currentId },
    select: {
      kind: true,
      weekday: true,
      daysBefore: true,
      timeOfDay: true,
      _count: { select: { bookingFor: true, changeFor: true } },
    },
  });
  if (sameRule(current, rule)) return currentId;
  if (current._count.bookingFor + current._count.changeFor === 1) {
    await tx.deadlineRule.update({ where: { id: currentId }, data: rule });
    return currentId;
  }
  return (await tx.deadlineRule.create({ data: rule, select: { id: true } })).id;
}

/** What an edit would orphan: active booked days outside the new dates or on a weekday no longer open. */
async function orphanedDays(tx: Tx, periodId: string, input: TPeriod) {
  const booked = await tx.reservationDay.groupBy({
    by: ["date"],
    where: { reservation: { periodId }, status: { in: ACTIVE_STATUSES } },
    _count: { _all: true },
    orderBy: { date: "asc" },
  });
  return booked
    .map((row) => ({ day: dateToDay(row.date) as CalendarDay, count: row._count._all }))
    .filter(({ day }) => day < input.startDate || day > input.endDate || !input.openWeekdays.includes(isoWeekday(day)));
}

/**
 * Saves a period, its two deadline rules and its eligible schools in one transaction. Moving
 * the dates or closing a weekday is refused while booked days (pending or accepted) would fall
 * outside: those bookings must be cancelled first (or the days closed, which tells the families).
 */
export async function updatePeriod(db: PrismaClient, viewer: StaffViewer, id: string, input: TPeriod) {
  await uniqueGuarded(PERIOD_TAKEN, () =>
    db.$transaction(async (tx) => {
      // Lock the period: two staff saving it at once are applied one after the other.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Period" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", "Période introuvable.");
      const before = await getPeriodSnapshot(tx, id);
      await assertPeriodReferences(tx, input);
      await assertPeriodNameFree(tx, input, id);

      const orphans = await orphanedDays(tx, id, input);
      if (orphans.length > 0) {
        const lines = orphans.reduce((sum, entry) => sum + entry.count, 0);
        const first = formatDay(orphans[0].day);
        const last = formatDay(orphans[orphans.length - 1].day);
        throw new AppError(
          "BOOKED_DAYS",
          `Modification refusée : ${lines} jour${lines > 1 ? "s" : ""} réservé${lines > 1 ? "s" : ""} (${orphans.length} date${orphans.length > 1 ? "s" : ""}, ${first === last ? `le ${first}` : `du ${first} au ${last}`}) ` +
            `${lines > 1 ? "seraient" : "serait"} hors de la période ou sur un jour de fermeture. Annulez d'abord ces réservations, par exemple en ajoutant ces dates aux fermetures de la période (les familles sont alors prévenues).`,
        );
      }

      const bookingRuleId = await savedRuleId(tx, before.bookingRuleId, input.bookingRule);
      const changeRuleId = await savedRuleId(tx, before.changeRuleId, input.changeRule);
      await tx.period.update({ where: { id }, data: { ...periodData(input), bookingRuleId, changeRuleId } });
      // Rows this period no longer uses and no other period does are removed.
      await tx.deadlineRule.deleteMany({
        where: {
          id: {
            in: [before.bookingRuleId, before.changeRuleId].filter(
              (ruleId) => ruleId !== bookingRuleId && ruleId !== changeRuleId,
            ),
          },
          bookingFor: { none: {} },
          changeFor: { none: {} },
        },
      });
      await tx.periodEligibleSchool.deleteMany({ where: { periodId: id, schoolId: { notIn: input.eligibleSchoolIds } } });
      await tx.periodEligibleSchool.createMany({
        data: input.eligibleSchoolIds.map((schoolId) => ({ periodId: id, schoolId })),
        skipDuplicates: true,
      });
      await writeAudit(tx, viewer, {
        action: "period.update",
        targetType: "Period",
        targetId: id,
        details: { before: before.audited, after: auditedPeriod(input) },
      });
    }),
  );
}

async function getPeriodSnapshot(tx: Tx, id: string) {
  const period = await tx.period.findUniqueOrThrow({
    where: { id },
    select: {
      ...PERIOD_VALUES,
      establishmentId: true,
      activityId: true,
      bookingRuleId: true,
      changeRuleId: true,
      bookingRule: RULE_FIELDS,
      changeRule: RULE_FIELDS,
      eligibleSchools: { select: { schoolId: true } },
    },
  });
  const { bookingRuleId, changeRuleId, eligibleSchools, startDate, endDate, lastBookingDate, ...rest } = period;
  return {
    bookingRuleId,
    changeRuleId,
    audited: {
      ...rest,
      startDate: dateToDay(startDate),
      endDate: dateToDay(endDate),
      lastBookingDate: lastBookingDate ? dateToDay(lastBookingDate) : null,
      eligibleSchoolIds: eligibleSchools.map((entry) => entry.schoolId),
    },
  };
}

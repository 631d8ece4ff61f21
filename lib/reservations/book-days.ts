import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import {
  isCheckViolation,
  isTransactionConflict,
  isTransactionTimeout,
  isUniqueViolation,
  retryTransaction,
  sqlState,
} from "@/lib/db/errors";
import type { Prisma, PrismaClient, ReservationDayStatus, ReservationStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadCompleteness } from "@/lib/families/load-completeness";

import { childEligibility, dayLabel, formatReservationNumber, isBeforeDeadline, newDayRefusal, REASONS } from "./booking-rules";
import { dayPartClashMessage, firstDayPartClash, type DayPartBooking } from "./day-parts";
import { eligibilityRulesOf, PERIOD_SELECT, periodRulesOf, type PeriodRow } from "./period-rules";
import { queueReservationConfirmation } from "./reservation-mail";
import type { TBooking, TCopyReservation } from "./reservation.schema";
import { ACTIVE_STATUSES, reservationStatusFromLines } from "./status";

// The booking transaction (SPEC §6, DESIGN.md "Data"): every day is checked again against the
// rules at the moment of confirmation, and capacity is taken from the per-(unit, day) counter
// by a conditional UPDATE backed by the table's CHECK — all the days or none. Counters are
// touched in (unitId, date) order so two transactions never wait on each other in a cycle. The
// confirmation e-mail to the parent who booked (`owner.email`) is written to the outbox in the same
// transaction: a booking and its confirmation commit together, or neither.

type Tx = Prisma.TransactionClient;
export type BookingOwner = Pick<ParentViewer, "userId" | "familyId" | "email">;

// A crowd of parents booking the last places queues on the pool: wait for a connection rather
// than fail, and keep each transaction short.
const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export type ConfirmedReservation = {
  /** Null when a modification cancelled every day. */
  reservationId: string | null;
  number: string | null;
  status: ReservationStatus;
  replacedId: string | null;
  days: { date: CalendarDay; unitLabel: string; status: ReservationDayStatus }[];
};

export type CopyOutcome = {
  reservation: { id: string; number: string; status: ReservationStatus } | null;
  booked: { date: CalendarDay; unitLabel: string; status: ReservationDayStatus }[];
  refused: { date: CalendarDay; unitLabel: string; reason: string }[];
};

const dayKey = (unitId: string, day: CalendarDay) => `${unitId}|${day}`;
const byUnitThenDay = <T extends { unitId: string; day: CalendarDay }>(a: T, b: T) =>
  a.unitId === b.unitId ? a.day.localeCompare(b.day) : a.unitId < b.unitId ? -1 : 1;

function refusal(day: CalendarDay, unitLabel: string, reason: string, suffix = " Aucune journée n'a été réservée."): AppError {
  return new AppError("DAY_REFUSED", `Réservation impossible le ${dayLabel(day)} (${unitLabel}) : ${reason}.${suffix}`);
}

/** Takes one place on the unit-day counter; false when the day is full. */
async function takePlace(tx: Tx, unitId: string, day: CalendarDay): Promise<boolean> {
  // The counter row is created lazily with the unit's capacity. FOR KEY SHARE: while staff
  // change that capacity (lib/catalogue/units.ts holds the unit row FOR UPDATE) this waits and
  // then reads the new value, instead of creating the counter with the old one.
  await tx.$executeRaw`INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked")
    SELECT "id", ${day}::date, "capacity", 0 FROM "Unit" WHERE "id" = ${unitId} FOR KEY SHARE
    ON CONFLICT DO NOTHING`;
  const updated = await tx.$executeRaw`UPDATE "UnitDay" SET "booked" = "booked" + 1
    WHERE "unitId" = ${unitId} AND "date" = ${day}::date AND "booked" + 1 <= "capacity"`;
  return updated === 1;
}

/**
 * Takes one place on each (unit, day) counter in one statement, in (unitId, date) order: the
 * counter row is created with the unit's capacity and this booking's place (the unit FOR KEY
 * SHARE, as in takePlace), or its `booked` raised when a place is left. Returns the first
 * (unitId, day) that was full, or null when every place was taken.
 */
async function takePlaces(
  tx: Tx,
  places: { unitId: string; day: CalendarDay }[],
): Promise<{ unitId: string; day: CalendarDay } | null> {
  if (places.length === 0) return null;
  const sorted = [...places].sort(byUnitThenDay);
  const taken = await tx.$queryRaw<{ unitId: string; date: Date }[]>`
    INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked")
    SELECT u."id", w."date", u."capacity", 1
      FROM unnest(${sorted.map((place) => place.unitId)}::text[], ${sorted.map((place) => place.day)}::date[]) WITH ORDINALITY AS w("unitId", "date", "position")
      JOIN "Unit" u ON u."id" = w."unitId"
     WHERE u."capacity" >= 1
     ORDER BY w."position"
       FOR KEY SHARE OF u
    ON CONFLICT ("unitId", "date") DO UPDATE SET "booked" = "UnitDay"."booked" + 1
     WHERE "UnitDay"."booked" + 1 <= "UnitDay"."capacity"
    RETURNING "unitId", "date"`;
  if (taken.length === sorted.length) return null;
  const done = new Set(taken.map((row) => dayKey(row.unitId, dateToDay(row.date))));
  return sorted.find((place) => !done.has(dayKey(place.unitId, place.day))) ?? null;
}

async function releasePlace(tx: Tx, unitId: string, day: CalendarDay): Promise<void> {
  await tx.$executeRaw`UPDATE "UnitDay" SET "booked" = "booked" - 1 WHERE "unitId" = ${unitId} AND "date" = ${day}::date`;
}

/** Runs a booking transaction, again after a serialization failure or a deadlock; translates races. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    // P2028 too: the transaction could not start in time or expired — it was rolled back.
    return await retryTransaction(run, { attempts: 5, retryTimeouts: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTransactionConflict(error) || isTransactionTimeout(error)) {
      console.warn("[reservations] booking given up after retries", {
        state: sqlState(error),
        message: (error as Error)?.message,
      });
      throw new AppError(
        "BUSY",
        "Le service est très sollicité en ce moment : votre demande n'a pas été enregistrée, veuillez réessayer.",
      );
    }
    if (isUniqueViolation(error)) {
      throw new AppError(
        "ALREADY_BOOKED",
        "Cet enfant vient d'être inscrit sur l'une de ces journées (déjà inscrit) : aucune journée n'a été réservée. Rechargez le planning.",
      );
    }
    if (isCheckViolation(error)) {
      throw new AppError("FULL", `Réservation impossible : ${REASONS.full.toLowerCase()}. Aucune journée n'a été réservée.`);
    }
    throw error;
  }
}

async function loadChild(tx: Tx, owner: BookingOwner, childId: string) {
  const child = await tx.child.findFirst({
    where: { id: childId, familyId: owner.familyId },
    select: { id: true, firstName: true, lastName: true, birthDate: true, schoolId: true, schoolLevel: true },
  });
  if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  return { ...child, birthDate: dateToDay(child.birthDate), name: childName(child) };
}

async function loadPeriod(tx: Tx, periodId: string): Promise<PeriodRow> {
  // Staff changing this period's dates, weekdays or closures hold its row FOR UPDATE: wait for
  // them and read what they committed, and keep them waiting until this booking commits (so
  // their check of the booked days sees it). Bookings do not block one another.
  await tx.$queryRaw`SELECT id FROM "Period" WHERE id = ${periodId} FOR KEY SHARE`;
  const period = await tx.period.findFirst({
    where: { id: periodId, active: true, establishment: { active: true } },
    select: PERIOD_SELECT,
  });
  if (!period) throw new AppError("NOT_FOUND", "Période introuvable.");
  return period;
}

/** Null when the child may be booked; otherwise why not (French). */
async function incompleteness(
  tx: Tx,
  owner: BookingOwner,
  childId: string,
  childName: string,
  periodId: string,
): Promise<string | null> {
  // The period's service counts: a document type required for it is required of this child.
  const completeness = await loadCompleteness(tx, owner.familyId, { childId, periodId });
  const child = completeness?.children.find((entry) => entry.childId === childId);
  if (completeness && child?.bookable) return null;
  const missing = [...(completeness?.missing ?? []), ...(child?.missing ?? [])].map((item) => item.label);
  return `le dossier de ${childName} est incomplet (${missing.join(" ; ") || "à vérifier"})`;
}

async function closuresOn(tx: Tx, periodId: string, days: CalendarDay[]): Promise<Map<CalendarDay, string>> {
  if (days.length === 0) return new Map();
  const rows = await tx.closure.findMany({
    where: { periodId, date: { in: [...new Set(days)].map(dayToDate) } },
    select: { date: true, reason: true },
  });
  return new Map(rows.map((row) => [dateToDay(row.date), row.reason]));
}

/**
 * The child's booked journées and demi-journées on `days`, in any period, read after locking the
 * child's row (FOR NO KEY UPDATE: inserting lines, which only KEY SHARE it, is not blocked). Two
 * bookings for the same child — a full day in one, a half-day in the other — queue on that lock,
 * so the second reads what the first committed. Lines of `exceptReservationId` (being replaced) are left out.
 */
async function lockedDayParts(
  tx: Tx,
  childId: string,
  days: CalendarDay[],
  exceptReservationId: string | null,
): Promise<DayPartBooking[]> {
  await tx.$queryRaw`SELECT "id" FROM "Child" WHERE "id" = ${childId} FOR NO KEY UPDATE`;
  const rows = await tx.reservationDay.findMany({
    where: {
      childId,
      status: { in: ACTIVE_STATUSES },
      date: { in: [...new Set(days)].map(dayToDate) },
      unit: { dayPart: { not: null } },
      ...(exceptReservationId ? { reservationId: { not: exceptReservationId } } : {}),
    },
    select: { date: true, unit: { select: { dayPart: true } } },
  });
  return rows.map((row) => ({ day: dateToDay(row.date), dayPart: row.unit.dayPart }));
}

type NewReservationDay = {
  unitId: string;
  date: Date;
  status: ReservationDayStatus;
  decidedAt: Date | null;
  decidedByUserId?: string | null;
  staffMessage?: string | null;
};

/** The reservation of `lines` (sorted by day) for one child and period, made by the parent `owner`; its status follows its days'. */
function createReservation(
  tx: Tx,
  input: {
    owner: BookingOwner;
    childId: string;
    periodId: string;
    lines: NewReservationDay[];
    replacesId: string | null;
    now: Date;
  },
) {
  const { owner, childId, lines, now } = input;
  return tx.reservation.create({
    data: {
      familyId: owner.familyId,
      childId,
      periodId: input.periodId,
      status: reservationStatusFromLines(lines.map((line) => line.status)),
      firstDate: lines[0].date,
      lastDate: lines[lines.length - 1].date,
      replacesId: input.replacesId,
      createdAt: now,
      createdByUserId: owner.userId,
      days: {
        create: lines.map(({ unitId, date, status, decidedAt, decidedByUserId, staffMessage }) => ({
          childId,
          unitId,
          date,
          status,
          decidedAt,
          decidedByUserId,
          staffMessage,
        })),
      },
    },
    select: { id: true, number: true, status: true },
  });
}

async function bookInTransaction(tx: Tx, owner: BookingOwner, request: TBooking, now: Date): Promise<ConfirmedReservation> {
  const child = await loadChild(tx, owner, request.childId);
  const period = await loadPeriod(tx, request.periodId);
  const units = new Map(period.units.map((unit) => [unit.id, unit]));
  const unitLabel = (unitId: string) => units.get(unitId)?.label ?? "?";

  // Modifier / Annuler: lock the old reservation so two modifications cannot both replace it.
  let old: {
    id: string;
    days: {
      unitId: string;
      date: Date;
      status: ReservationDayStatus;
      decidedAt: Date | null;
      decidedByUserId: string | null;
      staffMessage: string | null;
    }[];
  } | null = null;
  if (request.replacesId) {
    const locked = await tx.$queryRaw<{ id: string; childId: string; periodId: string }[]>`
      SELECT "id", "childId", "periodId" FROM "Reservation"
      WHERE "id" = ${request.replacesId} AND "familyId" = ${owner.familyId} AND "status" IN ('PENDING', 'ACCEPTED')
      FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Réservation introuvable, ou déjà modifiée ou annulée.");
    if (locked[0].childId !== child.id || locked[0].periodId !== period.id) {
      throw new AppError("MISMATCH", "La modification doit porter sur le même enfant et la même période.");
    }
    old = {
      id: locked[0].id,
      days: await tx.reservationDay.findMany({
        where: { reservationId: locked[0].id, status: { in: ACTIVE_STATUSES } },
        select: { unitId: true, date: true, status: true, decidedAt: true, decidedByUserId: true, staffMessage: true },
      }),
    };
  }

  const wanted = new Map<string, { unitId: string; day: CalendarDay }>();
  for (const entry of request.days) {
    if (!units.has(entry.unitId))
      throw new AppError("UNKNOWN_UNIT", "Une journée demandée ne correspond à aucune unité de cette période.");
    wanted.set(dayKey(entry.unitId, entry.date), { unitId: entry.unitId, day: entry.date });
  }
  const held = new Map((old?.days ?? []).map((line) => [dayKey(line.unitId, dateToDay(line.date)), line]));
  const added = [...wanted].filter(([key]) => !held.has(key)).map(([, value]) => value);
  const removed = [...held]
    .filter(([key]) => !wanted.has(key))
    .map(([, line]) => ({ unitId: line.unitId, day: dateToDay(line.date) }));
  const kept = [...held].filter(([key]) => wanted.has(key)).map(([, line]) => line);
  if (old && added.length === 0 && removed.length === 0) {
    throw new AppError("UNCHANGED", "Vous n'avez rien modifié : cochez ou décochez au moins une journée.");
  }

  const rules = periodRulesOf(period);
  const byDay = (a: { day: CalendarDay; unitId: string }, b: { day: CalendarDay; unitId: string }) =>
    a.day === b.day ? unitLabel(a.unitId).localeCompare(unitLabel(b.unitId)) : a.day.localeCompare(b.day);
  for (const line of [...removed].sort(byDay)) {
    if (!isBeforeDeadline(line.day, rules.changeRule, now)) {
      throw refusal(line.day, unitLabel(line.unitId), "le délai de modification est dépassé", " Rien n'a été modifié.");
    }
  }
  if (added.length > 0) {
    const missing = await incompleteness(tx, owner, child.id, child.name, period.id);
    if (missing) throw new AppError("INCOMPLETE", `Réservation impossible : ${missing}.`);
    const closures = await closuresOn(
      tx,
      period.id,
      added.map((entry) => entry.day),
    );
    const eligibilityRules = eligibilityRulesOf(period);
    const already = await tx.reservationDay.findMany({
      where: {
        childId: child.id,
        status: { in: ACTIVE_STATUSES },
        unitId: { in: added.map((entry) => entry.unitId) },
        date: { in: added.map((entry) => dayToDate(entry.day)) },
      },
      select: { unitId: true, date: true, reservation: { select: { number: true } } },
    });
    const alreadyBooked = new Map(already.map((line) => [dayKey(line.unitId, dateToDay(line.date)), line.reservation.number]));
    for (const entry of [...added].sort(byDay)) {
      const number = alreadyBooked.get(dayKey(entry.unitId, entry.day));
      if (number !== undefined) {
        throw refusal(
          entry.day,
          unitLabel(entry.unitId),
          `${child.name} y est déjà inscrit (réservation n° ${formatReservationNumber(number)})`,
        );
      }
      const reason = newDayRefusal({
        day: entry.day,
        now,
        period: rules,
        closureReason: closures.get(entry.day) ?? null,
        eligibility: childEligibility(child, eligibilityRules, entry.day),
      });
      if (reason) throw refusal(entry.day, unitLabel(entry.unitId), reason);
    }
    // Journée vs demi-journée, a rule of the unit: checked against the child's other bookings
    // of those dates under the child's lock, and against the days kept by a modification.
    const dayPartOf = (unitId: string) => units.get(unitId)?.dayPart ?? null;
    const addedParts = added.map((entry) => ({ day: entry.day, dayPart: dayPartOf(entry.unitId) }));
    if (addedParts.some((entry) => entry.dayPart)) {
      const partDays = addedParts.filter((entry) => entry.dayPart).map((entry) => entry.day);
      const held = [
        ...(await lockedDayParts(tx, child.id, partDays, old?.id ?? null)),
        ...kept.map((line) => ({ day: dateToDay(line.date), dayPart: dayPartOf(line.unitId) })),
      ];
      const clash = firstDayPartClash(held, addedParts);
      if (clash) throw new AppError("DAY_PART_CLASH", `${dayPartClashMessage(clash)} Aucune journée n'a été réservée.`);
    }
  }

  if (added.length > 0) {
    // A day already full is refused on a plain read, without queueing on its counter's lock:
    // when a hundred parents want the last places, the losers learn it at once.
    const counters = await tx.unitDay.findMany({
      where: { OR: added.map((entry) => ({ unitId: entry.unitId, date: dayToDate(entry.day) })) },
      select: { unitId: true, date: true, capacity: true, booked: true },
    });
    const counterMap = new Map(counters.map((counter) => [dayKey(counter.unitId, dateToDay(counter.date)), counter]));
    for (const entry of [...added].sort(byDay)) {
      const counter = counterMap.get(dayKey(entry.unitId, entry.day));
      if ((counter?.booked ?? 0) >= (counter?.capacity ?? units.get(entry.unitId)!.capacity)) {
        throw refusal(entry.day, unitLabel(entry.unitId), REASONS.full.toLowerCase());
      }
    }
  }

  if (old) {
    await tx.reservationDay.updateMany({
      where: { reservationId: old.id, status: { in: ACTIVE_STATUSES } },
      data: { status: "CANCELLED" },
    });
  }
  const newStatus: ReservationDayStatus = period.validationMode === "AUTO" ? "ACCEPTED" : "PENDING";
  const lines = [
    ...kept.map((line) => ({ ...line, day: dateToDay(line.date) })),
    ...added.map((entry) => ({
      unitId: entry.unitId,
      day: entry.day,
      date: dayToDate(entry.day),
      status: newStatus,
      decidedAt: newStatus === "ACCEPTED" ? now : null,
      decidedByUserId: null,
      staffMessage: null,
    })),
  ].sort(byDay);
  const summary = lines.map((line) => ({ date: line.day, unitLabel: unitLabel(line.unitId), status: line.status }));

  let created: { id: string; number: number } | null = null;
  if (lines.length === 0) {
    // Every day unticked: the reservation is cancelled, nothing replaces it.
    await tx.reservation.update({ where: { id: old!.id }, data: { status: "CANCELLED" } });
  } else {
    if (old) await tx.reservation.update({ where: { id: old.id }, data: { status: "REPLACED" } });
    created = await createReservation(tx, {
      owner,
      childId: child.id,
      periodId: period.id,
      lines,
      replacesId: old?.id ?? null,
      now,
    });
    await queueReservationConfirmation(tx, created.id, owner.email);
  }

  // The counters last, in (unitId, date) order, so that their row locks are held for the
  // shortest time before commit; a refusal here rolls everything above back.
  if (removed.length === 0) {
    // A new booking (or a modification that only adds days): every place in one statement.
    const full = await takePlaces(tx, added);
    if (full) throw refusal(full.day, unitLabel(full.unitId), REASONS.full.toLowerCase());
  }
  const operations =
    removed.length === 0
      ? []
      : [...added.map((entry) => ({ ...entry, take: true })), ...removed.map((entry) => ({ ...entry, take: false }))].sort(
          byUnitThenDay,
        );
  for (const operation of operations) {
    if (!operation.take) await releasePlace(tx, operation.unitId, operation.day);
    else if (!(await takePlace(tx, operation.unitId, operation.day))) {
      throw refusal(operation.day, unitLabel(operation.unitId), REASONS.full.toLowerCase());
    }
  }

  if (!created) return { reservationId: null, number: null, status: "CANCELLED", replacedId: old!.id, days: [] };
  return {
    reservationId: created.id,
    number: formatReservationNumber(created.number),
    status: reservationStatusFromLines(lines.map((line) => line.status)),
    replacedId: old?.id ?? null,
    days: summary,
  };
}

/**
 * Confirmer la réservation — and Modifier / Annuler when `replacesId` is set (the old
 * reservation becomes REPLACED, or CANCELLED when no day is left). All days or none.
 */
export async function confirmBooking(
  db: PrismaClient,
  owner: BookingOwner,
  request: TBooking,
  now: Date,
): Promise<ConfirmedReservation> {
  return withRetry(() => db.$transaction((tx) => bookInTransaction(tx, owner, request, now), TX_OPTIONS));
}

async function copyInTransaction(tx: Tx, owner: BookingOwner, request: TCopyReservation, now: Date): Promise<CopyOutcome> {
  const source = await tx.reservation.findFirst({
    where: { id: request.reservationId, familyId: owner.familyId },
    select: {
      childId: true,
      periodId: true,
      days: { where: { status: { in: ACTIVE_STATUSES } }, select: { unitId: true, date: true } },
    },
  });
  if (!source) throw new AppError("NOT_FOUND", "Réservation introuvable.");
  if (source.childId === request.childId)
    throw new AppError("SAME_CHILD", "Choisissez un autre enfant que celui de la réservation.");
  const child = await loadChild(tx, owner, request.childId);
  const period = await loadPeriod(tx, source.periodId);
  const units = new Map(period.units.map((unit) => [unit.id, unit.label]));
  const days = source.days.map((line) => ({ unitId: line.unitId, day: dateToDay(line.date) })).sort(byUnitThenDay);
  const refused: CopyOutcome["refused"] = [];
  const booked: { unitId: string; day: CalendarDay }[] = [];

  const missing = await incompleteness(tx, owner, child.id, child.name, period.id);
  if (missing) {
    return {
      reservation: null,
      booked: [],
      refused: days.map((entry) => ({ date: entry.day, unitLabel: units.get(entry.unitId) ?? "?", reason: missing })),
    };
  }
  const closures = await closuresOn(
    tx,
    period.id,
    days.map((entry) => entry.day),
  );
  const already = await tx.reservationDay.findMany({
    where: {
      childId: child.id,
      status: { in: ACTIVE_STATUSES },
      unitId: { in: [...units.keys()] },
      date: { in: days.map((entry) => dayToDate(entry.day)) },
    },
    select: { unitId: true, date: true, reservation: { select: { number: true } } },
  });
  const alreadyBooked = new Map(already.map((line) => [dayKey(line.unitId, dateToDay(line.date)), line.reservation.number]));
  const eligibilityRules = eligibilityRulesOf(period);
  const rules = periodRulesOf(period);
  const dayParts = new Map(period.units.map((unit) => [unit.id, unit.dayPart]));
  const partDays = days.filter((entry) => dayParts.get(entry.unitId)).map((entry) => entry.day);
  // Journée vs demi-journée: against the child's bookings of those dates (under its lock) and the days copied so far.
  const heldParts = partDays.length > 0 ? await lockedDayParts(tx, child.id, partDays, null) : [];
  for (const entry of days) {
    const number = alreadyBooked.get(dayKey(entry.unitId, entry.day));
    const part = { day: entry.day, dayPart: dayParts.get(entry.unitId) ?? null };
    const reason =
      (part.dayPart ? (firstDayPartClash(heldParts, [part])?.reason ?? null) : null) ??
      newDayRefusal({
        day: entry.day,
        now,
        period: rules,
        closureReason: closures.get(entry.day) ?? null,
        eligibility: childEligibility(child, eligibilityRules, entry.day),
      }) ??
      (number !== undefined ? `déjà réservé (réservation n° ${formatReservationNumber(number)})` : null) ??
      ((await takePlace(tx, entry.unitId, entry.day)) ? null : REASONS.full.toLowerCase());
    if (reason) refused.push({ date: entry.day, unitLabel: units.get(entry.unitId) ?? "?", reason });
    else {
      booked.push(entry);
      heldParts.push(part);
    }
  }
  const sortByDay = <T extends { date: CalendarDay; unitLabel: string }>(list: T[]) =>
    list.sort((a, b) => (a.date === b.date ? a.unitLabel.localeCompare(b.unitLabel) : a.date.localeCompare(b.date)));
  if (booked.length === 0) return { reservation: null, booked: [], refused: sortByDay(refused) };

  const status: ReservationDayStatus = period.validationMode === "AUTO" ? "ACCEPTED" : "PENDING";
  const lines = booked
    .map((entry) => ({ unitId: entry.unitId, date: dayToDate(entry.day), day: entry.day }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const created = await createReservation(tx, {
    owner,
    childId: child.id,
    periodId: period.id,
    lines: lines.map((line) => ({ ...line, status, decidedAt: status === "ACCEPTED" ? now : null })),
    replacesId: null,
    now,
  });
  await queueReservationConfirmation(tx, created.id, owner.email);
  return {
    reservation: { id: created.id, number: formatReservationNumber(created.number), status: created.status },
    booked: sortByDay(booked.map((entry) => ({ date: entry.day, unitLabel: units.get(entry.unitId) ?? "?", status }))),
    refused: sortByDay(refused),
  };
}

/**
 * Copier la réservation pour un autre enfant: same period and days, each rechecked for that
 * child; the days that pass are booked together (one transaction), the others are reported.
 */
export async function copyReservation(
  db: PrismaClient,
  owner: BookingOwner,
  request: TCopyReservation,
  now: Date,
): Promise<CopyOutcome> {
  return withRetry(() => db.$transaction((tx) => copyInTransaction(tx, owner, request, now), TX_OPTIONS));
}

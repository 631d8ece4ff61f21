import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, formatDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { formatReservationNumber } from "./booking-rules";
import type { TQueueFilter } from "./decision.schema";
import { PERIOD_TITLE_FIELDS } from "./period-rules";
import { reservationStateFromLines, reservationStatusFromLines } from "./status";
import { stateLabel } from "./status-labels";

export const QUEUE_PAGE_SIZE = 50;

/** Lines "en attente de traitement", oldest reservation first. */
export async function listPendingLines(db: Db, viewer: StaffViewer, filter: TQueueFilter) {
  assertStaffViewer(viewer);
  const where: Prisma.ReservationDayWhereInput = {
    status: "PENDING",
    ...(filter.date ? { date: dayToDate(filter.date) } : {}),
    reservation: {
      ...(filter.periodId ? { periodId: filter.periodId } : {}),
      ...(filter.establishmentId ? { period: { establishmentId: filter.establishmentId } } : {}),
    },
  };
  const [total, lines] = await Promise.all([
    db.reservationDay.count({ where }),
    db.reservationDay.findMany({
      where,
      orderBy: [{ reservation: { number: "asc" } }, { date: "asc" }, { unit: { sortOrder: "asc" } }],
      skip: (filter.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        date: true,
        unit: { select: { id: true, label: true, capacity: true } },
        child: { select: { firstName: true, lastName: true } },
        reservation: {
          select: {
            id: true,
            number: true,
            createdAt: true,
            family: { select: { id: true, name: true } },
            period: PERIOD_TITLE_FIELDS,
          },
        },
      },
    }),
  ]);
  const places = await placesOf(
    db,
    lines.map((line) => ({ unitId: line.unit.id, date: line.date, capacity: line.unit.capacity })),
  );
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    lines: lines.map((line) => ({
      ...line,
      day: dateToDay(line.date),
      places: places.get(`${line.unit.id}|${dateToDay(line.date)}`)!,
    })),
  };
}

export type Places = { free: number; capacity: number };

/**
 * The places of these unit-days (key `unitId|day`): the capacity and what is left of it, from
 * the unit-day counters (a day nobody booked yet has no counter: the unit's capacity, all free).
 */
export async function placesOf(db: Db, unitDays: { unitId: string; date: Date; capacity: number }[]) {
  const key = (unitId: string, date: Date) => `${unitId}|${dateToDay(date)}`;
  const counters =
    unitDays.length === 0
      ? []
      : await db.unitDay.findMany({
          where: { OR: unitDays.map(({ unitId, date }) => ({ unitId, date })) },
          select: { unitId: true, date: true, capacity: true, booked: true },
        });
  const byKey = new Map(counters.map((counter) => [key(counter.unitId, counter.date), counter]));
  const places = new Map<string, Places>();
  for (const unitDay of unitDays) {
    const counter = byKey.get(key(unitDay.unitId, unitDay.date));
    const capacity = counter?.capacity ?? unitDay.capacity;
    places.set(key(unitDay.unitId, unitDay.date), { free: Math.max(0, capacity - (counter?.booked ?? 0)), capacity });
  }
  return places;
}

export async function listQueueFilters(db: Db) {
  const [establishments, periods] = await Promise.all([
    db.establishment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.period.findMany({
      where: { validationMode: "MANUAL" },
      orderBy: [{ establishment: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, establishment: { select: { name: true } } },
    }),
  ]);
  return { establishments, periods };
}

type DecisionInput = { decision: "ACCEPTED" | "REFUSED"; reservationId?: string; dayId?: string; message: string | null };

export type DecisionNotice = {
  to: string[];
  familyName: string;
  reservationNumber: number;
  childName: string;
  activity: string;
  decision: "ACCEPTED" | "REFUSED";
  lines: { day: string; unit: string }[];
  message: string | null;
  /** The reservation's state after the decision, in words (« Partiellement acceptée (1 journée refusée) »). */
  state: { label: string; partial: boolean };
};

/**
 * Accepts or refuses one line, or every pending line of a reservation, in one transaction:
 * the lines are locked, refused lines give their place back (UnitDay.booked), the
 * reservation's status is recomputed, the decision is audited, and the family's mail is written
 * to the outbox — all of it commits together (the agent's answer never waits on SMTP).
 */
export async function decideReservation(
  db: PrismaClient,
  viewer: StaffViewer,
  input: DecisionInput,
  options: { now?: Date } = {},
) {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  return db.$transaction(async (tx): Promise<DecisionNotice> => {
    const reservationId =
      input.reservationId ??
      (await tx.reservationDay.findUnique({ where: { id: input.dayId! }, select: { reservationId: true } }))?.reservationId;
    if (!reservationId) throw new AppError("NOT_FOUND", "Ligne de réservation introuvable.");
    return decideInTransaction(tx, viewer, {
      reservationId,
      dayIds: input.dayId ? [input.dayId] : null,
      decision: input.decision,
      message: input.message,
      now,
    });
  });
}

export type BulkDecisionSummary = {
  decision: "ACCEPTED" | "REFUSED";
  /** Each reservation decided, with how many of its lines. */
  decided: { reservationNumber: number; familyName: string; childName: string; lines: number }[];
  /** Each reservation whose ticked lines had all been decided meanwhile (by another agent). */
  skipped: { reservationNumber: number; reason: string }[];
};

/**
 * « Accepter / Refuser la sélection »: the ticked lines, grouped by reservation, each
 * reservation decided in a transaction of its own (as decideReservation: its lines, its counters,
 * its audit entry and its family's mail commit together). A reservation another agent decided
 * meanwhile is skipped and reported; the others go through. An id that names no line refuses the
 * whole selection before anything changes.
 */
export async function decideLines(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { decision: "ACCEPTED" | "REFUSED"; dayIds: string[]; message: string | null },
  options: { now?: Date } = {},
): Promise<BulkDecisionSummary> {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  const dayIds = [...new Set(input.dayIds)];
  const rows = await db.reservationDay.findMany({
    where: { id: { in: dayIds } },
    select: { id: true, reservationId: true, reservation: { select: { number: true } } },
  });
  if (rows.length !== dayIds.length)
    throw new AppError("NOT_FOUND", "Une des lignes cochées est introuvable : rechargez la page.");
  const byReservation = new Map<string, { number: number; dayIds: string[] }>();
  for (const row of rows) {
    const entry = byReservation.get(row.reservationId) ?? { number: row.reservation.number, dayIds: [] };
    entry.dayIds.push(row.id);
    byReservation.set(row.reservationId, entry);
  }
  const summary: BulkDecisionSummary = { decision: input.decision, decided: [], skipped: [] };
  // In reservation-number order, as the queue lists them: two agents' selections lock in the same order.
  for (const [reservationId, entry] of [...byReservation].sort(([, a], [, b]) => a.number - b.number)) {
    try {
      const notice = await db.$transaction((tx) =>
        decideInTransaction(tx, viewer, {
          reservationId,
          dayIds: entry.dayIds,
          decision: input.decision,
          message: input.message,
          now,
        }),
      );
      summary.decided.push({
        reservationNumber: notice.reservationNumber,
        familyName: notice.familyName,
        childName: notice.childName,
        lines: notice.lines.length,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "ALREADY_DECIDED") throw error;
      summary.skipped.push({ reservationNumber: entry.number, reason: error.message });
    }
  }
  return summary;
}

/** One reservation's decision on its pending lines (`dayIds`, or all of them), inside the caller's transaction. */
async function decideInTransaction(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  input: { reservationId: string; dayIds: string[] | null; decision: "ACCEPTED" | "REFUSED"; message: string | null; now: Date },
): Promise<DecisionNotice> {
  const { reservationId, now } = input;
  // Lock the reservation: two agents deciding the same reservation are serialised.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Reservation" WHERE id = ${reservationId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "Réservation introuvable.");
  const targets = await tx.reservationDay.findMany({
    where: { reservationId, status: "PENDING", ...(input.dayIds ? { id: { in: input.dayIds } } : {}) },
    select: { id: true, unitId: true, date: true, unit: { select: { label: true, sortOrder: true } } },
    orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
  });
  if (targets.length === 0) throw new AppError("ALREADY_DECIDED", "Cette demande a déjà été traitée.");
  await tx.reservationDay.updateMany({
    where: { id: { in: targets.map((line) => line.id) }, status: "PENDING" },
    data: { status: input.decision, decidedAt: now, decidedByUserId: viewer.userId, staffMessage: input.message },
  });
  if (input.decision === "REFUSED") {
    for (const line of targets) await releaseCounter(tx, line.unitId, line.date);
  }
  const lines = await tx.reservationDay.findMany({ where: { reservationId }, select: { status: true } });
  const reservation = await tx.reservation.update({
    where: { id: reservationId },
    data: { status: reservationStatusFromLines(lines.map((line) => line.status)) },
    select: RESERVATION_NOTICE_SELECT,
  });
  const decidedLines = targets.map((line) => ({ day: dateToDay(line.date), unit: line.unit.label }));
  await writeAudit(tx, viewer, {
    action: input.decision === "ACCEPTED" ? "reservation.accept" : "reservation.refuse",
    familyId: reservation.familyId,
    targetType: "Reservation",
    targetId: reservationId,
    details: { lines: targets.map((line) => line.id), days: decidedLines, message: input.message },
  });
  const notice: DecisionNotice = {
    ...noticeHeader(reservation),
    decision: input.decision,
    lines: decidedLines,
    message: input.message,
    state: decidedState(lines.map((line) => line.status)),
  };
  await queueDecisionMail(tx, notice);
  return notice;
}

function decidedState(lines: ("PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED")[]): DecisionNotice["state"] {
  const state = reservationStateFromLines(reservationStatusFromLines(lines), lines);
  return { label: stateLabel(state), partial: state.name === "PARTIAL" };
}

/** A line that no longer holds a place gives it back: its unit-day counter goes down by one. */
export async function releaseCounter(tx: Prisma.TransactionClient, unitId: string, date: Date): Promise<void> {
  const released = await tx.unitDay.updateMany({
    where: { unitId, date, booked: { gt: 0 } },
    data: { booked: { decrement: 1 } },
  });
  if (released.count !== 1) throw new Error(`UnitDay counter missing for ${unitId} ${dateToDay(date)}`);
}

/** What a mail to the family about its reservation needs to know of it. */
export const RESERVATION_NOTICE_SELECT = {
  number: true,
  familyId: true,
  family: { select: { name: true, users: { where: { role: "PARENT", active: true }, select: { email: true } } } },
  child: { select: { firstName: true, lastName: true } },
  period: { select: { activity: { select: { name: true } }, establishment: { select: { name: true } } } },
} satisfies Prisma.ReservationSelect;

export function noticeHeader(reservation: Prisma.ReservationGetPayload<{ select: typeof RESERVATION_NOTICE_SELECT }>) {
  return {
    to: reservation.family.users.map((user) => user.email),
    familyName: reservation.family.name,
    reservationNumber: reservation.number,
    childName: childName(reservation.child),
    activity: `${reservation.period.activity.name} – ${reservation.period.establishment.name}`,
  };
}

async function queueDecisionMail(tx: Db, notice: DecisionNotice) {
  if (notice.to.length === 0) return;
  const town = await loadMailTown(tx);
  const verb = notice.decision === "ACCEPTED" ? "acceptée" : "refusée";
  const mail = renderMail(town, {
    subject: `Réservation n° ${formatReservationNumber(notice.reservationNumber)} : demande ${verb}${notice.state.partial ? " – partiellement acceptée" : ""}`,
    paragraphs: [
      `Votre demande de réservation n° ${formatReservationNumber(notice.reservationNumber)} pour ${notice.childName} (${notice.activity}) a été ${verb} pour :`,
      ...notice.lines.map((line) => `${notice.decision === "ACCEPTED" ? "✓" : "✗"} ${formatDay(line.day)} – ${line.unit}`),
      ...(notice.message ? [`Message du ${town.guichetName} : ${notice.message}`] : []),
      `État de la réservation : ${notice.state.label}.`,
    ],
    action: { label: "Voir mes réservations", url: publicUrl("/espace/reservations") },
  });
  for (const to of notice.to) await enqueueMail(tx, to, mail, "reservation-decision");
}

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
import { reservationStatusFromLines } from "./status";

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
        unit: { select: { label: true } },
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
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    lines: lines.map((line) => ({ ...line, day: dateToDay(line.date) })),
  };
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
  const now = options.now ?? clock.now();
  return db.$transaction(async (tx): Promise<DecisionNotice> => {
    const reservationId =
      input.reservationId ??
      (await tx.reservationDay.findUnique({ where: { id: input.dayId! }, select: { reservationId: true } }))?.reservationId;
    if (!reservationId) throw new AppError("NOT_FOUND", "Ligne de réservation introuvable.");
    // Lock the reservation: two agents deciding the same reservation are serialised.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Reservation" WHERE id = ${reservationId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    const targets = await tx.reservationDay.findMany({
      where: { reservationId, status: "PENDING", ...(input.dayId ? { id: input.dayId } : {}) },
      select: { id: true, unitId: true, date: true, unit: { select: { label: true, sortOrder: true } } },
      orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
    });
    if (targets.length === 0) throw new AppError("ALREADY_DECIDED", "Cette demande a déjà été traitée.");
    await tx.reservationDay.updateMany({
      where: { id: { in: targets.map((line) => line.id) }, status: "PENDING" },
      data: { status: input.decision, decidedAt: now, decidedByUserId: viewer.userId, staffMessage: input.message },
    });
    if (input.decision === "REFUSED") {
      for (const line of targets) {
        const released = await tx.unitDay.updateMany({
          where: { unitId: line.unitId, date: line.date, booked: { gt: 0 } },
          data: { booked: { decrement: 1 } },
        });
        if (released.count !== 1) throw new Error(`UnitDay counter missing for ${line.unitId} ${dateToDay(line.date)}`);
      }
    }
    const lines = await tx.reservationDay.findMany({ where: { reservationId }, select: { status: true } });
    const reservation = await tx.reservation.update({
      where: { id: reservationId },
      data: { status: reservationStatusFromLines(lines.map((line) => line.status)) },
      select: {
        number: true,
        familyId: true,
        family: { select: { name: true, users: { where: { role: "PARENT", active: true }, select: { email: true } } } },
        child: { select: { firstName: true, lastName: true } },
        period: { select: { activity: { select: { name: true } }, establishment: { select: { name: true } } } },
      },
    });
    await writeAudit(tx, viewer, {
      action: input.decision === "ACCEPTED" ? "reservation.accept" : "reservation.refuse",
      familyId: reservation.familyId,
      targetType: "Reservation",
      targetId: reservationId,
      details: { lines: targets.map((line) => line.id), message: input.message },
    });
    const notice: DecisionNotice = {
      to: reservation.family.users.map((user) => user.email),
      familyName: reservation.family.name,
      reservationNumber: reservation.number,
      childName: childName(reservation.child),
      activity: `${reservation.period.activity.name} – ${reservation.period.establishment.name}`,
      decision: input.decision,
      lines: targets.map((line) => ({ day: dateToDay(line.date), unit: line.unit.label })),
      message: input.message,
    };
    await queueDecisionMail(tx, notice);
    return notice;
  });
}

async function queueDecisionMail(tx: Db, notice: DecisionNotice) {
  if (notice.to.length === 0) return;
  const town = await loadMailTown(tx);
  const verb = notice.decision === "ACCEPTED" ? "acceptée" : "refusée";
  const mail = renderMail(town, {
    subject: `Réservation n° ${formatReservationNumber(notice.reservationNumber)} : demande ${verb}`,
    paragraphs: [
      `Votre demande de réservation n° ${formatReservationNumber(notice.reservationNumber)} pour ${notice.childName} (${notice.activity}) a été ${verb} pour :`,
      ...notice.lines.map((line) => `${notice.decision === "ACCEPTED" ? "✓" : "✗"} ${formatDay(line.day)} – ${line.unit}`),
      ...(notice.message ? [`Message du ${town.guichetName} : ${notice.message}`] : []),
    ],
    action: { label: "Voir mes réservations", url: publicUrl("/espace/reservations") },
  });
  for (const to of notice.to) await enqueueMail(tx, to, mail, "reservation-decision");
}

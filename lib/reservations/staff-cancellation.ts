import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import { dateToDay, formatDay, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { formatReservationNumber } from "./booking-rules";
import { noticeHeader, releaseCounter, RESERVATION_NOTICE_SELECT } from "./decisions";
import { ACTIVE_STATUSES, reservationStatusFromLines } from "./status";

export type StaffCancellationNotice = ReturnType<typeof noticeHeader> & {
  lines: { day: string; unit: string }[];
  reason: string;
  status: "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";
};

/**
 * A parent phones to cancel days: the agent cancels them for the family, with a reason, in one
 * transaction — the days become CANCELLED (decided by the agent, the reason as the staff
 * message), their places are given back, the reservation's state follows its lines, the
 * cancellation is audited and the family's mail is written to the outbox. Every named day must
 * be a booked (pending or accepted) day of this reservation, today or later: otherwise nothing
 * changes.
 */
export async function cancelDaysByStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { reservationId: string; dayIds: string[]; reason: string },
  options: { now?: Date } = {},
): Promise<StaffCancellationNotice> {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  const dayIds = [...new Set(input.dayIds)];
  return db.$transaction(async (tx) => {
    // The same lock as a decision: an agent cancelling and another deciding are serialised.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Reservation" WHERE id = ${input.reservationId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    const targets = await tx.reservationDay.findMany({
      where: { reservationId: input.reservationId, id: { in: dayIds }, status: { in: ACTIVE_STATUSES } },
      select: { id: true, unitId: true, date: true, unit: { select: { label: true } } },
      orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
    });
    if (targets.length !== dayIds.length) {
      throw new AppError(
        "MISMATCH",
        "Une des journées cochées n'est pas (ou plus) réservée dans cette réservation : rechargez la page.",
      );
    }
    const today = parisToday(now);
    const past = targets.find((line) => dateToDay(line.date) < today);
    if (past) {
      throw new AppError(
        "DAY_REFUSED",
        `La journée du ${formatDay(dateToDay(past.date))} est passée : elle ne peut plus être annulée.`,
      );
    }
    await tx.reservationDay.updateMany({
      where: { id: { in: dayIds }, status: { in: ACTIVE_STATUSES } },
      data: { status: "CANCELLED", decidedAt: now, decidedByUserId: viewer.userId, staffMessage: input.reason },
    });
    for (const line of targets) await releaseCounter(tx, line.unitId, line.date);
    const lines = await tx.reservationDay.findMany({ where: { reservationId: input.reservationId }, select: { status: true } });
    const status = reservationStatusFromLines(lines.map((line) => line.status));
    const reservation = await tx.reservation.update({
      where: { id: input.reservationId },
      data: { status },
      select: RESERVATION_NOTICE_SELECT,
    });
    const cancelled = targets.map((line) => ({ day: dateToDay(line.date), unit: line.unit.label }));
    await writeAudit(tx, viewer, {
      action: "reservation.staff-cancel",
      familyId: reservation.familyId,
      targetType: "Reservation",
      targetId: input.reservationId,
      details: { lines: dayIds, days: cancelled, reason: input.reason },
    });
    const notice: StaffCancellationNotice = { ...noticeHeader(reservation), lines: cancelled, reason: input.reason, status };
    await queueCancellationMail(tx, notice);
    return notice;
  });
}

async function queueCancellationMail(tx: Db, notice: StaffCancellationNotice) {
  if (notice.to.length === 0) return;
  const town = await loadMailTown(tx);
  const number = formatReservationNumber(notice.reservationNumber);
  const mail = renderMail(town, {
    subject: `Réservation n° ${number} : ${notice.lines.length === 1 ? "une journée annulée" : `${notice.lines.length} journées annulées`}`,
    paragraphs: [
      `Le ${town.guichetName} a annulé, dans la réservation n° ${number} pour ${notice.childName} (${notice.activity}) :`,
      ...notice.lines.map((line) => `✗ ${formatDay(line.day)} – ${line.unit}`),
      `Motif : ${notice.reason}`,
    ],
    action: { label: "Voir mes réservations", url: publicUrl("/espace/reservations") },
  });
  for (const to of notice.to) await enqueueMail(tx, to, mail, "reservation-cancellation");
}

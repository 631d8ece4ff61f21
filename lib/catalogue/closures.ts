import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { retryTransaction } from "@/lib/db/errors";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { ACTIVE_STATUSES, reservationStatusFromLines } from "@/lib/reservations/status";
import { publicUrl } from "@/lib/town/public-url";

export type AffectedLine = {
  familyId: string;
  familyName: string;
  child: string;
  day: CalendarDay;
  unit: string;
  reservationNumber: number;
};

export type ClosureOutcome =
  | { status: "needs-confirmation"; affected: AffectedLine[] }
  | { status: "done"; added: number; cancelled: number; familiesMailed: number };

type Notice = { to: string[]; familyName: string; lines: AffectedLine[] };

export async function listClosures(db: Db, viewer: StaffViewer, periodId: string) {
  assertStaffViewer(viewer);
  const closures = await db.closure.findMany({
    where: { periodId },
    orderBy: { date: "asc" },
    select: { id: true, date: true, reason: true },
  });
  return closures.map((closure) => ({ ...closure, day: dateToDay(closure.date) }));
}

/**
 * Adds closure days to a period. Booked days (pending or accepted) on those dates are listed
 * and nothing is written until staff confirm; then, in one transaction, the closures are
 * added, the lines cancelled, their places released and the reservations' statuses
 * recomputed; each family's e-mail (one, whatever the number of lines) is written to the outbox in
 * that same transaction.
 */
export async function addClosures(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { periodId: string; dates: CalendarDay[]; reason: string; confirm: boolean },
  options: { now?: Date } = {},
): Promise<ClosureOutcome> {
  const now = options.now ?? clock.now();
  const dates = input.dates.map(dayToDate);
  // A staff decision on a line of the same day locks the line then its counter, this the other
  // way round: PostgreSQL breaks such a deadlock by failing one side, which is then run again.
  const outcome = await retryTransaction(() =>
    db.$transaction(async (tx) => {
      // Lock the period: a booking of it holds it FOR KEY SHARE from before it reads the closures
      // until it commits, so it either finishes first (and its days are cancelled here) or waits
      // and then sees the new closures.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Period" WHERE id = ${input.periodId} FOR UPDATE`;
      if (locked.length === 0) return null;
      const period = await tx.period.findUnique({
        where: { id: input.periodId },
        select: { id: true, units: { select: { id: true } } },
      });
      if (!period) return null;
      const unitIds = period.units.map((unit) => unit.id);
      // Lock the counters of those days: a booking running now waits for this decision.
      if (unitIds.length) {
        await tx.$queryRaw`SELECT 1 FROM "UnitDay" WHERE "unitId" = ANY(${unitIds}::text[]) AND date = ANY(${input.dates}::date[]) ORDER BY "unitId", date FOR UPDATE`;
      }
      const lines = await tx.reservationDay.findMany({
        where: { unitId: { in: unitIds }, date: { in: dates }, status: { in: ACTIVE_STATUSES } },
        select: {
          id: true,
          unitId: true,
          date: true,
          reservationId: true,
          unit: { select: { label: true } },
          child: { select: { firstName: true, lastName: true } },
          reservation: {
            select: {
              number: true,
              family: {
                select: { id: true, name: true, users: { where: { role: "PARENT", active: true }, select: { email: true } } },
              },
            },
          },
        },
        orderBy: [{ date: "asc" }],
      });
      const affected: AffectedLine[] = lines.map((line) => ({
        familyId: line.reservation.family.id,
        familyName: line.reservation.family.name,
        child: childName(line.child),
        day: dateToDay(line.date),
        unit: line.unit.label,
        reservationNumber: line.reservation.number,
      }));
      if (affected.length > 0 && !input.confirm) return { status: "needs-confirmation", affected } as ClosureOutcome;

      const added = await tx.closure.createMany({
        data: dates.map((date) => ({ periodId: input.periodId, date, reason: input.reason })),
        skipDuplicates: true,
      });
      if (lines.length) {
        await tx.reservationDay.updateMany({
          where: { id: { in: lines.map((line) => line.id) } },
          data: {
            status: "CANCELLED",
            decidedAt: now,
            decidedByUserId: viewer.userId,
            staffMessage: `Fermeture : ${input.reason}`,
          },
        });
        const released = new Map<string, { unitId: string; date: Date; count: number }>();
        for (const line of lines) {
          const key = `${line.unitId}|${dateToDay(line.date)}`;
          released.set(key, { unitId: line.unitId, date: line.date, count: (released.get(key)?.count ?? 0) + 1 });
        }
        for (const counter of released.values()) {
          await tx.unitDay.update({
            where: { unitId_date: { unitId: counter.unitId, date: counter.date } },
            data: { booked: { decrement: counter.count } },
          });
        }
        for (const reservationId of new Set(lines.map((line) => line.reservationId))) {
          const statuses = await tx.reservationDay.findMany({ where: { reservationId }, select: { status: true } });
          await tx.reservation.update({
            where: { id: reservationId },
            data: { status: reservationStatusFromLines(statuses.map((line) => line.status)) },
          });
        }
      }
      await writeAudit(tx, viewer, {
        action: "closure.add",
        targetType: "Period",
        targetId: input.periodId,
        details: { dates: input.dates, reason: input.reason, cancelledLines: lines.length },
      });
      const byFamily = new Map<string, Notice>();
      for (const [index, line] of lines.entries()) {
        const family = line.reservation.family;
        const notice = byFamily.get(family.id) ?? {
          to: family.users.map((user) => user.email),
          familyName: family.name,
          lines: [],
        };
        notice.lines.push(affected[index]);
        byFamily.set(family.id, notice);
      }
      const notices = [...byFamily.values()];
      if (notices.length) await queueClosureMails(tx, input.reason, notices);
      return { status: "done", added: added.count, cancelled: lines.length, familiesMailed: byFamily.size } as ClosureOutcome;
    }),
  );
  if (!outcome) throw new AppError("NOT_FOUND", "Période introuvable.");
  return outcome;
}

async function queueClosureMails(tx: Db, reason: string, notices: Notice[]) {
  const town = await loadMailTown(tx);
  for (const notice of notices) {
    const mail = renderMail(town, {
      subject: "Fermeture exceptionnelle : réservations annulées",
      paragraphs: [
        `Le service sera fermé (${reason}). Les réservations suivantes sont annulées et ne vous seront pas facturées :`,
        ...notice.lines.map(
          (line) =>
            `✗ ${formatDay(line.day)} – ${line.unit} – ${line.child} (réservation n° ${formatReservationNumber(line.reservationNumber)})`,
        ),
      ],
      action: { label: "Voir mes réservations", url: publicUrl("/espace/reservations") },
    });
    for (const to of notice.to) await enqueueMail(tx, to, mail, "closure-cancellation");
  }
}

import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer, assertStaffViewer } from "@/lib/auth/staff-only";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";

import { ATTENDANCE_LABELS, type AttendanceStatusName } from "./attendance-labels";
import type { TBillExcusedAbsence, TMarkAttendance } from "./attendance.schema";
import { attendanceWindowProblem } from "./correction-window";

// Pointage, per accepted reservation day. A mark is one row (Attendance); a correction
// overwrites it, and the journal keeps every mark and correction with who made it.

export const DAY_NOT_FOUND_MESSAGE = "Cette journée n'est pas une réservation acceptée : le pointage est impossible.";

export type AttendanceMark = { status: AttendanceStatusName; markedAt: Date };

/**
 * Marks (or corrects) a child's attendance on an accepted reservation day. Refused, with nothing
 * written: an unknown or not accepted day, a day to come, and for an agent a day before yesterday.
 */
export async function markAttendance(
  db: PrismaClient,
  viewer: StaffViewer,
  input: TMarkAttendance,
): Promise<{ status: AttendanceStatusName; changed: boolean }> {
  assertStaffViewer(viewer);
  return db.$transaction(async (tx) => {
    const day = await tx.reservationDay.findFirst({
      where: { id: input.reservationDayId, status: "ACCEPTED" },
      select: {
        id: true,
        date: true,
        childId: true,
        unit: { select: { label: true } },
        child: { select: { firstName: true, lastName: true } },
        reservation: { select: { id: true, number: true, familyId: true } },
        attendance: { select: { status: true } },
      },
    });
    if (!day) throw new AppError("NOT_FOUND", DAY_NOT_FOUND_MESSAGE);
    const date = dateToDay(day.date);
    const problem = attendanceWindowProblem(viewer.role, date, clock.today());
    if (problem) throw new AppError("FORBIDDEN", problem);
    const previous = day.attendance?.status ?? null;
    if (previous === input.status) return { status: input.status, changed: false };
    const marked = { status: input.status, markedAt: clock.now(), markedByUserId: viewer.userId };
    await tx.attendance.upsert({
      where: { reservationDayId: day.id },
      create: { reservationDayId: day.id, ...marked },
      update: marked,
    });
    await writeAudit(tx, viewer, {
      action: previous ? "attendance.correct" : "attendance.mark",
      familyId: day.reservation.familyId,
      childId: day.childId,
      targetType: "Reservation",
      targetId: day.reservation.id,
      // Written as the journal reads it: the day's identity does not depend on later changes.
      details: {
        reservation: formatReservationNumber(day.reservation.number),
        date,
        unit: day.unit.label,
        child: childName(day.child),
        status: ATTENDANCE_LABELS[input.status],
        ...(previous ? { previous: ATTENDANCE_LABELS[previous] } : {}),
      },
    });
    return { status: input.status, changed: true };
  });
}

export type FamilyAttendanceRow = {
  reservationDayId: string;
  date: CalendarDay;
  child: string;
  activity: string;
  unit: string;
  reservationNumber: string;
  status: AttendanceStatusName | null;
};

/** A family's accepted days up to today, the most recent first, with their attendance (or none yet). */
export async function familyAttendance(
  db: Db,
  viewer: StaffViewer,
  familyId: string,
  limit = 30,
): Promise<FamilyAttendanceRow[]> {
  assertStaffViewer(viewer);
  const days = await db.reservationDay.findMany({
    where: { status: "ACCEPTED", reservation: { familyId }, date: { lte: dayToDate(clock.today()) } },
    orderBy: [{ date: "desc" }, { unit: { sortOrder: "asc" } }],
    take: limit,
    select: {
      id: true,
      date: true,
      child: { select: { firstName: true, lastName: true } },
      unit: { select: { label: true, period: { select: { activity: { select: { name: true } } } } } },
      reservation: { select: { number: true } },
      attendance: { select: { status: true } },
    },
  });
  return days.map((day) => ({
    reservationDayId: day.id,
    date: dateToDay(day.date),
    child: childName(day.child),
    activity: day.unit.period.activity.name,
    unit: day.unit.label,
    reservationNumber: formatReservationNumber(day.reservation.number),
    status: day.attendance?.status ?? null,
  }));
}

/** The town's choice, read by invoicing: is a day missed with an excused absence (certificate) billed? */
export async function readBillExcusedAbsence(db: Db): Promise<boolean> {
  const town = await db.townSettings.findUnique({ where: { id: 1 }, select: { billExcusedAbsence: true } });
  return town?.billExcusedAbsence ?? false;
}

export async function setBillExcusedAbsence(db: PrismaClient, viewer: StaffViewer, input: TBillExcusedAbsence): Promise<void> {
  assertAdminViewer(viewer);
  await db.$transaction(async (tx) => {
    const before = await tx.townSettings.findUnique({ where: { id: 1 }, select: { billExcusedAbsence: true } });
    if (!before) throw new AppError("NOT_FOUND", "Les paramètres de la commune ne sont pas encore enregistrés.");
    await tx.townSettings.update({ where: { id: 1 }, data: { billExcusedAbsence: input.billExcusedAbsence } });
    await writeAudit(tx, viewer, {
      action: "town-settings.excused-absence",
      targetType: "TownSettings",
      details: {
        before: { billExcusedAbsence: before.billExcusedAbsence },
        after: { billExcusedAbsence: input.billExcusedAbsence },
      },
    });
  });
}

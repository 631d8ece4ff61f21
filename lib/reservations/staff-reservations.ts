import "server-only";

import { auditActionLabel } from "@/lib/audit/action-labels";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { dateToDay, dayToDate, formatDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

import { placesOf } from "./decisions";
import { PERIOD_TITLE_FIELDS, periodTitle } from "./period-rules";
import type { TReservationSearch } from "./staff-reservation.schema";
import { ACTIVE_STATUSES, reservationState } from "./status";

export const STAFF_RESERVATIONS_PAGE_SIZE = 50;

/** Prisma `select` fragment of a reservation as the staff's lists show it (number, child, activity, dates, status). */
export const STAFF_RESERVATION_ROW_SELECT = {
  id: true,
  number: true,
  status: true,
  firstDate: true,
  lastDate: true,
  child: { select: { firstName: true, lastName: true } },
  period: PERIOD_TITLE_FIELDS,
} as const;

const personName = (user: { firstName: string | null; lastName: string | null; email: string } | null) =>
  user ? [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email : "la famille";

/** The actions that decide a reservation's days: its history on the staff page. */
const HISTORY_ACTIONS = ["reservation.accept", "reservation.refuse", "reservation.staff-cancel"] as const;

/**
 * Everything the staff reservation page shows: the reservation, its days with their state, who
 * decided them and the places left on each, and the history of decisions (the audit log).
 */
export async function getReservationForStaff(db: Db, viewer: StaffViewer, reservationId: string) {
  assertStaffViewer(viewer);
  const row = await db.reservation.findUnique({
    where: { id: reservationId },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      createdBy: { select: { firstName: true, lastName: true, email: true, role: true } },
      family: { select: { id: true, name: true } },
      child: { select: { id: true, firstName: true, lastName: true } },
      period: PERIOD_TITLE_FIELDS,
      replaces: { select: { id: true, number: true } },
      replacedBy: { select: { id: true, number: true } },
      days: {
        orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
        select: {
          id: true,
          date: true,
          status: true,
          staffMessage: true,
          decidedAt: true,
          decidedBy: { select: { firstName: true, lastName: true, email: true } },
          unit: { select: { id: true, label: true, capacity: true } },
        },
      },
    },
  });
  if (!row) return null;
  const [places, audit] = await Promise.all([
    placesOf(
      db,
      row.days.map((line) => ({ unitId: line.unit.id, date: line.date, capacity: line.unit.capacity })),
    ),
    db.auditLog.findMany({
      where: { targetType: "Reservation", targetId: row.id, action: { in: [...HISTORY_ACTIONS] } },
      orderBy: { at: "asc" },
      select: {
        id: true,
        at: true,
        action: true,
        details: true,
        actor: { select: { firstName: true, lastName: true, email: true } },
      },
    }),
  ]);
  const dayLabel = new Map(row.days.map((line) => [line.id, `${formatDay(dateToDay(line.date))} ${line.unit.label}`]));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.role === "PARENT" ? "la famille" : personName(row.createdBy),
    family: row.family,
    child: row.child,
    periodTitle: periodTitle(row.period),
    replaces: row.replaces,
    replacedBy: row.replacedBy,
    days: row.days.map((line) => ({
      id: line.id,
      day: dateToDay(line.date),
      unit: line.unit.label,
      status: line.status,
      staffMessage: line.staffMessage,
      decidedAt: line.decidedAt,
      decidedBy: line.decidedBy ? personName(line.decidedBy) : null,
      places: places.get(`${line.unit.id}|${dateToDay(line.date)}`)!,
      cancellable: (ACTIVE_STATUSES as string[]).includes(line.status),
    })),
    history: audit.map((entry) => {
      const details = (entry.details ?? {}) as { lines?: string[]; message?: string | null; reason?: string | null };
      return {
        id: String(entry.id),
        at: entry.at,
        label: auditActionLabel(entry.action),
        by: personName(entry.actor),
        days: (details.lines ?? []).map((id) => dayLabel.get(id) ?? "journée supprimée"),
        message: details.reason ?? details.message ?? null,
      };
    }),
  };
}
export type StaffReservation = NonNullable<Awaited<ReturnType<typeof getReservationForStaff>>>;

/** « Toutes les réservations »: filtered by number, establishment, period, state and dates; newest first. */
export async function listReservationsForStaff(db: Db, viewer: StaffViewer, filter: TReservationSearch) {
  assertStaffViewer(viewer);
  const dayRange =
    filter.date || filter.from || filter.to
      ? {
          days: {
            some: filter.date
              ? { date: dayToDate(filter.date) }
              : {
                  date: {
                    ...(filter.from ? { gte: dayToDate(filter.from) } : {}),
                    ...(filter.to ? { lte: dayToDate(filter.to) } : {}),
                  },
                },
          },
        }
      : {};
  const where: Prisma.ReservationWhereInput = {
    ...(filter.number !== undefined ? { number: filter.number } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.periodId ? { periodId: filter.periodId } : {}),
    ...(filter.establishmentId ? { period: { establishmentId: filter.establishmentId } } : {}),
    ...dayRange,
  };
  const [total, rows] = await Promise.all([
    db.reservation.count({ where }),
    db.reservation.findMany({
      where,
      orderBy: { number: "desc" },
      skip: (filter.page - 1) * STAFF_RESERVATIONS_PAGE_SIZE,
      take: STAFF_RESERVATIONS_PAGE_SIZE,
      select: {
        ...STAFF_RESERVATION_ROW_SELECT,
        family: { select: { id: true, name: true } },
        _count: { select: { days: true } },
        days: { where: { status: "REFUSED" }, select: { id: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / STAFF_RESERVATIONS_PAGE_SIZE)),
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      state: reservationState(row.status, row.days.length),
      firstDay: row.firstDate ? dateToDay(row.firstDate) : null,
      lastDay: row.lastDate ? dateToDay(row.lastDate) : null,
      family: row.family,
      child: row.child,
      periodTitle: periodTitle(row.period),
      dayCount: row._count.days,
    })),
  };
}

/** The establishments and periods « Toutes les réservations » filters on. */
export async function listReservationFilters(db: Db) {
  const [establishments, periods] = await Promise.all([
    db.establishment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.period.findMany({
      orderBy: [{ establishment: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, establishment: { select: { name: true } } },
    }),
  ]);
  return { establishments, periods };
}

import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { ACTIVE_STATUSES, REFUSED_DAYS_SELECT, reservationState } from "@/lib/reservations/status";

/** The tabs' counters: what waits for staff. */
export async function backOfficeCounters(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  const [documents, pendingLines] = await Promise.all([
    db.document.count({ where: { status: "SUBMITTED" } }),
    db.reservationDay.count({ where: { status: "PENDING" } }),
  ]);
  return { documents, pendingLines };
}
export type BackOfficeCounters = Awaited<ReturnType<typeof backOfficeCounters>>;

/**
 * The back-office home's « à faire »: documents to check, pending requests (how many
 * reservations, how many lines, the oldest one's date) and today's lists per establishment.
 */
export async function backOfficeTodo(db: Db, viewer: StaffViewer, today: CalendarDay) {
  assertStaffViewer(viewer);
  const [counters, pendingReservations, oldest, todays] = await Promise.all([
    backOfficeCounters(db, viewer),
    db.reservation.count({ where: { status: "PENDING" } }),
    db.reservation.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.reservationDay.findMany({
      where: { date: dayToDate(today), status: { in: ACTIVE_STATUSES } },
      select: { unit: { select: { period: { select: { establishment: { select: { id: true, name: true } } } } } } },
    }),
  ]);
  const establishments = new Map<string, { id: string; name: string; lines: number }>();
  for (const line of todays) {
    const { id, name } = line.unit.period.establishment;
    const entry = establishments.get(id) ?? { id, name, lines: 0 };
    entry.lines += 1;
    establishments.set(id, entry);
  }
  return {
    documents: counters.documents,
    pendingLines: counters.pendingLines,
    pendingReservations,
    oldestPendingAt: oldest?.createdAt ?? null,
    today: [...establishments.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

const SEARCH_LIMIT = 10;

/**
 * The back office's one search field: a reservation by its number (« 12 » or « 000012 »),
 * families by name or allocataire number, children by first or last name (« TEST JULIEN » finds
 * the child whose names are these words).
 */
export async function searchBackOffice(db: Db, viewer: StaffViewer, query: string) {
  assertStaffViewer(viewer);
  const q = query.trim();
  if (!q) return { reservations: [], families: [], children: [] };
  const words = q.split(/\s+/).slice(0, 4);
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const number = /^n?°?\s*\d{1,9}$/i.test(q) ? Number(q.replace(/\D/g, "")) : null;
  const [reservations, families, children] = await Promise.all([
    number === null
      ? []
      : db.reservation.findMany({
          where: { number },
          select: {
            id: true,
            number: true,
            status: true,
            family: { select: { name: true } },
            child: { select: { firstName: true, lastName: true } },
            ...REFUSED_DAYS_SELECT,
          },
        }),
    db.family.findMany({
      where: { OR: [{ name: contains(q) }, { allowanceNumber: contains(q) }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: SEARCH_LIMIT,
      select: { id: true, name: true, city: true },
    }),
    db.child.findMany({
      where: { AND: words.map((word) => ({ OR: [{ firstName: contains(word) }, { lastName: contains(word) }] })) },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: SEARCH_LIMIT,
      select: { id: true, firstName: true, lastName: true, family: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    reservations: reservations.map(({ _count, ...reservation }) => ({
      ...reservation,
      state: reservationState(reservation.status, _count.days),
    })),
    families,
    children,
  };
}

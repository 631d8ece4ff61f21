import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { addDays, dateToDay, dayToDate } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";

import { describeAuditEntry, type AuditReferences } from "./describe-details";
import type { TJournalFilter } from "./journal.schema";

export const JOURNAL_PAGE_SIZE = 50;

/** Read-only: nothing in the portal updates or deletes an entry, except the 12-month purge. */
export async function listAuditEntries(db: Db, viewer: StaffViewer, filter: TJournalFilter) {
  // Admin-only: the journal records what each agent did and read.
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Le journal est réservé aux administrateurs.");
  // The journal has no link to the family table (an entry outlives its family): a name is first
  // turned into the ids of the families that bear it.
  const familyIds = filter.family
    ? (
        await db.family.findMany({
          where: { name: { contains: filter.family, mode: "insensitive" } },
          select: { id: true },
          take: 500,
        })
      ).map((family) => family.id)
    : null;
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actor ? { actor: { email: { contains: filter.actor, mode: "insensitive" } } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.familyId ? { familyId: filter.familyId } : {}),
    ...(familyIds ? { familyId: { in: familyIds } } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: dayToDate(filter.from) } : {}),
            ...(filter.to ? { lt: dayToDate(addDays(filter.to, 1)) } : {}),
          },
        }
      : {}),
  };
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        actorRole: true,
        action: true,
        familyId: true,
        targetId: true,
        details: true,
        actor: { select: { email: true } },
      },
    }),
  ]);
  const [references, familyNames] = await Promise.all([
    loadReferences(db, entries),
    db.family
      .findMany({
        where: { id: { in: [...new Set(entries.flatMap((entry) => (entry.familyId ? [entry.familyId] : [])))] } },
        select: { id: true, name: true },
      })
      .then((families) => new Map(families.map((family) => [family.id, family.name]))),
  ]);
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)),
    entries: entries.map(({ targetId, ...entry }) => ({
      ...entry,
      id: entry.id.toString(),
      familyName: entry.familyId ? (familyNames.get(entry.familyId) ?? null) : null,
      details: describeAuditEntry({ action: entry.action, targetId, details: entry.details }, references),
    })),
  };
}

/** The reservations and reservation days the page's decision entries name, read in two queries. */
async function loadReferences(
  db: Db,
  entries: { action: string; targetId: string | null; details: Prisma.JsonValue }[],
): Promise<AuditReferences> {
  const decisions = entries.filter((entry) => entry.action === "reservation.accept" || entry.action === "reservation.refuse");
  const reservationIds = [...new Set(decisions.flatMap((entry) => (entry.targetId ? [entry.targetId] : [])))];
  const dayIds = [
    ...new Set(
      decisions.flatMap((entry) => {
        const lines = (entry.details as { lines?: unknown } | null)?.lines;
        return Array.isArray(lines) ? lines.filter((id): id is string => typeof id === "string") : [];
      }),
    ),
  ];
  const [reservations, days] = await Promise.all([
    reservationIds.length
      ? db.reservation.findMany({ where: { id: { in: reservationIds } }, select: { id: true, number: true } })
      : [],
    dayIds.length
      ? db.reservationDay.findMany({
          where: { id: { in: dayIds } },
          select: { id: true, date: true, unit: { select: { label: true } } },
        })
      : [],
  ]);
  return {
    reservations: new Map(
      reservations.map((reservation) => [reservation.id, { number: formatReservationNumber(reservation.number) }]),
    ),
    days: new Map(days.map((day) => [day.id, { date: dateToDay(day.date), unit: day.unit.label }])),
  };
}

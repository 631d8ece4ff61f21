import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { addDays, dayToDate } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { describeAuditDetails } from "./describe-details";
import type { TJournalFilter } from "./journal.schema";

export const JOURNAL_PAGE_SIZE = 50;

/** Read-only: nothing in the portal updates or deletes an entry, except the 12-month purge. */
export async function listAuditEntries(db: Db, viewer: StaffViewer, filter: TJournalFilter) {
  // Admin-only: the journal records what each agent did and read.
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Le journal est réservé aux administrateurs.");
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actor ? { actor: { email: { contains: filter.actor, mode: "insensitive" } } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.familyId ? { familyId: filter.familyId } : {}),
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
        childId: true,
        targetType: true,
        targetId: true,
        details: true,
        actor: { select: { email: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)),
    entries: entries.map((entry) => ({ ...entry, id: entry.id.toString(), details: describeAuditDetails(entry.details) })),
  };
}

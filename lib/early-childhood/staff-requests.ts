import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { CrecheAgeGroup, EarlyChildhoodStatus } from "@/lib/db/generated/enums";

import { ageGroupAt } from "./age-group";
import { parseWeeklySchedule } from "./schedule";
import { requestChildLabel } from "./staff-decisions";
import { birthDayOf } from "./staff-places";

// The staff side of crèche requests (SPEC §7): the queue of every request sent (drafts are the
// family's own), its filters — a crèche among the choices, the age group at the wished start date
// (an unborn child by its expected birth date), the state, the wished month —, a request's page
// with its documents and history, and each crèche's waiting list.

export const QUEUE_PAGE_SIZE = 50;

export type QueueFilter = {
  crecheId?: string | null;
  ageGroup?: CrecheAgeGroup | null;
  status?: Exclude<EarlyChildhoodStatus, "DRAFT"> | null;
  /** "YYYY-MM": the month of the wished start date. */
  month?: string | null;
  page?: number;
};

const QUEUE_SELECT = {
  id: true,
  status: true,
  submittedAt: true,
  wishedStartDate: true,
  expectedBirthDate: true,
  unbornFirstName: true,
  child: { select: { firstName: true, lastName: true, birthDate: true } },
  family: { select: { id: true, name: true } },
  choices: {
    orderBy: { rank: "asc" },
    select: { rank: true, waitingPosition: true, creche: { select: { id: true, name: true } } },
  },
} satisfies Prisma.EarlyChildhoodRequestSelect;

function monthRange(month: string): { gte: Date; lt: Date } {
  const [year, monthNumber] = month.split("-").map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  return { gte: dayToDate(`${month}-01`), lt: dayToDate(next) };
}

/** « Demandes »: the requests matching the filters, oldest sent first, 50 a page, with the counts per state. */
export async function listRequestQueue(db: Db, viewer: StaffViewer, filter: QueueFilter) {
  assertStaffViewer(viewer);
  const where: Prisma.EarlyChildhoodRequestWhereInput = {
    status: filter.status ?? { not: "DRAFT" },
    ...(filter.crecheId ? { choices: { some: { crecheId: filter.crecheId } } } : {}),
    ...(filter.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month) ? { wishedStartDate: monthRange(filter.month) } : {}),
  };
  // The age group is a rule on dates (age-group.ts), not a column: read every match's dates, then page.
  const matches = await db.earlyChildhoodRequest.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, wishedStartDate: true, expectedBirthDate: true, child: { select: { birthDate: true } } },
  });
  const grouped = matches
    .map((request) => {
      const birthDay = birthDayOf(request);
      return { id: request.id, ageGroup: birthDay ? ageGroupAt(birthDay, dateToDay(request.wishedStartDate)) : "BEBES" };
    })
    .filter((request) => !filter.ageGroup || request.ageGroup === filter.ageGroup);
  const total = grouped.length;
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const pageIds = grouped.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE);
  const groupOf = new Map(pageIds.map((entry) => [entry.id, entry.ageGroup as CrecheAgeGroup]));
  const rows = await db.earlyChildhoodRequest.findMany({
    where: { id: { in: pageIds.map((entry) => entry.id) } },
    select: QUEUE_SELECT,
  });
  const order = new Map(pageIds.map((entry, index) => [entry.id, index]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const counts = await db.earlyChildhoodRequest.groupBy({ by: ["status"], where: { status: { not: "DRAFT" } }, _count: true });
  return {
    rows: rows.map((row) => ({ ...row, childLabel: requestChildLabel(row), ageGroup: groupOf.get(row.id)! })),
    total,
    page,
    pageCount,
    statusCounts: Object.fromEntries(counts.map((entry) => [entry.status, entry._count])) as Partial<
      Record<EarlyChildhoodStatus, number>
    >,
  };
}

/** A request's staff page: the family, the child, the wish, the choices, the documents, the history. */
export async function getStaffRequest(db: Db, viewer: StaffViewer, id: string) {
  assertStaffViewer(viewer);
  const request = await db.earlyChildhoodRequest.findFirst({
    where: { id, status: { not: "DRAFT" } },
    select: {
      id: true,
      version: true,
      status: true,
      submittedAt: true,
      wishedStartDate: true,
      wishedSchedule: true,
      comments: true,
      expectedBirthDate: true,
      unbornFirstName: true,
      childId: true,
      offeredStartDate: true,
      offeredEndDate: true,
      offerAnswerBy: true,
      offeredPlanning: true,
      offeredAbsenceWeeks: true,
      refusalReason: true,
      offeredCreche: { select: { name: true } },
      child: { select: { id: true, firstName: true, lastName: true, birthDate: true } },
      family: {
        select: {
          id: true,
          name: true,
          street: true,
          postalCode: true,
          city: true,
          situation: true,
          guardians: { orderBy: { position: "asc" }, select: { firstName: true, lastName: true, profession: true } },
        },
      },
      choices: {
        orderBy: { rank: "asc" },
        select: {
          rank: true,
          waitingPosition: true,
          creche: { select: { id: true, name: true, opensAt: true, closesAt: true } },
        },
      },
      documents: {
        orderBy: { uploadedAt: "desc" },
        select: { id: true, name: true, status: true, uploadedAt: true, type: { select: { label: true } } },
      },
      decisions: {
        orderBy: { decidedAt: "asc" },
        select: {
          id: true,
          kind: true,
          decidedAt: true,
          reason: true,
          startDate: true,
          score: true,
          sessionId: true,
          creche: { select: { name: true } },
          by: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  if (!request) return null;
  // The family's other documents that matter here: the family's own (domicile, avis d'imposition…) and the child's.
  const familyDocuments = await db.document.findMany({
    where: {
      familyId: request.family.id,
      earlyChildhoodRequestId: null,
      OR: [{ childId: null }, ...(request.childId ? [{ childId: request.childId }] : [])],
    },
    orderBy: { uploadedAt: "desc" },
    take: 20,
    select: { id: true, name: true, status: true, uploadedAt: true, type: { select: { label: true } } },
  });
  const birthDay = birthDayOf(request);
  return {
    ...request,
    childLabel: requestChildLabel(request),
    birthDay,
    ageGroup: birthDay ? ageGroupAt(birthDay, dateToDay(request.wishedStartDate)) : ("BEBES" as CrecheAgeGroup),
    schedule: parseWeeklySchedule(request.wishedSchedule),
    offeredSchedule: parseWeeklySchedule(request.offeredPlanning),
    familyDocuments,
  };
}
export type StaffRequest = NonNullable<Awaited<ReturnType<typeof getStaffRequest>>>;

/** A crèche's waiting list, first first: position, child or unborn, family, age group at the wished start, date sent. */
export async function listWaitingList(db: Db, viewer: StaffViewer, crecheId: string) {
  assertStaffViewer(viewer);
  const entries = await db.earlyChildhoodChoice.findMany({
    where: { crecheId, waitingPosition: { not: null } },
    orderBy: { waitingPosition: "asc" },
    select: {
      rank: true,
      waitingPosition: true,
      request: {
        select: {
          id: true,
          submittedAt: true,
          wishedStartDate: true,
          expectedBirthDate: true,
          unbornFirstName: true,
          child: { select: { firstName: true, lastName: true, birthDate: true } },
          family: { select: { id: true, name: true } },
        },
      },
    },
  });
  return entries.map((entry) => {
    const birthDay = birthDayOf(entry.request);
    const wished: CalendarDay = dateToDay(entry.request.wishedStartDate);
    return {
      position: entry.waitingPosition!,
      rank: entry.rank,
      ...entry.request,
      childLabel: requestChildLabel(entry.request),
      unborn: entry.request.child === null,
      ageGroup: birthDay ? ageGroupAt(birthDay, wished) : ("BEBES" as CrecheAgeGroup),
    };
  });
}

import "server-only";

import { childName } from "@/lib/children/child-name";
import { dateToDay, formatDateTime, formatDay, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Prisma, PrismaClient, ReservationStatus } from "@/lib/db/generated/client";
import { completeLink } from "@/lib/families/complete-link";
import { loadCompleteness } from "@/lib/families/load-completeness";

import {
  cellState,
  childEligibility,
  describeRule,
  formatReservationNumber,
  formatTimeOfDay,
  lastBookingDay,
  monthOf,
  openDays,
  openWeekdaysLabel,
  type CellState,
} from "./booking-rules";
import { dayPartClashReason, dayPartsClash } from "./day-parts";
import {
  eligibilityRulesOf,
  PERIOD_SELECT,
  PERIOD_TITLE_FIELDS,
  PERIOD_TITLE_SELECT,
  periodRulesOf,
  periodTitle,
} from "./period-rules";
import {
  ACTIVE_STATUSES,
  REFUSED_DAYS_SELECT,
  reservationState,
  reservationStateFromLines,
  type ReservationState,
} from "./status";
import type { ReservationStateName } from "./status-labels";

// What the parent's reservation pages read. Every query is scoped to the viewer's family in
// its `where`, so another family's id simply finds nothing; results are plain DTOs.

type Db = PrismaClient | Prisma.TransactionClient;
export type FamilyScope = { familyId: string };

export const PAGE_SIZE = 5;

export type ReservationFilters = {
  childId?: string;
  establishmentId?: string;
  periodName?: string;
  status?: ReservationStateName;
};

/** The `where` of a shown state: « acceptée » and « partiellement acceptée » are told apart by refused days. */
function stateWhere(state: ReservationStateName): Prisma.ReservationWhereInput {
  if (state === "PARTIAL") return { status: "ACCEPTED", days: { some: { status: "REFUSED" } } };
  if (state === "ACCEPTED") return { status: "ACCEPTED", days: { none: { status: "REFUSED" } } };
  return { status: state };
}

export type ReservationListItem = {
  id: string;
  number: string;
  childName: string;
  establishment: string;
  periodLabel: string;
  createdAt: string;
  firstDate: string | null;
  lastDate: string | null;
  status: ReservationStatus;
  state: ReservationState;
};

/** A page of the family's reservations, newest first: `pageSize` rows (5, 10 or 25: lib/http/page-size.ts). */
export async function listReservations(
  db: Db,
  viewer: FamilyScope,
  filters: ReservationFilters,
  page: number,
  pageSize: number = PAGE_SIZE,
) {
  const where: Prisma.ReservationWhereInput = {
    familyId: viewer.familyId,
    ...(filters.childId ? { childId: filters.childId } : {}),
    ...(filters.establishmentId || filters.periodName
      ? {
          period: {
            ...(filters.establishmentId ? { establishmentId: filters.establishmentId } : {}),
            ...(filters.periodName ? { name: filters.periodName } : {}),
          },
        }
      : {}),
    ...(filters.status ? stateWhere(filters.status) : {}),
  };
  const total = await db.reservation.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.reservation.findMany({
    where,
    orderBy: { number: "desc" },
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      firstDate: true,
      lastDate: true,
      child: { select: { firstName: true, lastName: true } },
      period: PERIOD_TITLE_FIELDS,
      ...REFUSED_DAYS_SELECT,
    },
  });
  const items: ReservationListItem[] = rows.map((row) => ({
    id: row.id,
    number: formatReservationNumber(row.number),
    childName: childName(row.child),
    establishment: row.period.establishment.name,
    periodLabel: `${row.period.activity.name} ${row.period.name}`,
    createdAt: formatDateTime(row.createdAt),
    firstDate: row.firstDate ? formatDay(dateToDay(row.firstDate)) : null,
    lastDate: row.lastDate ? formatDay(dateToDay(row.lastDate)) : null,
    status: row.status,
    state: reservationState(row.status, row._count.days),
  }));
  return { items, total, page: current, pages, pageSize };
}

export type ReservationList = Awaited<ReturnType<typeof listReservations>>;

/** The choices of the search form: the family's children, and what it has booked. */
export async function reservationSearchOptions(db: Db, viewer: FamilyScope) {
  const [children, periods] = await Promise.all([
    db.child.findMany({
      where: { familyId: viewer.familyId },
      orderBy: [{ birthDate: "desc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true },
    }),
    db.period.findMany({
      where: { reservations: { some: { familyId: viewer.familyId } } },
      orderBy: [{ establishment: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, establishment: { select: { id: true, name: true } } },
    }),
  ]);
  const establishments = new Map(periods.map((period) => [period.establishment.id, period.establishment.name]));
  return {
    children: children.map((child) => ({ id: child.id, name: childName(child) })),
    establishments: [...establishments].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    periods: [...new Set(periods.map((period) => period.name))].sort(),
  };
}

export type ReservationDetail = NonNullable<Awaited<ReturnType<typeof getReservationDetail>>>;

export async function getReservationDetail(db: Db, viewer: FamilyScope, reservationId: string) {
  const row = await db.reservation.findFirst({
    where: { id: reservationId, familyId: viewer.familyId },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      child: { select: { id: true, firstName: true, lastName: true } },
      period: { select: { id: true, validationMode: true, ...PERIOD_TITLE_SELECT } },
      replaces: { select: { id: true, number: true } },
      replacedBy: { select: { id: true, number: true } },
      days: {
        orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
        select: {
          date: true,
          status: true,
          staffMessage: true,
          unit: { select: { label: true, startTime: true, endTime: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    number: formatReservationNumber(row.number),
    status: row.status,
    state: reservationStateFromLines(
      row.status,
      row.days.map((line) => line.status),
    ),
    createdAt: formatDateTime(row.createdAt),
    child: { id: row.child.id, name: childName(row.child) },
    period: {
      id: row.period.id,
      title: periodTitle(row.period),
      establishment: row.period.establishment.name,
      activity: row.period.activity.name,
      name: row.period.name,
      validationMode: row.period.validationMode,
    },
    replaces: row.replaces ? { id: row.replaces.id, number: formatReservationNumber(row.replaces.number) } : null,
    replacedBy: row.replacedBy ? { id: row.replacedBy.id, number: formatReservationNumber(row.replacedBy.number) } : null,
    days: row.days.map((line) => ({
      date: dateToDay(line.date),
      unitLabel: line.unit.label,
      hours: `${line.unit.startTime} - ${line.unit.endTime}`,
      status: line.status,
      staffMessage: line.staffMessage,
    })),
    modifiable: row.status === "PENDING" || row.status === "ACCEPTED",
  };
}

/** Step 1: every child, with whether it may be booked and, if not, why. */
export async function getWizardChildren(db: Db, viewer: FamilyScope) {
  const completeness = await loadCompleteness(db, viewer.familyId);
  if (!completeness) return [];
  return completeness.children.map((child) => {
    const missing = [...(child.bookable ? [] : completeness.missing), ...child.missing];
    return {
      id: child.childId,
      name: child.name,
      bookable: child.bookable,
      missing: missing.map((item) => item.label),
      complete: completeLink(child.childId, missing),
    };
  });
}

async function ownedChild(db: Db, viewer: FamilyScope, childId: string) {
  const child = await db.child.findFirst({
    where: { id: childId, familyId: viewer.familyId },
    select: { id: true, firstName: true, lastName: true, birthDate: true, schoolId: true, schoolLevel: true },
  });
  return child ? { ...child, name: childName(child), birthDate: dateToDay(child.birthDate) } : null;
}

/** Step 2: the services this child may book ("seuls les services accessibles à cet enfant"). */
export async function getEligiblePeriods(db: Db, viewer: FamilyScope, childId: string, now: Date) {
  const child = await ownedChild(db, viewer, childId);
  if (!child) return null;
  const today = parisToday(now);
  const periods = await db.period.findMany({
    where: { active: true, establishment: { active: true } },
    orderBy: [{ establishment: { name: "asc" } }, { name: "asc" }],
    select: PERIOD_SELECT,
  });
  const eligible = periods.filter((period) => {
    const rules = periodRulesOf(period);
    if (today > lastBookingDay(rules) || today > rules.endDate) return false;
    const reference = today > rules.startDate ? today : rules.startDate;
    return childEligibility(child, eligibilityRulesOf(period), reference).eligible;
  });
  return {
    child: { id: child.id, name: child.name },
    periods: eligible.map((period) => ({
      id: period.id,
      establishment: period.establishment.name,
      activity: period.activity.name,
      name: period.name,
    })),
  };
}

/** Step 3, Votre sélection: the period's dates, opening days, last booking date and rule. */
export async function getPeriodSummary(db: Db, viewer: FamilyScope, childId: string, periodId: string, now: Date) {
  const eligible = await getEligiblePeriods(db, viewer, childId, now);
  if (!eligible || !eligible.periods.some((period) => period.id === periodId)) return null;
  const period = await db.period.findUnique({ where: { id: periodId }, select: PERIOD_SELECT });
  if (!period) return null;
  const rules = periodRulesOf(period);
  return {
    child: eligible.child,
    id: period.id,
    establishment: period.establishment.name,
    activity: period.activity.name,
    name: period.name,
    from: formatDay(rules.startDate),
    to: formatDay(rules.endDate),
    openWeekdays: openWeekdaysLabel(rules.openWeekdays),
    lastBookingDay: formatDay(lastBookingDay(rules)),
    bookingRule: describeRule(rules.bookingRule),
    changeRule: describeRule(rules.changeRule, "modifier ou annuler"),
    timeLimit: formatTimeOfDay(rules.bookingRule.timeOfDay),
    changeTimeLimit: formatTimeOfDay(rules.changeRule.timeOfDay),
  };
}

export type PlanningRow = {
  day: CalendarDay;
  closure: string | null;
  cells: (CellState & { unitId: string })[];
  /** The other children's bookings that day, for information. */
  others: string[];
};

export type Planning = NonNullable<Awaited<ReturnType<typeof getPlanning>>>;

/** Step 4: the planning of one child on one period (or the reservation being modified). */
export async function getPlanning(
  db: Db,
  viewer: FamilyScope,
  input: { childId: string; periodId: string; replacesId?: string | null },
  now: Date,
) {
  let replaces: { id: string; number: string } | null = null;
  let childId = input.childId;
  let periodId = input.periodId;
  if (input.replacesId) {
    const old = await db.reservation.findFirst({
      where: { id: input.replacesId, familyId: viewer.familyId, status: { in: ACTIVE_STATUSES } },
      select: { id: true, number: true, childId: true, periodId: true },
    });
    if (!old) return null;
    replaces = { id: old.id, number: formatReservationNumber(old.number) };
    childId = old.childId;
    periodId = old.periodId;
  }
  const child = await ownedChild(db, viewer, childId);
  if (!child) return null;
  const period = await db.period.findFirst({
    where: { id: periodId, active: true, establishment: { active: true } },
    select: PERIOD_SELECT,
  });
  if (!period) return null;
  const rules = periodRulesOf(period);
  const eligibilityRules = eligibilityRulesOf(period);
  if (!replaces) {
    const today = parisToday(now);
    const reference = today > rules.startDate ? today : rules.startDate;
    if (!childEligibility(child, eligibilityRules, reference).eligible) return null;
  }
  const unitIds = period.units.map((unit) => unit.id);
  const range = { gte: period.startDate, lte: period.endDate };
  const hasDayParts = period.units.some((unit) => unit.dayPart);
  const [closures, counters, childDays, otherDays, childParts] = await Promise.all([
    db.closure.findMany({ where: { periodId: period.id }, select: { date: true, reason: true } }),
    db.unitDay.findMany({
      where: { unitId: { in: unitIds }, date: range },
      select: { unitId: true, date: true, capacity: true, booked: true },
    }),
    db.reservationDay.findMany({
      where: { childId: child.id, unitId: { in: unitIds }, status: { in: ACTIVE_STATUSES } },
      select: { unitId: true, date: true, reservationId: true, reservation: { select: { number: true } } },
    }),
    db.reservationDay.findMany({
      where: {
        reservation: { familyId: viewer.familyId },
        childId: { not: child.id },
        status: { in: ACTIVE_STATUSES },
        date: range,
      },
      orderBy: [{ date: "asc" }],
      select: {
        date: true,
        child: { select: { firstName: true, lastName: true } },
        unit: { select: { label: true, period: { select: { establishment: { select: { name: true } } } } } },
      },
    }),
    // Journée vs demi-journée: the child's day parts booked on those dates, in any period.
    hasDayParts
      ? db.reservationDay.findMany({
          where: {
            childId: child.id,
            status: { in: ACTIVE_STATUSES },
            date: range,
            unit: { dayPart: { not: null } },
            ...(replaces ? { reservationId: { not: replaces.id } } : {}),
          },
          select: {
            unitId: true,
            date: true,
            unit: { select: { dayPart: true, label: true } },
            reservation: { select: { number: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  const closureMap = new Map(closures.map((closure) => [dateToDay(closure.date), closure.reason]));
  const counterMap = new Map(counters.map((counter) => [`${counter.unitId}|${dateToDay(counter.date)}`, counter]));
  const childMap = new Map(childDays.map((line) => [`${line.unitId}|${dateToDay(line.date)}`, line]));
  const partsMap = new Map<CalendarDay, typeof childParts>();
  for (const line of childParts) partsMap.set(dateToDay(line.date), [...(partsMap.get(dateToDay(line.date)) ?? []), line]);
  const othersMap = new Map<CalendarDay, string[]>();
  for (const line of otherDays) {
    const day = dateToDay(line.date);
    const text = `${childName(line.child)} : ${line.unit.period.establishment.name} – ${line.unit.label}`;
    othersMap.set(day, [...(othersMap.get(day) ?? []), text]);
  }

  const rows: PlanningRow[] = openDays(rules, closureMap).map(({ day, closure }) => ({
    day,
    closure,
    others: othersMap.get(day) ?? [],
    cells: period.units.map((unit) => {
      const key = `${unit.id}|${day}`;
      const counter = counterMap.get(key);
      const mine = childMap.get(key);
      const held = Boolean(replaces && mine && mine.reservationId === replaces.id);
      const clash = unit.dayPart
        ? partsMap.get(day)?.find((line) => line.unitId !== unit.id && dayPartsClash(unit.dayPart!, line.unit.dayPart!))
        : undefined;
      const state = cellState({
        day,
        now,
        period: rules,
        closureReason: closure,
        eligibility: childEligibility(child, eligibilityRules, day),
        capacity: counter?.capacity ?? unit.capacity,
        booked: counter?.booked ?? 0,
        heldByReplacedReservation: held,
        bookedElsewhere: mine && !held ? { number: mine.reservation.number } : null,
      });
      if (clash && state.kind === "bookable" && !state.checked) {
        const reason = dayPartClashReason(unit.dayPart!, clash.unit.dayPart!);
        return {
          unitId: unit.id,
          kind: "day_part" as const,
          checked: false,
          editable: false,
          reason: `${clash.unit.label} déjà réservé ce jour-là (réservation n° ${formatReservationNumber(clash.reservation.number)}) : ${reason}`,
        };
      }
      return { unitId: unit.id, ...state };
    }),
  }));
  const months = [...new Set(rows.map((row) => monthOf(row.day)))];
  const today = parisToday(now);
  const firstEditable = rows.find((row) => row.cells.some((cell) => cell.editable && !cell.checked))?.day;
  const firstHeld = rows.find((row) => row.cells.some((cell) => cell.checked && cell.editable))?.day;
  const startMonth = monthOf(firstHeld ?? firstEditable ?? (today > rules.startDate ? today : rules.startDate));
  return {
    child: { id: child.id, name: child.name },
    period: {
      id: period.id,
      title: periodTitle(period),
      establishment: period.establishment.name,
      activity: period.activity.name,
      name: period.name,
      validationMode: period.validationMode,
      bookingRule: describeRule(rules.bookingRule),
      timeLimit: formatTimeOfDay(rules.bookingRule.timeOfDay),
    },
    units: period.units.map((unit) => ({
      id: unit.id,
      label: unit.label,
      hours: `${unit.startTime} - ${unit.endTime}`,
      dayPart: unit.dayPart,
    })),
    /** Guide: « Pensez à sélectionner la journée et/ou la demi-journée » (leisure periods). */
    hasDayParts,
    rows,
    months,
    startMonth: months.includes(startMonth) ? startMonth : (months[0] ?? startMonth),
    replaces,
  };
}

// How a Period row (as selected by PERIOD_SELECT) maps onto the pure booking rules. No Prisma
// client here, only its types: the planning loader and the booking transaction share it.
import { dateToDay } from "@/lib/dates/calendar-day";
import type { Prisma } from "@/lib/db/generated/client";

import type { DeadlineRule, PeriodEligibility, PeriodRules } from "./booking-rules";

const RULE_SELECT = { kind: true, weekday: true, daysBefore: true, timeOfDay: true } as const;

export const PERIOD_SELECT = {
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  openWeekdays: true,
  lastBookingDate: true,
  validationMode: true,
  minAgeYears: true,
  maxAgeYears: true,
  schoolLevels: true,
  bookingRule: { select: RULE_SELECT },
  changeRule: { select: RULE_SELECT },
  establishment: { select: { id: true, name: true } },
  activity: { select: { name: true } },
  units: {
    select: { id: true, label: true, startTime: true, endTime: true, capacity: true, dayPart: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
  },
  eligibleSchools: { select: { schoolId: true } },
} satisfies Prisma.PeriodSelect;

export type PeriodRow = Prisma.PeriodGetPayload<{ select: typeof PERIOD_SELECT }>;

const rule = (row: PeriodRow["bookingRule"]): DeadlineRule => ({
  kind: row.kind,
  weekday: row.weekday,
  daysBefore: row.daysBefore,
  timeOfDay: row.timeOfDay,
});

export function periodRulesOf(period: PeriodRow): PeriodRules {
  return {
    startDate: dateToDay(period.startDate),
    endDate: dateToDay(period.endDate),
    openWeekdays: period.openWeekdays,
    lastBookingDate: period.lastBookingDate ? dateToDay(period.lastBookingDate) : null,
    bookingRule: rule(period.bookingRule),
    changeRule: rule(period.changeRule),
  };
}

export function eligibilityRulesOf(period: PeriodRow): PeriodEligibility {
  return {
    minAgeYears: period.minAgeYears,
    maxAgeYears: period.maxAgeYears,
    schoolLevels: period.schoolLevels,
    eligibleSchoolIds: period.eligibleSchools.map((school) => school.schoolId),
  };
}

/** "CANTINE ELEMENTAIRE CAMBON / RESTAURATION SCOLAIRE CANTINE ELEMENTAIRE 2026-2027" */
/** What periodTitle needs, as a `select`. */
/** What a period's title (« ÉTABLISSEMENT / ACTIVITÉ période ») is made of. */
export const PERIOD_TITLE_SELECT = {
  name: true,
  establishment: { select: { name: true } },
  activity: { select: { name: true } },
} as const;

export const PERIOD_TITLE_FIELDS = { select: PERIOD_TITLE_SELECT } as const;

export function periodTitle(period: { name: string; establishment: { name: string }; activity: { name: string } }): string {
  return `${period.establishment.name} / ${period.activity.name} ${period.name}`;
}

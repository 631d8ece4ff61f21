import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { PERIOD_TITLE_SELECT } from "@/lib/reservations/period-rules";

export const RULE_FIELDS = { select: { kind: true, weekday: true, daysBefore: true, timeOfDay: true } } as const;

/** A period's own values, as staff set them (and as its audit entries record them). */
export const PERIOD_VALUES = {
  name: true,
  startDate: true,
  endDate: true,
  lastBookingDate: true,
  openWeekdays: true,
  validationMode: true,
  minAgeYears: true,
  maxAgeYears: true,
  schoolLevels: true,
  active: true,
} as const satisfies Prisma.PeriodSelect;

/** A unit's own values, as the period page, the unit page and the daily lists show them. */
export const UNIT_FIELDS = {
  id: true,
  label: true,
  startTime: true,
  endTime: true,
  capacity: true,
} as const satisfies Prisma.UnitSelect;

/** A period's own settings, as its page and its edit form both show them. */
export const PERIOD_SETTINGS = {
  id: true,
  ...PERIOD_VALUES,
  establishment: { select: { name: true } },
  bookingRule: RULE_FIELDS,
  changeRule: RULE_FIELDS,
} as const satisfies Prisma.PeriodSelect;

/** The schools, for the establishment, period and child forms. */
export async function listSchools(db: Db): Promise<{ id: string; name: string }[]> {
  return db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The activities as a form's choices, in the catalogue's order. */
export async function listActivityChoices(db: Db): Promise<{ id: string; name: string }[]> {
  return db.activity.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}

/** The open establishments as a filter's choices, by name. */
export async function listOpenEstablishments(db: Db): Promise<{ id: string; name: string }[]> {
  return db.establishment.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function listPeriods(db: Db) {
  return db.period.findMany({
    orderBy: [{ establishment: { name: "asc" } }, { startDate: "desc" }],
    select: {
      id: true,
      ...PERIOD_TITLE_SELECT,
      startDate: true,
      endDate: true,
      validationMode: true,
      active: true,
      _count: { select: { closures: true, units: true } },
    },
  });
}

export async function getPeriod(db: Db, viewer: StaffViewer, periodId: string) {
  assertStaffViewer(viewer);
  return db.period.findUnique({
    where: { id: periodId },
    select: {
      ...PERIOD_SETTINGS,
      activity: { select: { name: true } },
      eligibleSchools: { select: { school: { select: { name: true } } } },
      units: {
        orderBy: { sortOrder: "asc" },
        select: {
          ...UNIT_FIELDS,
          dayPart: true,
          tariffs: {
            select: { priceCents: true, bracket: { select: { label: true, minQf: true } } },
            orderBy: { bracket: { minQf: "asc" } },
          },
        },
      },
    },
  });
}

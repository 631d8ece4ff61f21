import "server-only";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const RULE_FIELDS = { select: { kind: true, weekday: true, daysBefore: true, timeOfDay: true } } as const;

/** A period's own settings, as its page and its edit form both show them. */
export const PERIOD_SETTINGS = {
  id: true,
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
  establishment: { select: { name: true } },
  bookingRule: RULE_FIELDS,
  changeRule: RULE_FIELDS,
} as const satisfies Prisma.PeriodSelect;

export async function listPeriods() {
  return getDb().period.findMany({
    orderBy: [{ establishment: { name: "asc" } }, { startDate: "desc" }],
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      validationMode: true,
      active: true,
      establishment: { select: { name: true } },
      activity: { select: { name: true } },
      _count: { select: { closures: true, units: true } },
    },
  });
}

export async function getPeriod(viewer: StaffViewer, periodId: string) {
  assertStaffViewer(viewer);
  return getDb().period.findUnique({
    where: { id: periodId },
    select: {
      ...PERIOD_SETTINGS,
      activity: { select: { name: true } },
      eligibleSchools: { select: { school: { select: { name: true } } } },
      units: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          label: true,
          startTime: true,
          endTime: true,
          capacity: true,
          tariffs: { select: { priceCents: true, bracket: { select: { label: true, minQf: true } } }, orderBy: { bracket: { minQf: "asc" } } },
        },
      },
    },
  });
}

import "server-only";
import type { StaffViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

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

export async function getPeriod(_viewer: StaffViewer, periodId: string) {
  return getDb().period.findUnique({
    where: { id: periodId },
    select: {
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
      activity: { select: { name: true } },
      bookingRule: { select: { kind: true, weekday: true, daysBefore: true, timeOfDay: true } },
      changeRule: { select: { kind: true, weekday: true, daysBefore: true, timeOfDay: true } },
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

// Fixtures for the staff back-office tests: a small catalogue, families, staff viewers and
// reservations written straight into the database (the parent booking flow is another
// feature), with UnitDay counters kept equal to the PENDING + ACCEPTED lines (checked by
// tests/helpers/counters.ts).
import type { StaffViewer } from "@/lib/auth/session";
import { dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MailTown } from "@/lib/mail/render-mail";

export async function createStaffViewer(
  prisma: PrismaClient,
  role: "AGENT" | "ADMIN",
  email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@mairie.test`,
): Promise<StaffViewer> {
  const user = await prisma.user.create({ data: { email, role, firstName: "Test", lastName: role }, select: { id: true } });
  return { userId: user.id, email, name: `Test ${role}`, role, familyId: null };
}

/** The town as the mails present it (lib/mail/render-mail.ts), for tests that render mails without a database. */
export const MAIL_TOWN: MailTown = {
  townName: "Ville de Rodez",
  portalName: "Portail Familles",
  guichetName: "Guichet unique",
  guichetPhone: "05 65 77 88 78",
  guichetEmail: "guichet@mairie-rodez.fr",
};

export async function createTown(prisma: PrismaClient) {
  await prisma.townSettings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      townName: "Ville de Rodez",
      guichetPhone: "05 65 77 88 78",
      guichetEmail: "guichet@mairie-rodez.fr",
      guichetAddress: "Place Sainte-Catherine",
      guichetHours: "8h30-17h30",
    },
  });
}

/** One school, a canteen (REPAS ENFANT) and an after-school club (MATIN, SOIR, manual validation). */
export async function createCatalogue(prisma: PrismaClient, schoolName = "Cambon") {
  const school = await prisma.school.create({ data: { name: schoolName } });
  const rule = await prisma.deadlineRule.create({ data: { kind: "DAYS_BEFORE", daysBefore: 2, timeOfDay: 1439 } });
  const activity = async (code: string, name: string) =>
    (await prisma.activity.upsert({ where: { code }, update: {}, create: { code, name }, select: { id: true } })).id;
  const canteenActivity = await activity("RESTAURATION_SCOLAIRE", "RESTAURATION SCOLAIRE");
  const clubActivity = await activity("PERISCOLAIRE", "PERISCOLAIRE");
  const period = async (
    prefix: string,
    activityId: string,
    validationMode: "AUTO" | "MANUAL",
    units: { label: string; start: string; end: string; capacity: number }[],
  ) => {
    const establishment = await prisma.establishment.create({
      data: { name: `${prefix} ${schoolName.toUpperCase()}`, schoolId: school.id },
    });
    return prisma.period.create({
      data: {
        establishmentId: establishment.id,
        activityId,
        name: `${prefix} 2026-2027`,
        startDate: dayToDate("2026-09-01"),
        endDate: dayToDate("2027-07-02"),
        openWeekdays: [1, 2, 4, 5],
        bookingRuleId: rule.id,
        changeRuleId: rule.id,
        validationMode,
        units: {
          create: units.map((unit, index) => ({
            label: unit.label,
            startTime: unit.start,
            endTime: unit.end,
            capacity: unit.capacity,
            sortOrder: index,
          })),
        },
      },
      select: { id: true, establishmentId: true, units: { select: { id: true, label: true }, orderBy: { sortOrder: "asc" } } },
    });
  };
  const canteen = await period("CANTINE ELEMENTAIRE", canteenActivity, "AUTO", [
    { label: "REPAS ENFANT", start: "12:15", end: "13:00", capacity: 120 },
  ]);
  const club = await period("GARDERIE ELEMENTAIRE", clubActivity, "MANUAL", [
    { label: "MATIN", start: "07:30", end: "08:50", capacity: 40 },
    { label: "SOIR", start: "16:30", end: "18:30", capacity: 40 },
  ]);
  return { school, canteen, club };
}

export async function createFamily(
  prisma: PrismaClient,
  name: string,
  options: {
    email?: string;
    children?: {
      firstName: string;
      schoolId?: string;
      schoolClass?: string;
      diet?: "AUCUN" | "SANS_PORC" | "VEGETARIEN" | "ALLERGIE_PAI";
      allergies?: string;
    }[];
  } = {},
) {
  const family = await prisma.family.create({
    data: {
      name,
      users: {
        create: {
          email: options.email ?? `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@exemple.fr`,
          role: "PARENT",
          activatedAt: new Date(),
        },
      },
    },
    select: { id: true, users: { select: { id: true, email: true } } },
  });
  const children = [];
  for (const child of options.children ?? [{ firstName: "Zoé" }]) {
    children.push(
      await prisma.child.create({
        data: {
          familyId: family.id,
          firstName: child.firstName,
          lastName: name,
          birthDate: dayToDate("2018-03-04"),
          schoolId: child.schoolId,
          schoolLevel: "CE1",
          schoolClass: child.schoolClass ?? "CE1 A",
          health:
            child.diet || child.allergies
              ? { create: { dietKind: child.diet ?? "AUCUN", allergies: child.allergies, hasPai: child.diet === "ALLERGIE_PAI" } }
              : undefined,
          emergencyContacts: { create: { position: 1, name: `Mamie ${name}`, relation: "Grand-mère", phone: "06 11 22 33 44" } },
        },
        select: { id: true, firstName: true },
      }),
    );
  }
  return { id: family.id, user: family.users[0], children };
}

/** A reservation whose lines all have `status`, with the UnitDay counters incremented. */
export async function createReservation(
  prisma: PrismaClient,
  input: {
    familyId: string;
    childId: string;
    periodId: string;
    lines: { unitId: string; day: CalendarDay }[];
    status: "PENDING" | "ACCEPTED";
  },
) {
  return prisma.$transaction(async (tx) => {
    const days = input.lines.map((line) => line.day).sort();
    const reservation = await tx.reservation.create({
      data: {
        familyId: input.familyId,
        childId: input.childId,
        periodId: input.periodId,
        status: input.status,
        firstDate: dayToDate(days[0]),
        lastDate: dayToDate(days[days.length - 1]),
        days: {
          create: input.lines.map((line) => ({
            childId: input.childId,
            unitId: line.unitId,
            date: dayToDate(line.day),
            status: input.status,
          })),
        },
      },
      select: { id: true, number: true, days: { select: { id: true, unitId: true, date: true } } },
    });
    for (const line of input.lines) {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: line.unitId }, select: { capacity: true } });
      await tx.unitDay.upsert({
        where: { unitId_date: { unitId: line.unitId, date: dayToDate(line.day) } },
        update: { booked: { increment: 1 } },
        create: { unitId: line.unitId, date: dayToDate(line.day), capacity: unit.capacity, booked: 1 },
      });
    }
    return reservation;
  });
}

/** A reservation (see createReservation) for a child of a family made by createFamily: its first one unless `child` is given. */
export function createFamilyReservation(
  prisma: PrismaClient,
  family: { id: string; children: { id: string }[] },
  periodId: string,
  status: "PENDING" | "ACCEPTED",
  lines: { unitId: string; day: CalendarDay }[],
  child = 0,
) {
  return createReservation(prisma, { familyId: family.id, childId: family.children[child].id, periodId, lines, status });
}

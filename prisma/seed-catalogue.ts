// The demo's leisure activities (issue #17, SPEC §6): ACCUEIL DE LOISIRS, JEUNESSE and SPORTS
// VACANCES, with journée and demi-journée units, as the guide's service line lists them
// (« Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports Vacances »). Dates
// follow today like the demo's school years (lib/catalogue/school-calendar.ts): the Wednesdays
// of each bookable school year and the next school holidays. Idempotent: establishments by name,
// periods by (establishment, name); a demo seeded before adds what is missing.
import { frenchPublicHolidays } from "@/lib/catalogue/public-holidays";
import { schoolYear, type SchoolHoliday, type SchoolYear } from "@/lib/catalogue/school-calendar";
import { addDays, dayToDate, eachDay, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { DayPart, PrismaClient, SchoolLevel, ValidationMode } from "@/lib/db/generated/client";

type LeisureUnit = { label: string; dayPart: DayPart; startTime: string; endTime: string; capacity: number; prices: number[] };

/** Journée, matin, après-midi: the guide's « journée et/ou demi-journée ». Prices per QF bracket, in cents. */
function dayAndHalfDays(capacity: number, dayPrices: number[], halfDayPrices: number[]): LeisureUnit[] {
  return [
    { label: "JOURNEE", dayPart: "FULL_DAY", startTime: "07:45", endTime: "18:15", capacity, prices: dayPrices },
    { label: "MATIN", dayPart: "MORNING", startTime: "07:45", endTime: "12:00", capacity: capacity / 2, prices: halfDayPrices },
    {
      label: "APRES-MIDI",
      dayPart: "AFTERNOON",
      startTime: "13:30",
      endTime: "18:15",
      capacity: capacity / 2,
      prices: halfDayPrices,
    },
  ];
}

const ELEMENTARY: SchoolLevel[] = ["CP", "CE1", "CE2", "CM1", "CM2"];

type LeisureService = {
  establishment: string;
  activity: "ALSH" | "JEUNESSE" | "SPORTS_VACANCES";
  validationMode: ValidationMode;
  schoolLevels: SchoolLevel[];
  minAgeYears?: number;
  maxAgeYears?: number;
  /** The Wednesdays of each bookable school year, besides the next school holidays. */
  wednesdays: boolean;
  units: LeisureUnit[];
};

// Names begin with their service, as the guide's establishments do (« CANTINE ELEMENTAIRE CAMBON »).
export const LEISURE_SERVICES: LeisureService[] = [
  {
    establishment: "ACCUEIL DE LOISIRS SAINT-FELIX",
    activity: "ALSH",
    validationMode: "AUTO",
    schoolLevels: ELEMENTARY,
    wednesdays: true,
    units: dayAndHalfDays(48, [450, 800, 1150, 1500], [250, 450, 650, 850]),
  },
  {
    establishment: "ACCUEIL DE LOISIRS GOURGAN MATERNELLE",
    activity: "ALSH",
    validationMode: "AUTO",
    schoolLevels: ["PS", "MS", "GS"],
    wednesdays: true,
    units: dayAndHalfDays(32, [450, 800, 1150, 1500], [250, 450, 650, 850]),
  },
  {
    establishment: "JEUNESSE ESPACE ADOS",
    activity: "JEUNESSE",
    validationMode: "AUTO",
    schoolLevels: ["COLLEGE", "LYCEE"],
    maxAgeYears: 17,
    wednesdays: false,
    units: dayAndHalfDays(24, [300, 550, 800, 1050], [150, 300, 450, 600]),
  },
  {
    // Guide: a service validated by its staff — « Elle apparaît en ATTENTE DE TRAITEMENT ».
    establishment: "SPORTS VACANCES COMPLEXE SPORTIF DE VABRE",
    activity: "SPORTS_VACANCES",
    validationMode: "MANUAL",
    schoolLevels: [...ELEMENTARY, "COLLEGE"],
    wednesdays: false,
    units: dayAndHalfDays(40, [500, 900, 1300, 1700], [300, 500, 700, 900]),
  },
];

type LeisurePeriod = { name: string; start: CalendarDay; end: CalendarDay; openWeekdays: number[]; closed: SchoolHoliday[] };

/** « MERCREDIS 2026-2027 »: the Wednesdays of the school year, its holidays closed. */
export function wednesdaysPeriod(year: SchoolYear): LeisurePeriod {
  return { name: `MERCREDIS ${year.label}`, start: year.start, end: year.end, openWeekdays: [3], closed: year.holidays };
}

/**
 * The next school holidays after `today` (Toussaint, Noël, hiver, printemps or summer — July),
 * Monday to Friday: « VACANCES DE NOËL 2026 ». The Ascension bridge is not a holiday period.
 */
export function nextHolidaysPeriod(today: CalendarDay): LeisurePeriod {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year].flatMap((startYear) => {
    const school = schoolYear(startYear);
    const summerStart = addDays(school.end, 1);
    const summer = { from: summerStart, to: addDays(summerStart, 29), reason: "Vacances d'été" };
    return [...school.holidays.filter((holiday) => holiday.from !== holiday.to), summer];
  });
  const next = candidates.filter((holiday) => holiday.from > today).sort((a, b) => a.from.localeCompare(b.from))[0];
  const monday = addDays(next.from, 2); // holidays run from a Saturday to a Sunday
  const friday = addDays(next.to, -2);
  return {
    name: `${next.reason.toUpperCase()} ${next.from.slice(0, 4)}`,
    start: monday,
    end: friday,
    openWeekdays: [1, 2, 3, 4, 5],
    closed: [],
  };
}

function closuresOf(period: LeisurePeriod): { day: CalendarDay; reason: string }[] {
  const closures = new Map<CalendarDay, string>();
  for (const holiday of period.closed) for (const day of eachDay(holiday.from, holiday.to)) closures.set(day, holiday.reason);
  for (const calendarYear of new Set([Number(period.start.slice(0, 4)), Number(period.end.slice(0, 4))])) {
    for (const holiday of frenchPublicHolidays(calendarYear)) {
      if (!closures.has(holiday.day)) closures.set(holiday.day, `Jour férié : ${holiday.name}`);
    }
  }
  return [...closures]
    .filter(([day]) => day >= period.start && day <= period.end && period.openWeekdays.includes(isoWeekday(day)))
    .map(([day, reason]) => ({ day, reason }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The leisure establishments, their periods (Wednesdays of `schoolYears`, next holidays after
 * `today`), units and tariffs; what exists already is kept as the town left it.
 */
export async function seedLeisureCatalogue(
  prisma: PrismaClient,
  input: {
    today: CalendarDay;
    schoolYears: SchoolYear[];
    activityIds: Map<string, string>;
    bracketIds: string[];
    bookingRuleId: string;
  },
): Promise<void> {
  for (const service of LEISURE_SERVICES) {
    const establishment = await prisma.establishment.upsert({
      where: { name: service.establishment },
      update: {},
      create: { name: service.establishment },
      select: { id: true },
    });
    const periods = [...(service.wednesdays ? input.schoolYears.map(wednesdaysPeriod) : []), nextHolidaysPeriod(input.today)];
    for (const period of periods) {
      const existing = await prisma.period.findUnique({
        where: { establishmentId_name: { establishmentId: establishment.id, name: period.name } },
        select: { id: true },
      });
      if (existing) continue;
      await prisma.$transaction(async (tx) => {
        const created = await tx.period.create({
          data: {
            establishmentId: establishment.id,
            activityId: input.activityIds.get(service.activity)!,
            name: period.name,
            startDate: dayToDate(period.start),
            endDate: dayToDate(period.end),
            openWeekdays: period.openWeekdays,
            lastBookingDate: dayToDate(period.end),
            bookingRuleId: input.bookingRuleId,
            changeRuleId: input.bookingRuleId,
            validationMode: service.validationMode,
            schoolLevels: service.schoolLevels,
            minAgeYears: service.minAgeYears ?? null,
            maxAgeYears: service.maxAgeYears ?? null,
            closures: {
              createMany: {
                data: closuresOf(period).map((closure) => ({ date: dayToDate(closure.day), reason: closure.reason })),
              },
            },
          },
          select: { id: true },
        });
        for (const [index, unit] of service.units.entries()) {
          await tx.unit.create({
            data: {
              periodId: created.id,
              label: unit.label,
              dayPart: unit.dayPart,
              startTime: unit.startTime,
              endTime: unit.endTime,
              capacity: unit.capacity,
              sortOrder: index,
              tariffs: {
                createMany: {
                  data: unit.prices.map((priceCents, bracket) => ({ bracketId: input.bracketIds[bracket], priceCents })),
                },
              },
            },
          });
        }
      });
    }
  }
}

/**
 * Eligibility by level, as the guide shows it (Julien, in CM2 at Cambon, is offered the canteens
 * and garderies of the seven schools). Demos seeded before this had each canteen and garderie
 * period narrowed to its own school: that narrowing is lifted once, on the run that first adds
 * the leisure establishments — afterwards, a school a town chose for a period is left alone.
 */
export async function openDemoSchoolServicesByLevel(prisma: PrismaClient): Promise<void> {
  const leisureSeeded = await prisma.establishment.count({ where: { name: LEISURE_SERVICES[0].establishment } });
  if (leisureSeeded > 0) return;
  await prisma.periodEligibleSchool.deleteMany({
    where: {
      period: {
        OR: [
          { establishment: { name: { startsWith: "CANTINE ELEMENTAIRE " } } },
          { establishment: { name: { startsWith: "GARDERIE ELEMENTAIRE " } } },
        ],
      },
    },
  });
}

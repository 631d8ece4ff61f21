// The demo's petite enfance (issue #15 point 7): two crèches — « MULTI-ACCUEIL LES PITCHOUNS »
// (bébés 10, moyens 15, grands 15; 07:30–18:30) billed by the « Régie petite enfance » (code PE,
// seeded by prisma/seed-psu.ts; tolerated absent) and « CRÈCHE FAMILIALE DU FOIRAIL » —, the
// default admission criteria, two other demo families (LAFON, CAZALS: no portal account) whose
// requests are on the MULTI-ACCUEIL's waiting list at positions 1 and 2, and the TEST family's
// « Enfant à naître » request (birth expected three months after the seed's clock, wished start
// after it, Lun–Jeu 8h30–17h30, two crèches) at position 3. Dates follow the seed's « today ».
// Idempotent: fixed ids, each row created once; the waiting lists are only ever appended to
// through lib/early-childhood/waiting-list.ts, which keeps positions 1..n.
import { addDays, dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { CrecheAgeGroup } from "@/lib/db/generated/enums";
import { DEFAULT_CRITERIA } from "@/lib/early-childhood/commission-ranking";
import { appendToWaitingLists } from "@/lib/early-childhood/waiting-list";

export const DEMO_EARLY_CHILDHOOD_IDS = {
  pitchouns: "00000000-0000-4000-8000-0000000ec001",
  foirail: "00000000-0000-4000-8000-0000000ec002",
  lafon: "00000000-0000-4000-8000-0000000ef002",
  cazals: "00000000-0000-4000-8000-0000000ef003",
  lafonChild: "00000000-0000-4000-8000-0000000ec103",
  cazalsChild: "00000000-0000-4000-8000-0000000ec104",
  lafonRequest: "00000000-0000-4000-8000-0000000ed001",
  cazalsRequest: "00000000-0000-4000-8000-0000000ed002",
  testRequest: "00000000-0000-4000-8000-0000000ed003",
} as const;

const IDS = DEMO_EARLY_CHILDHOOD_IDS;

const MON_THU = [1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" }));
const MON_FRI = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "08:00", to: "17:00" }));

/** The first day of the month after `day` plus `days`. */
function monthStartAfter(day: CalendarDay, days: number): CalendarDay {
  const shifted = addDays(day, days);
  const [year, month] = shifted.split("-").map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

async function seedCreche(
  prisma: PrismaClient,
  creche: { id: string; code: string; name: string; address: string; sortOrder: number; regieId: string | null },
  places: Record<CrecheAgeGroup, number>,
) {
  const existing = await prisma.creche.findUnique({ where: { id: creche.id }, select: { regieId: true } });
  if (existing) {
    // The régie may be seeded after a first run: link it then, never change what staff set.
    if (!existing.regieId && creche.regieId)
      await prisma.creche.update({ where: { id: creche.id }, data: { regieId: creche.regieId } });
    return;
  }
  await prisma.creche.create({
    data: {
      ...creche,
      opensAt: "07:30",
      closesAt: "18:30",
      capacities: {
        create: (Object.entries(places) as [CrecheAgeGroup, number][]).map(([ageGroup, count]) => ({ ageGroup, places: count })),
      },
    },
  });
}

async function seedFamily(
  prisma: PrismaClient,
  family: {
    id: string;
    name: string;
    childId: string;
    childFirstName: string;
    birthDay: CalendarDay;
    professions: [string, string];
  },
) {
  if (await prisma.family.findUnique({ where: { id: family.id }, select: { id: true } })) return;
  await prisma.family.create({
    data: {
      id: family.id,
      civility: "M_ET_MME",
      name: family.name,
      street: family.name === "LAFON" ? "4 RUE DU BAMBOULA" : "12 AVENUE DE PARIS",
      postalCode: "12000",
      city: "RODEZ",
      situation: "MARIES",
      guardians: {
        create: [
          { position: 1, civility: "M", lastName: family.name, firstName: "PAUL", profession: family.professions[0] },
          { position: 2, civility: "MME", lastName: family.name, firstName: "CLAIRE", profession: family.professions[1] },
        ],
      },
      children: {
        create: {
          id: family.childId,
          lastName: family.name,
          firstName: family.childFirstName,
          birthDate: dayToDate(family.birthDay),
        },
      },
    },
  });
}

async function seedWaitingRequest(
  prisma: PrismaClient,
  request: {
    id: string;
    familyId: string;
    childId?: string;
    expectedBirthDate?: CalendarDay;
    wishedStartDate: CalendarDay;
    schedule: { weekday: number; from: string; to: string }[];
    submittedOn: CalendarDay;
    crecheIds: string[];
    comments?: string;
  },
) {
  if (await prisma.earlyChildhoodRequest.findUnique({ where: { id: request.id }, select: { id: true } })) return;
  const submittedAt = new Date(`${request.submittedOn}T09:00:00Z`);
  await prisma.$transaction(async (tx) => {
    await tx.earlyChildhoodRequest.create({
      data: {
        id: request.id,
        familyId: request.familyId,
        childId: request.childId ?? null,
        expectedBirthDate: request.expectedBirthDate ? dayToDate(request.expectedBirthDate) : null,
        wishedStartDate: dayToDate(request.wishedStartDate),
        wishedSchedule: request.schedule,
        comments: request.comments ?? null,
        status: "WAITING_LIST",
        submittedAt,
        decidedAt: addDaysToDate(submittedAt, 7),
        choices: { create: request.crecheIds.map((crecheId, index) => ({ crecheId, rank: index + 1 })) },
        decisions: { create: { kind: "WAITING_LIST", decidedAt: addDaysToDate(submittedAt, 7) } },
      },
    });
    await appendToWaitingLists(tx, request.id);
  });
}

function addDaysToDate(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export async function seedDemoEarlyChildhood(prisma: PrismaClient, ids: { family: string }, today: CalendarDay): Promise<void> {
  for (const criterion of DEFAULT_CRITERIA) {
    await prisma.admissionCriterion.upsert({ where: { code: criterion.code }, update: {}, create: criterion });
  }
  const regie = await prisma.regie.findUnique({ where: { code: "PE" }, select: { id: true } });
  await seedCreche(
    prisma,
    {
      id: IDS.pitchouns,
      code: "PITCHOUNS",
      name: "MULTI-ACCUEIL LES PITCHOUNS",
      address: "2 rue des Coquelicots, 12000 Rodez",
      sortOrder: 1,
      regieId: regie?.id ?? null,
    },
    { BEBES: 10, MOYENS: 15, GRANDS: 15 },
  );
  await seedCreche(
    prisma,
    {
      id: IDS.foirail,
      code: "FOIRAIL",
      name: "CRÈCHE FAMILIALE DU FOIRAIL",
      address: "Avenue Victor-Hugo, 12000 Rodez",
      sortOrder: 2,
      regieId: regie?.id ?? null,
    },
    { BEBES: 6, MOYENS: 8, GRANDS: 8 },
  );

  await seedFamily(prisma, {
    id: IDS.lafon,
    name: "LAFON",
    childId: IDS.lafonChild,
    childFirstName: "LÉO",
    birthDay: addDays(today, -240),
    professions: ["Boulanger", "Infirmière"],
  });
  await seedFamily(prisma, {
    id: IDS.cazals,
    name: "CAZALS",
    childId: IDS.cazalsChild,
    childFirstName: "INÈS",
    birthDay: addDays(today, -150),
    professions: ["Professeur", "Comptable"],
  });

  // In this order, so that the MULTI-ACCUEIL's list reads LAFON 1, CAZALS 2, TEST 3.
  await seedWaitingRequest(prisma, {
    id: IDS.lafonRequest,
    familyId: IDS.lafon,
    childId: IDS.lafonChild,
    wishedStartDate: monthStartAfter(today, 30),
    schedule: MON_FRI,
    submittedOn: addDays(today, -150),
    crecheIds: [IDS.pitchouns],
  });
  await seedWaitingRequest(prisma, {
    id: IDS.cazalsRequest,
    familyId: IDS.cazals,
    childId: IDS.cazalsChild,
    wishedStartDate: monthStartAfter(today, 60),
    schedule: MON_FRI,
    submittedOn: addDays(today, -100),
    crecheIds: [IDS.pitchouns, IDS.foirail],
  });
  if (await prisma.family.findUnique({ where: { id: ids.family }, select: { id: true } })) {
    const expectedBirth = addDays(today, 90);
    await seedWaitingRequest(prisma, {
      id: IDS.testRequest,
      familyId: ids.family,
      expectedBirthDate: expectedBirth,
      wishedStartDate: monthStartAfter(expectedBirth, 90),
      schedule: MON_THU,
      submittedOn: addDays(today, -40),
      crecheIds: [IDS.pitchouns, IDS.foirail],
      comments: "Reprise du travail à la fin du congé maternité.",
    });
  }
}

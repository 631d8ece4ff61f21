// Demo data: the town of Rodez as the user guide shows it (SPEC.md §12). Idempotent: every
// row has a fixed id or a natural key and is upserted, so running it again changes nothing.
import crypto from "node:crypto";

import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { hashPassword } from "@/lib/auth/password";
import { sealTotpSecret } from "@/lib/auth/totp-secret";
import { frenchPublicHolidays } from "@/lib/catalogue/public-holidays";
import { bookableSchoolYears, BOOKINGS_OPEN_ON, type SchoolYear } from "@/lib/catalogue/school-calendar";
import * as clock from "@/lib/clock";
import { dayToDate, eachDay, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { writeLocalFile } from "@/lib/storage/local-disk";

import { seedDemoBilling } from "./seed-billing";
import { openDemoSchoolServicesByLevel, seedLeisureCatalogue } from "./seed-catalogue";
import { seedDemoEarlyChildhood } from "./seed-early-childhood";
import { seedPsu } from "./seed-psu";

export const DEMO_PASSWORD = "portail-demo-2026";
export const DEMO_ACCOUNTS = {
  parent: "famille.test@demo.fr",
  agent: "agent@demo.fr",
  admin: "admin@demo.fr",
} as const;

const SCHOOLS = ["Cambon", "Cardaillac", "Flaugergues", "Foch", "Gourgan", "Mitterrand", "Ramadier"];
// The guide's seven schools are groupes scolaires: maternelle and élémentaire (TPS to CM2).
const SCHOOL_KIND = "PRIMAIRE" as const;
const SCHOOL_LEVELS_OFFERED = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"] as const;

// The demo never expires: its school years are computed from today (lib/catalogue/school-calendar.ts,
// zone C like Rodez) — the current one, and the next one once its bookings open in June.
const OPEN_WEEKDAYS = [1, 2, 4, 5]; // lundi, mardi, jeudi, vendredi

// Fixed ids: what the seed creates can be found again by the next run and by the tests.
export const DEMO_IDS = {
  family: "00000000-0000-4000-8000-00000000f001",
  julie: "00000000-0000-4000-8000-00000000c001",
  julien: "00000000-0000-4000-8000-00000000c002",
  bookingRule: "00000000-0000-4000-8000-00000000d001",
  julienVaccination: "00000000-0000-4000-8000-00000000a001",
} as const;

function stableId(...parts: string[]): string {
  // A deterministic UUID-shaped id from a natural key.
  const hex = crypto.createHash("sha256").update(parts.join("|")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function closureDays(year: SchoolYear): { day: CalendarDay; reason: string }[] {
  const closures = new Map<CalendarDay, string>();
  for (const holiday of year.holidays) {
    for (const day of eachDay(holiday.from, holiday.to)) closures.set(day, holiday.reason);
  }
  for (const calendarYear of [year.startYear, year.startYear + 1]) {
    for (const holiday of frenchPublicHolidays(calendarYear)) {
      if (!closures.has(holiday.day)) closures.set(holiday.day, `Jour férié : ${holiday.name}`);
    }
  }
  return [...closures]
    .filter(([day]) => day >= year.start && day <= year.end && OPEN_WEEKDAYS.includes(isoWeekday(day)))
    .map(([day, reason]) => ({ day, reason }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

const SERVICES = [
  {
    prefix: "CANTINE ELEMENTAIRE",
    activity: "RESTAURATION_SCOLAIRE",
    validationMode: "AUTO" as const,
    units: [{ label: "REPAS ENFANT", startTime: "12:15", endTime: "13:00", capacity: 120, prices: [80, 180, 290, 390] }],
  },
  {
    prefix: "GARDERIE ELEMENTAIRE",
    activity: "PERISCOLAIRE",
    validationMode: "MANUAL" as const,
    units: [
      { label: "MATIN", startTime: "07:30", endTime: "08:50", capacity: 40, prices: [50, 90, 130, 160] },
      { label: "SOIR", startTime: "16:30", endTime: "18:30", capacity: 40, prices: [70, 120, 170, 210] },
    ],
  },
];

/** The period of a service at a school for a school year ("CANTINE ELEMENTAIRE 2026-2027"), unless it exists. True when created. */
async function seedPeriod(
  prisma: PrismaClient,
  place: { establishmentId: string; schoolId: string; activityId: string },
  service: (typeof SERVICES)[number],
  year: SchoolYear,
  bracketIds: string[],
): Promise<boolean> {
  const name = `${service.prefix} ${year.label}`;
  const existing = await prisma.period.findUnique({
    where: { establishmentId_name: { establishmentId: place.establishmentId, name } },
    select: { id: true },
  });
  if (existing) return false;
  await prisma.$transaction(async (tx) => {
    const period = await tx.period.create({
      data: {
        establishmentId: place.establishmentId,
        activityId: place.activityId,
        name,
        startDate: dayToDate(year.start),
        endDate: dayToDate(year.end),
        openWeekdays: OPEN_WEEKDAYS,
        lastBookingDate: dayToDate(year.end),
        bookingRuleId: DEMO_IDS.bookingRule,
        changeRuleId: DEMO_IDS.bookingRule,
        validationMode: service.validationMode,
        // Eligibility by level, as the guide shows it: an elementary pupil is offered the seven schools' services.
        schoolLevels: ["CP", "CE1", "CE2", "CM1", "CM2"],
        closures: {
          createMany: { data: closureDays(year).map((closure) => ({ date: dayToDate(closure.day), reason: closure.reason })) },
        },
      },
      select: { id: true },
    });
    for (const [index, unit] of service.units.entries()) {
      await tx.unit.create({
        data: {
          periodId: period.id,
          label: unit.label,
          startTime: unit.startTime,
          endTime: unit.endTime,
          capacity: unit.capacity,
          sortOrder: index,
          tariffs: {
            createMany: { data: unit.prices.map((priceCents, bracket) => ({ bracketId: bracketIds[bracket], priceCents })) },
          },
        },
      });
    }
  });
  return true;
}

// The guide's statements, word for word (issue #17 point 7); the family record prints each title
// (« RÈGLEMENTS : ») before its text. Version 1 is created once: a demo database seeded before
// keeps the versions it has (an administrator publishes a new one from « Textes d'engagement »).
const CONSENT_TEXTS: { kind: Prisma.ConsentTextCreateInput["kind"]; body: string }[] = [
  {
    kind: "REGLEMENTS",
    body: "Je certifie avoir pris connaissance des règlements intérieurs des structures et accepte leurs contenus.",
  },
  {
    kind: "ATTESTATION_HONNEUR",
    body: "Je certifie sur l'honneur l'exactitude des renseignements donnés et m'engage à faire connaître toutes modifications sous les plus brefs délais.",
  },
  {
    kind: "SIGNATURE_NUMERIQUE",
    body: "La validation des informations renseignées en ligne dans le formulaire famille et dans le formulaire enfant vaut signature numérique.",
  },
  {
    kind: "PROTECTION_DONNEES",
    body:
      "Les informations recueillies sur ce formulaire font l'objet d'un traitement informatique pour les besoins de gestion des services souscrits (exemples : inscription, facturation) et sont destinées uniquement au(x) gestionnaire(s) de ces services.\n\n" +
      "Conformément à la réglementation sur la protection des données personnelles, vous bénéficiez d'un droit d'accès, de rectification et de suppression des informations qui vous concernent.",
  },
  {
    // The guide: « Vous acceptez les conditions citées en cochant J'ACCEPTE » (it prints no text of its own).
    kind: "AUTORISATIONS_ENFANT",
    body: "J'accepte les conditions citées ci-dessus pour toutes les activités municipales auxquelles mon enfant est inscrit.",
  },
];

// A one-page PDF: the demo's accepted vaccination record for Julien.
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export type SeedReport = {
  /** Whether the demo family was created by this run. */
  created: boolean;
  /** The school years seeded (every period exists) and those whose periods this run added. */
  schoolYears: string[];
  addedSchoolYears: string[];
};

/** `today` (Paris): the portal's clock's day unless given (lib/clock.ts, PORTAIL_CLOCK). */
export async function seedDemo(
  prisma: PrismaClient,
  options: { storageRoot?: string; today?: CalendarDay } = {},
): Promise<SeedReport> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Les données de démonstration ne sont jamais créées en production (NODE_ENV=production).");
  }
  const today = options.today ?? clock.today();
  const schoolYears = bookableSchoolYears(today);
  const addedSchoolYears = new Set<string>();
  const alreadySeeded = (await prisma.family.count({ where: { id: DEMO_IDS.family } })) > 0;
  const passwordHash = alreadySeeded ? null : await hashPassword(DEMO_PASSWORD);

  await prisma.townSettings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      townName: "Ville de Rodez",
      guichetPhone: "05 65 77 88 78",
      guichetEmail: "guichet@mairie-rodez.fr",
      guichetAddress: "Hôtel de ville, place Sainte-Catherine, 12000 Rodez",
      guichetHours: "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h 30",
    },
  });

  const contacts = [
    {
      label: "Guichet unique",
      phone: "05 65 77 88 78",
      email: "guichet@mairie-rodez.fr",
      address: "Hôtel de ville, place Sainte-Catherine, 12000 Rodez",
      hours: "Du lundi au vendredi, 8 h 30 – 12 h et 13 h 30 – 17 h 30",
    },
    { label: "Service Éducation – restauration scolaire", phone: "05 65 77 88 70", email: "education@mairie-rodez.fr" },
    { label: "Service Enfance Jeunesse – accueils de loisirs", phone: "05 65 77 88 71", email: "enfance@mairie-rodez.fr" },
  ];
  for (const [index, contact] of contacts.entries()) {
    const id = stableId("contact", contact.label);
    await prisma.usefulContact.upsert({ where: { id }, update: {}, create: { id, sortOrder: index, ...contact } });
  }

  for (const text of CONSENT_TEXTS) {
    await prisma.consentText.upsert({
      where: { kind_version: { kind: text.kind, version: 1 } },
      update: {},
      create: { kind: text.kind, version: 1, body: text.body, publishedAt: new Date("2026-06-01T08:00:00Z") },
    });
  }

  const documentTypes = [
    {
      code: "ATTESTATION_QF_MSA",
      label: "Attestation QF MSA",
      scope: "FAMILY",
      mandatory: false,
      helpText: "L'attestation de quotient familial de l'année : elle fixe vos tarifs.",
    },
    { code: "AVIS_IMPOSITION", label: "Avis d'imposition", scope: "FAMILY", mandatory: false },
    { code: "DOCUMENT_JURIDIQUE", label: "Document juridique divers", scope: "FAMILY", mandatory: false },
    {
      code: "CARNET_VACCINATION",
      label: "Carnet de vaccination (obligatoire)",
      scope: "CHILD",
      mandatory: true,
      helpText: "Les pages des vaccinations, où figurent le nom de l'enfant et les dates des rappels.",
    },
    { code: "BREVET_NATATION", label: "Brevet de natation", scope: "CHILD", mandatory: false },
    { code: "JUSTIFICATIF_ABSENCE", label: "Justificatif d'absence", scope: "CHILD", mandatory: false },
  ] as const;
  for (const [index, type] of documentTypes.entries()) {
    await prisma.documentType.upsert({ where: { code: type.code }, update: {}, create: { ...type, sortOrder: index } });
  }

  // The guide: crèche and periscolar invoices are paid online through PayFiP; ALSH, Sports
  // Vacances and ZAP are not (« à régler auprès du Guichet unique »).
  const regies = [
    {
      code: "PERI",
      name: "Régie périscolaire et restauration",
      payfipClientNumber: "012345",
      payableOnline: true,
      paymentDeadlineDays: 30,
      mentions:
        "Paiement en ligne sur le Portail Familles (PayFiP), par chèque à l'ordre du Trésor public ou en espèces au Guichet unique. En cas de difficulté de paiement, contactez le Guichet unique.",
    },
    {
      code: "ALSH",
      name: "Régie accueils de loisirs",
      payfipClientNumber: null,
      payableOnline: false,
      paymentDeadlineDays: 30,
      mentions: "À régler auprès du Guichet unique (espèces, chèque, CESU ou virement).",
    },
  ];
  const regieIds = new Map<string, string>();
  for (const regie of regies) {
    const row = await prisma.regie.upsert({ where: { code: regie.code }, update: {}, create: regie, select: { id: true } });
    regieIds.set(regie.code, row.id);
  }

  const activities = [
    { code: "RESTAURATION_SCOLAIRE", name: "RESTAURATION SCOLAIRE", regie: "PERI" },
    { code: "PERISCOLAIRE", name: "PERISCOLAIRE", regie: "PERI" },
    { code: "ALSH", name: "ACCUEIL DE LOISIRS", regie: "ALSH" },
    { code: "JEUNESSE", name: "JEUNESSE", regie: "ALSH" },
    { code: "SPORTS_VACANCES", name: "SPORTS VACANCES", regie: "ALSH" },
  ];
  const activityIds = new Map<string, string>();
  for (const [index, { regie, ...activity }] of activities.entries()) {
    const regieId = regieIds.get(regie) ?? null;
    const row = await prisma.activity.upsert({
      where: { code: activity.code },
      // A demo started before the régies existed gets them linked; a town's own choice is kept.
      update: {},
      create: { ...activity, regieId, sortOrder: index },
      select: { id: true },
    });
    activityIds.set(activity.code, row.id);
  }
  // The « Régie petite enfance », the PSU values, the garderie eligible for the tax certificate (prisma/seed-psu.ts).
  await seedPsu(prisma);

  const brackets = [
    { label: "QF inférieur à 400", minQf: 0, maxQf: 400 },
    { label: "QF de 400 à 699", minQf: 400, maxQf: 700 },
    { label: "QF de 700 à 999", minQf: 700, maxQf: 1000 },
    { label: "QF de 1 000 et plus", minQf: 1000, maxQf: null },
  ];
  const bracketIds: string[] = [];
  for (const bracket of brackets) {
    const row = await prisma.qfBracket.upsert({
      where: { minQf: bracket.minQf },
      update: {},
      create: bracket,
      select: { id: true },
    });
    bracketIds.push(row.id);
  }

  // "Vous devez réserver avant le mardi de la semaine précédant la date souhaitée — 23:59"
  await prisma.deadlineRule.upsert({
    where: { id: DEMO_IDS.bookingRule },
    update: {},
    create: { id: DEMO_IDS.bookingRule, kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 2, timeOfDay: 23 * 60 + 59 },
  });

  for (const schoolName of SCHOOLS) {
    const school = await prisma.school.upsert({
      where: { name: schoolName },
      update: {},
      create: {
        name: schoolName,
        address: `Groupe scolaire ${schoolName}, 12000 Rodez`,
        kind: SCHOOL_KIND,
        levels: [...SCHOOL_LEVELS_OFFERED],
      },
      select: { id: true },
    });
    for (const service of SERVICES) {
      const establishmentName = `${service.prefix} ${schoolName.toUpperCase()}`;
      const establishment = await prisma.establishment.upsert({
        where: { name: establishmentName },
        update: {},
        create: { name: establishmentName, schoolId: school.id },
        select: { id: true },
      });
      for (const year of schoolYears) {
        const place = { establishmentId: establishment.id, schoolId: school.id, activityId: activityIds.get(service.activity)! };
        if (await seedPeriod(prisma, place, service, year, bracketIds)) addedSchoolYears.add(year.label);
      }
    }
  }

  await openDemoSchoolServicesByLevel(prisma);
  await seedLeisureCatalogue(prisma, { today, schoolYears, activityIds, bracketIds, bookingRuleId: DEMO_IDS.bookingRule });

  const news = [
    // One per school year offered, published when its bookings open.
    ...schoolYears.map((year) => ({
      title: `Inscriptions à la restauration scolaire ${year.label}`,
      body: `Les réservations de la cantine pour l'année ${year.label} sont ouvertes. Pensez à réserver avant le mardi de la semaine précédant la date souhaitée, 23:59.`,
      publishedAt: `${year.startYear}-${BOOKINGS_OPEN_ON}T08:00:00Z`,
    })),
    {
      title: "Vacances de Noël : accueil de loisirs",
      body: "Le programme des accueils de loisirs pendant les vacances de Noël sera publié début décembre dans « Les services accessibles ».",
      publishedAt: "2026-11-16T08:00:00Z",
    },
    {
      title: "Nouveau portail familles",
      body: "Bienvenue sur le nouveau portail familles de la Ville de Rodez : mettez à jour votre dossier famille et la fiche de chacun de vos enfants avant de réserver.",
      publishedAt: "2026-08-20T08:00:00Z",
    },
  ];
  for (const item of news) {
    const id = stableId("news", item.title);
    await prisma.news.upsert({
      where: { id },
      update: {},
      create: { id, title: item.title, body: item.body, published: true, publishedAt: new Date(item.publishedAt) },
    });
  }

  const report = { schoolYears: schoolYears.map((year) => year.label), addedSchoolYears: [...addedSchoolYears] };
  // Last month's invoice of the TEST family (prisma/seed-billing.ts), on every run: the demo follows today.
  const billing = async () => {
    await seedDemoBilling(prisma, { family: DEMO_IDS.family, julien: DEMO_IDS.julien, agentEmail: DEMO_ACCOUNTS.agent }, today);
    // Crèches, criteria and the waiting list with the TEST family's « Enfant à naître » at position 3.
    await seedDemoEarlyChildhood(prisma, { family: DEMO_IDS.family }, today);
  };
  if (alreadySeeded) {
    await billing();
    return { created: false, ...report };
  }

  // The family TEST: a complete record, Julien's sheet complete with an accepted vaccination
  // record (bookable at once), Julie's sheet empty (to show the completeness gate).
  const cambon = await prisma.school.findUniqueOrThrow({ where: { name: "Cambon" }, select: { id: true } });
  const consentTexts = await prisma.consentText.findMany({ where: { version: 1 }, select: { id: true, kind: true } });
  const textId = (kind: string) => consentTexts.find((text) => text.kind === kind)!.id;
  const vaccination = await prisma.documentType.findUniqueOrThrow({
    where: { code: "CARNET_VACCINATION" },
    select: { id: true },
  });
  const storageKey = `documents/${DEMO_IDS.julienVaccination}`;
  await writeLocalFile(storageKey, DEMO_PDF, options.storageRoot).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });

  await prisma.$transaction(async (tx) => {
    await tx.family.create({
      data: {
        id: DEMO_IDS.family,
        civility: "M_ET_MME",
        name: "TEST",
        street: "26 PLACE EUGENE-RAYNALDY",
        postalCode: "12000",
        city: "RODEZ",
        homePhone: "05 65 77 88 00",
        situation: "MARIES",
        allowanceNumber: "1234567",
        allowanceHolder: "MERE",
        benefitScheme: "CAF",
        guardians: {
          create: [
            {
              position: 1,
              civility: "M",
              lastName: "TEST",
              firstName: "Pierre",
              street: "26 PLACE EUGENE-RAYNALDY",
              postalCode: "12000",
              city: "RODEZ",
              mobilePhone: "06 12 34 56 78",
              birthDate: dayToDate("1984-03-12"),
              birthPlace: "Rodez",
              profession: "Technicien",
              socioProfessionalCategory: "PROFESSION_INTERMEDIAIRE",
            },
            {
              position: 2,
              civility: "MME",
              lastName: "TEST",
              firstName: "Marie",
              street: "26 PLACE EUGENE-RAYNALDY",
              postalCode: "12000",
              city: "RODEZ",
              mobilePhone: "06 98 76 54 32",
              birthDate: dayToDate("1986-07-02"),
              birthPlace: "Millau",
              profession: "Infirmière",
              socioProfessionalCategory: "PROFESSION_INTERMEDIAIRE",
            },
          ],
        },
        users: {
          create: { email: DEMO_ACCOUNTS.parent, passwordHash, role: "PARENT", activatedAt: new Date("2026-08-20T08:00:00Z") },
        },
      },
    });
    await tx.consent.createMany({
      data: ["REGLEMENTS", "ATTESTATION_HONNEUR", "SIGNATURE_NUMERIQUE", "PROTECTION_DONNEES"].map((kind) => ({
        familyId: DEMO_IDS.family,
        textId: textId(kind),
        acceptedAt: new Date("2026-08-20T08:05:00Z"),
      })),
    });
    await tx.child.create({
      data: {
        id: DEMO_IDS.julie,
        familyId: DEMO_IDS.family,
        lastName: "TEST",
        firstName: "JULIE",
        birthDate: dayToDate("2019-10-15"),
      },
    });
    await tx.child.create({
      data: {
        id: DEMO_IDS.julien,
        familyId: DEMO_IDS.family,
        lastName: "TEST",
        firstName: "JULIEN",
        sex: "M",
        birthDate: dayToDate("2016-08-20"),
        schoolId: cambon.id,
        schoolLevel: "CM2",
        schoolClass: "CM2 – Mme Vidal",
        authEmergencyCare: true,
        authPhotos: true,
        authLeaveAlone: false,
        authTransport: true,
        health: {
          create: {
            doctorName: "Dr Bernard",
            doctorPhone: "05 65 00 11 22",
            allergies: "Aucune",
            hasPai: false,
            treatments: "Aucun",
            vaccinationsUpToDate: true,
            dietKind: "AUCUN",
          },
        },
        emergencyContacts: { create: [{ position: 1, name: "Jeanne TEST", relation: "Grand-mère", phone: "06 11 22 33 44" }] },
        authorisedPersons: { create: [{ position: 1, name: "Jeanne TEST", relation: "Grand-mère", phone: "06 11 22 33 44" }] },
      },
    });
    await tx.consent.create({
      data: {
        familyId: DEMO_IDS.family,
        childId: DEMO_IDS.julien,
        textId: textId("AUTORISATIONS_ENFANT"),
        acceptedAt: new Date("2026-08-20T08:10:00Z"),
      },
    });
    await tx.document.create({
      data: {
        id: DEMO_IDS.julienVaccination,
        familyId: DEMO_IDS.family,
        childId: DEMO_IDS.julien,
        typeId: vaccination.id,
        status: "ACCEPTED",
        name: "Carnet de vaccination de Julien",
        originalName: "carnet-vaccination-julien.pdf",
        storageKind: "LOCAL",
        storageKey,
        mimeType: "application/pdf",
        size: DEMO_PDF.length,
        sha256: crypto.createHash("sha256").update(DEMO_PDF).digest("hex"),
        uploadedAt: new Date("2026-08-20T08:15:00Z"),
        reviewedAt: new Date("2026-08-21T09:00:00Z"),
      },
    });
    // Staff sign in with a second factor; the demo's is enrolled with a known secret (README).
    const demoSecondFactor = { totpSecret: sealTotpSecret(DEMO_TOTP_SECRET), totpEnabledAt: clock.now() };
    await tx.user.create({
      data: {
        email: DEMO_ACCOUNTS.agent,
        passwordHash,
        role: "AGENT",
        firstName: "Claire",
        lastName: "MARTIN",
        activatedAt: clock.now(),
        ...demoSecondFactor,
      },
    });
    await tx.user.create({
      data: {
        email: DEMO_ACCOUNTS.admin,
        passwordHash,
        role: "ADMIN",
        firstName: "Paul",
        lastName: "DURAND",
        activatedAt: clock.now(),
        ...demoSecondFactor,
      },
    });
  });
  await billing();
  return { created: true, ...report };
}

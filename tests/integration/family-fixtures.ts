// Shared by the family-record, child-sheet and account integration tests: the demo town plus a
// second family whose rows must never change when the demo parent acts.
import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import type { TChildSheet } from "@/lib/children/child-sheet.schema";
import { dayToDate } from "@/lib/dates/calendar-day";
import type { TFamilyRecord, TStaffFamilyRecord } from "@/lib/families/family-record.schema";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { guardianAnswers } from "../helpers/family-form";
import { withDemoDatabase, type DatabaseKind, type TestDatabase, type TestSuite } from "../helpers/test-db";

export const OTHER = {
  family: "00000000-0000-4000-8000-00000000f002",
  child: "00000000-0000-4000-8000-00000000c099",
  email: "autre.famille@exemple.fr",
} as const;

export type TwoFamilies = TestSuite & {
  demo: ParentViewer;
  other: ParentViewer;
  otherGuardianId: string;
  agent: StaffViewer;
  cambon: string;
};

/** The demo town (withDemoDatabase) with the other family, an agent, and the Cambon school's id. */
export function withTwoFamilies(kind: DatabaseKind, ready: (suite: TwoFamilies) => unknown): void {
  withDemoDatabase(kind, async (suite) => {
    const families = await addOtherFamily(suite.database);
    const agent = await createStaffViewer(suite.database.prisma, "AGENT");
    const cambon = (await suite.database.prisma.school.findUniqueOrThrow({ where: { name: "Cambon" } })).id;
    await ready({ ...suite, ...families, agent, cambon });
  });
}

async function addOtherFamily(
  database: TestDatabase,
): Promise<{ demo: ParentViewer; other: ParentViewer; otherGuardianId: string }> {
  const other = await database.prisma.family.create({
    data: {
      id: OTHER.family,
      name: "AUTRE",
      civility: "MME",
      street: "1 RUE DU LAC",
      postalCode: "12000",
      city: "RODEZ",
      situation: "CELIBATAIRE",
      benefitScheme: "MSA",
      guardians: {
        create: { position: 1, civility: "MME", lastName: "AUTRE", firstName: "Lucie", mobilePhone: "06 00 00 00 01" },
      },
      children: {
        create: {
          id: OTHER.child,
          lastName: "AUTRE",
          firstName: "LÉO",
          birthDate: dayToDate("2018-05-04"),
          health: { create: { doctorName: "Dr Autre", doctorPhone: "05 65 00 00 09", dietKind: "SANS_PORC" } },
          emergencyContacts: { create: { position: 1, name: "Paul AUTRE", relation: "Oncle", phone: "06 00 00 00 02" } },
        },
      },
      users: { create: { email: OTHER.email, role: "PARENT" } },
    },
    select: { id: true, guardians: { select: { id: true } }, users: { select: { id: true } } },
  });
  const demoUser = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.parent }, select: { id: true } });
  return {
    demo: { userId: demoUser.id, email: DEMO_ACCOUNTS.parent, name: "Famille TEST", role: "PARENT", familyId: DEMO_IDS.family },
    other: { userId: other.users[0].id, email: OTHER.email, name: "Famille AUTRE", role: "PARENT", familyId: other.id },
    otherGuardianId: other.guardians[0].id,
  };
}

/** The family record's version now (what a form loaded now would post). */
export async function familyVersion(database: TestDatabase, familyId: string = DEMO_IDS.family): Promise<number> {
  return (await database.prisma.family.findUniqueOrThrow({ where: { id: familyId }, select: { version: true } })).version;
}

/** The child sheet's version now. */
export async function childVersion(database: TestDatabase, childId: string = DEMO_IDS.julie): Promise<number> {
  return (await database.prisma.child.findUniqueOrThrow({ where: { id: childId }, select: { version: true } })).version;
}

/** Everything about the other family, to check that nothing of it changed. */
export function otherFamilySnapshot(database: TestDatabase) {
  return database.prisma.family.findUniqueOrThrow({
    where: { id: OTHER.family },
    include: {
      guardians: true,
      consents: true,
      users: { select: { email: true, passwordHash: true, sessionVersion: true } },
      children: { include: { health: true, emergencyContacts: true, authorisedPersons: true } },
    },
  });
}

export function familyRecordInput(overrides: Partial<TFamilyRecord> = {}): TFamilyRecord {
  return {
    civility: "M_ET_MME",
    name: "test",
    street: "3 rue Béteille",
    addressComplement: "Bâtiment B",
    postalCode: "12000",
    city: "Rodez",
    homePhone: "05 65 11 22 33",
    situation: "PACSES",
    allowanceNumber: "7654321",
    allowanceHolder: "PERE",
    benefitScheme: "MSA",
    ...guardianAnswers(1, {
      civility: "M",
      lastName: "TEST",
      firstName: "Pierre",
      street: "3 rue Béteille",
      postalCode: "12000",
      city: "Rodez",
      mobilePhone: "06 12 34 56 78",
      birthDate: "1984-03-12",
      birthPlace: "Rodez",
      profession: "Technicien",
      socioProfessionalCategory: "EMPLOYE",
    }),
    ...guardianAnswers(2, {
      civility: "MME",
      lastName: "TEST",
      firstName: "Marie",
      street: "3 rue Béteille",
      postalCode: "12000",
      city: "Rodez",
    }),
    reglements: "OUI",
    attestationHonneur: "OUI",
    signatureNumerique: "OUI",
    protectionDonnees: true,
    version: 1,
    ...overrides,
  } as TFamilyRecord;
}

/** The Guichet unique's form for the same data: the family's id, no statements. */
export function staffRecordInput(overrides: Partial<TFamilyRecord> = {}, familyId: string = DEMO_IDS.family): TStaffFamilyRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { reglements, attestationHonneur, signatureNumerique, protectionDonnees, ...data } = familyRecordInput(overrides);
  return { familyId, ...data } as TStaffFamilyRecord;
}

export function childSheetInput(schoolId: string, overrides: Partial<TChildSheet> = {}): TChildSheet {
  return {
    childId: DEMO_IDS.julie,
    lastName: "Test",
    firstName: "Julie",
    sex: "F",
    birthDate: "2019-10-15",
    schoolId,
    schoolLevel: "CP",
    schoolClass: "CP – M. Roques",
    doctorName: "Dr Bernard",
    doctorPhone: "05 65 00 11 22",
    allergies: "Arachide",
    hasPai: "OUI",
    treatments: "",
    vaccinationsUpToDate: "OUI",
    remarks: "",
    dietKind: "ALLERGIE_PAI",
    dietDetails: "Sans arachide",
    emergencyContacts: [
      { name: "Jeanne TEST", relation: "Grand-mère", phone: "06 11 22 33 44" },
      { name: "Paul TEST", relation: "Oncle", phone: "06 55 66 77 88" },
    ],
    authorisedPersons: [{ name: "Jeanne TEST", relation: "Grand-mère", phone: "06 11 22 33 44" }],
    authEmergencyCare: "OUI",
    authPhotos: "NON",
    authLeaveAlone: "NON",
    authTransport: "OUI",
    accept: true,
    version: 1,
    ...overrides,
  };
}

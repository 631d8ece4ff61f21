import "server-only";
import type { ParentViewer } from "@/lib/auth/session";
import { dateToDay, dayToDate, parisToday } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { acceptedCurrentKinds, recordConsents } from "@/lib/families/consents";
import { blankToNull } from "@/lib/families/form-fields";
import type { Prisma } from "@/lib/db/generated/client";
import type { TChildSheet, TChildSheetData, TChildSheetParsed } from "./child-sheet.schema";

export const CHILD_NOT_FOUND = "Fiche enfant introuvable.";

export type ChildSheetView = {
  displayName: string;
  values: TChildSheet;
  authorisationsText: string | null;
  schools: { id: string; name: string }[];
};

const yesNo = (value: boolean | null | undefined) => (value === true ? "OUI" : value === false ? "NON" : "");

export async function listSchools(): Promise<{ id: string; name: string }[]> {
  return getDb().school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

type Db = Prisma.TransactionClient;

/**
 * The sheet's values as the form shows them, for a child found by its id AND its family (a
 * foreign or unknown id finds nothing). Includes the medical section: a staff caller audits it.
 */
export async function readChildSheetValues(db: Db, familyId: string, childId: string): Promise<{ displayName: string; values: TChildSheetData } | null> {
  const child = await db.child.findFirst({
    where: { id: childId, familyId },
    select: {
      id: true,
      lastName: true,
      firstName: true,
      sex: true,
      birthDate: true,
      schoolId: true,
      schoolLevel: true,
      schoolClass: true,
      authEmergencyCare: true,
      authPhotos: true,
      authLeaveAlone: true,
      authTransport: true,
      health: {
        select: { doctorName: true, doctorPhone: true, allergies: true, hasPai: true, treatments: true, vaccinationsUpToDate: true, remarks: true, dietKind: true, dietDetails: true },
      },
      emergencyContacts: { orderBy: { position: "asc" }, select: { name: true, relation: true, phone: true } },
      authorisedPersons: { orderBy: { position: "asc" }, select: { name: true, relation: true, phone: true } },
    },
  });
  if (!child) return null;
  const health = child.health;
  return {
    displayName: `${child.lastName} ${child.firstName}`.toUpperCase(),
    values: {
      childId: child.id,
      lastName: child.lastName,
      firstName: child.firstName,
      sex: child.sex ?? "",
      birthDate: dateToDay(child.birthDate),
      schoolId: child.schoolId ?? "",
      schoolLevel: child.schoolLevel ?? "",
      schoolClass: child.schoolClass ?? "",
      doctorName: health?.doctorName ?? "",
      doctorPhone: health?.doctorPhone ?? "",
      allergies: health?.allergies ?? "",
      hasPai: yesNo(health?.hasPai),
      treatments: health?.treatments ?? "",
      vaccinationsUpToDate: yesNo(health?.vaccinationsUpToDate),
      remarks: health?.remarks ?? "",
      dietKind: health?.dietKind ?? "",
      dietDetails: health?.dietDetails ?? "",
      // At least one emergency contact: an empty row to fill in.
      emergencyContacts: child.emergencyContacts.length ? child.emergencyContacts : [{ name: "", relation: "", phone: "" }],
      authorisedPersons: child.authorisedPersons,
      authEmergencyCare: yesNo(child.authEmergencyCare),
      authPhotos: yesNo(child.authPhotos),
      authLeaveAlone: yesNo(child.authLeaveAlone),
      authTransport: yesNo(child.authTransport),
    } as unknown as TChildSheetData,
  };
}

/** A child of the viewer's family, or null (a foreign or unknown id finds nothing). */
export async function getChildSheet(viewer: ParentViewer, childId: string): Promise<ChildSheetView | null> {
  const db = getDb();
  const sheet = await readChildSheetValues(db, viewer.familyId, childId);
  if (!sheet) return null;
  const [schools, consent] = await Promise.all([
    listSchools(),
    acceptedCurrentKinds(db, { familyId: viewer.familyId, childId, kinds: ["AUTORISATIONS_ENFANT"] }),
  ]);
  return {
    displayName: sheet.displayName,
    schools,
    authorisationsText: consent.texts[0]?.body ?? null,
    values: { ...sheet.values, accept: consent.accepted.has("AUTORISATIONS_ENFANT") } as unknown as TChildSheet,
  };
}

/**
 * Writes a child's sheet inside the caller's transaction: the child row (found by its id AND
 * `familyId`, so a foreign child id changes nothing), its health row, and the emergency contacts
 * and authorised persons replaced as a whole. Shared by the parent's save and the Guichet
 * unique's; consents are not written here.
 */
export async function writeChildSheet(tx: Db, familyId: string, sheet: TChildSheetData, now: Date): Promise<void> {
  if (sheet.birthDate > parisToday(now)) {
    throw new AppError("INVALID", "La date de naissance ne peut pas être dans le futur.");
  }
  const school = await tx.school.findUnique({ where: { id: sheet.schoolId }, select: { id: true } });
  if (!school) throw new AppError("INVALID", "Choisissez une école de la liste.");
  const yes = (answer: "OUI" | "NON") => answer === "OUI";
  const health = {
    doctorName: sheet.doctorName,
    doctorPhone: sheet.doctorPhone,
    allergies: blankToNull(sheet.allergies),
    hasPai: yes(sheet.hasPai),
    treatments: blankToNull(sheet.treatments),
    vaccinationsUpToDate: yes(sheet.vaccinationsUpToDate),
    remarks: blankToNull(sheet.remarks),
    dietKind: sheet.dietKind,
    dietDetails: blankToNull(sheet.dietDetails),
  };
  const people = (rows: TChildSheetData["emergencyContacts"]) =>
    rows.map((row, index) => ({ childId: sheet.childId, position: index + 1, name: row.name, relation: row.relation, phone: row.phone }));

  const updated = await tx.child.updateMany({
    where: { id: sheet.childId, familyId },
    data: {
      lastName: sheet.lastName.toUpperCase(),
      firstName: sheet.firstName.toUpperCase(),
      sex: sheet.sex,
      birthDate: dayToDate(sheet.birthDate),
      schoolId: school.id,
      schoolLevel: sheet.schoolLevel,
      schoolClass: blankToNull(sheet.schoolClass),
      authEmergencyCare: yes(sheet.authEmergencyCare),
      authPhotos: yes(sheet.authPhotos),
      authLeaveAlone: yes(sheet.authLeaveAlone),
      authTransport: yes(sheet.authTransport),
    },
  });
  if (updated.count !== 1) throw new AppError("NOT_FOUND", CHILD_NOT_FOUND);
  await tx.childHealth.upsert({ where: { childId: sheet.childId }, create: { childId: sheet.childId, ...health }, update: health });
  await tx.emergencyContact.deleteMany({ where: { childId: sheet.childId } });
  await tx.emergencyContact.createMany({ data: people(sheet.emergencyContacts) });
  await tx.authorisedPerson.deleteMany({ where: { childId: sheet.childId } });
  if (sheet.authorisedPersons.length) await tx.authorisedPerson.createMany({ data: people(sheet.authorisedPersons) });
}

/** Saves a child of the viewer's family and the acceptance of the authorisations, in one transaction. */
export async function saveChildSheet(viewer: ParentViewer, sheet: TChildSheetParsed, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await writeChildSheet(tx, viewer.familyId, sheet, now);
    await recordConsents(tx, { familyId: viewer.familyId, childId: sheet.childId, userId: viewer.userId, kinds: ["AUTORISATIONS_ENFANT"], now });
  });
}

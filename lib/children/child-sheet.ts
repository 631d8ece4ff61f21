import "server-only";

import { fieldChanges, type FieldChanges } from "@/lib/audit/field-changes";
import type { ParentViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { acceptedCurrentKinds, recordConsents } from "@/lib/families/consents";
import type { LoadedValues } from "@/lib/families/record-version";
import { staleSaveError } from "@/lib/families/stale-save";
import { assertSchoolOffersLevel, listSchoolChoices, type SchoolChoice } from "@/lib/schools/schools";
import { blankToNull } from "@/lib/validation/form-fields";

import { CHILD_IDENTITY_FIELD_LABELS } from "./add-child.schema";
import { childBirthDateProblem } from "./birth-date";
import { CHILD_AUTHORISATION_FIELDS, CHILD_HEALTH_FIELDS, CHILD_IDENTITY_FIELDS } from "./child-fields";
import {
  CHILD_SHEET_FIELD_LABELS,
  CHILD_UPPERCASE_FIELDS,
  type TChildAuthorisations,
  type TChildSheet,
  type TChildSheetCommonData,
  type TChildSheetData,
  type TChildSheetParsed,
} from "./child-sheet.schema";

export const CHILD_NOT_FOUND = "Fiche enfant introuvable.";

export type ChildSheetView = {
  displayName: string;
  values: TChildSheet;
  authorisationsText: string | null;
  schools: SchoolChoice[];
};

const yesNo = (value: boolean | null | undefined) => (value === true ? "OUI" : value === false ? "NON" : "");

/**
 * The sheet's values as the form shows them, and its version, for a child found by its id AND
 * its family (a foreign or unknown id finds nothing). Includes the medical section: a staff
 * caller audits it.
 */
export async function readChildSheetValues(
  db: Db,
  familyId: string,
  childId: string,
): Promise<{ displayName: string; values: TChildSheetData } | null> {
  const child = await db.child.findFirst({
    where: { id: childId, familyId },
    select: {
      id: true,
      version: true,
      ...CHILD_IDENTITY_FIELDS,
      ...CHILD_AUTHORISATION_FIELDS,
      health: { select: CHILD_HEALTH_FIELDS },
      emergencyContacts: { orderBy: { position: "asc" }, select: { name: true, relation: true, phone: true } },
      authorisedPersons: { orderBy: { position: "asc" }, select: { name: true, relation: true, phone: true } },
    },
  });
  if (!child) return null;
  const health = child.health;
  return {
    displayName: childName(child),
    values: {
      childId: child.id,
      version: child.version,
      ...childIdentityValues(child),
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
      // A draft, not parsed data: an unanswered choice is "" until the family fills it in.
    } as TChildSheetData,
  };
}

/** A child of the viewer's family, or null (a foreign or unknown id finds nothing). */
export async function getChildSheet(db: Db, viewer: ParentViewer, childId: string): Promise<ChildSheetView | null> {
  const sheet = await readChildSheetValues(db, viewer.familyId, childId);
  if (!sheet) return null;
  const [schools, consent] = await Promise.all([
    listSchoolChoices(db),
    acceptedCurrentKinds(db, { familyId: viewer.familyId, childId, kinds: ["AUTORISATIONS_ENFANT"] }),
  ]);
  return {
    displayName: sheet.displayName,
    schools,
    authorisationsText: consent.texts[0]?.body ?? null,
    // The form's initial values: « J'accepte » may still be unticked (false) where the schema asks for true.
    values: { ...sheet.values, accept: consent.accepted.has("AUTORISATIONS_ENFANT") } as TChildSheet,
  };
}

/** The identity and schooling fields: what staff may correct without the medical sections, and what an audit entry may show. */
export type TChildIdentityData = Pick<
  TChildSheetCommonData,
  "lastName" | "firstName" | "sex" | "birthDate" | "schoolId" | "schoolLevel" | "schoolClass"
>;

/** The sheet's version the form was loaded with, and its values then (to name what changed if it moved on). */
export type TVersionCheck = { version: number; loaded?: LoadedValues };

/**
 * Which form is saving: the whole sheet (its fields compared when refused), or « Modifier
 * l'identité et la scolarité » (only those fields are read and compared — no health data).
 */
export type ChildSheetForm = "sheet" | "identity";

type ChildIdentityRow = {
  lastName: string;
  firstName: string;
  sex: string | null;
  birthDate: Date;
  schoolId: string | null;
  schoolLevel: string | null;
  schoolClass: string | null;
};

/** A child's identity and schooling as the identity form (and the sheet) show them: blanks as "". */
export function childIdentityValues(child: ChildIdentityRow) {
  return {
    lastName: child.lastName,
    firstName: child.firstName,
    sex: child.sex ?? "",
    birthDate: dateToDay(child.birthDate),
    schoolId: child.schoolId ?? "",
    schoolLevel: child.schoolLevel ?? "",
    schoolClass: child.schoolClass ?? "",
  };
}

/** A child's identity and schooling as the identity form shows them, or null (foreign or unknown). No health data is read. */
async function readChildIdentityValues(db: Db, familyId: string, childId: string): Promise<Record<string, string> | null> {
  const child = await db.child.findFirst({ where: { id: childId, familyId }, select: CHILD_IDENTITY_FIELDS });
  return child ? childIdentityValues(child) : null;
}

/**
 * Writes a child's identity and schooling inside the caller's transaction, for a child found by
 * its id AND `familyId` (a foreign or unknown id: « Fiche enfant introuvable. »). The birth date
 * is judged against `now` (same rule as « Ajouter un enfant »). The child row is updated only if
 * it is still at the version the form was loaded with, and its version moves on — this is the
 * first write of any save of the sheet, so every save moves the version once: a save made on an
 * older version throws a StaleSaveError naming the `form`'s fields changed meanwhile (the
 * caller's transaction rolls back). Returns the fields that changed, before and after, for the
 * audit entry — no health data is read here — and the sheet's new version.
 */
export async function writeChildIdentity(
  tx: Db,
  familyId: string,
  childId: string,
  identity: TChildIdentityData & TVersionCheck,
  now: Date,
  form: ChildSheetForm = "identity",
): Promise<{ changes: FieldChanges; version: number }> {
  const problem = childBirthDateProblem(identity.birthDate, parisToday(now));
  if (problem) throw new AppError("INVALID", problem);
  const schoolId = await assertSchoolOffersLevel(tx, identity.schoolId, identity.schoolLevel);
  const current = await tx.child.findFirst({ where: { id: childId, familyId }, select: CHILD_IDENTITY_FIELDS });
  if (!current) throw new AppError("NOT_FOUND", CHILD_NOT_FOUND);
  const next = {
    lastName: identity.lastName.toUpperCase(),
    firstName: identity.firstName.toUpperCase(),
    sex: identity.sex,
    birthDate: identity.birthDate,
    schoolId,
    schoolLevel: identity.schoolLevel,
    schoolClass: blankToNull(identity.schoolClass),
  };
  const updated = await tx.child.updateMany({
    where: { id: childId, familyId, version: identity.version },
    data: { ...next, birthDate: dayToDate(next.birthDate), version: { increment: 1 } },
  });
  if (updated.count !== 1) {
    const stale = await staleSaveError(tx, {
      target: "Child",
      id: childId,
      familyId,
      version: identity.version,
      loaded: identity.loaded,
      labels: form === "sheet" ? CHILD_SHEET_FIELD_LABELS : CHILD_IDENTITY_FIELD_LABELS,
      upperCase: CHILD_UPPERCASE_FIELDS,
      readCurrent: async () =>
        form === "sheet"
          ? ((await readChildSheetValues(tx, familyId, childId))?.values ?? null)
          : readChildIdentityValues(tx, familyId, childId),
    });
    throw stale ?? new AppError("NOT_FOUND", CHILD_NOT_FOUND);
  }
  return { changes: fieldChanges({ ...current, birthDate: dateToDay(current.birthDate) }, next), version: identity.version + 1 };
}

/**
 * Writes a child's sheet inside the caller's transaction: the identity and schooling (see
 * writeChildIdentity, which checks and moves the sheet's version), its health row, and the
 * emergency contacts and authorised persons replaced as a whole. Shared by the parent's save and
 * the Guichet unique's. The authorisations are not written here (only the parent answers them:
 * writeChildAuthorisations), nor are consents. Returns the identity and schooling fields that
 * changed, never medical or diet values, and the sheet's new version.
 */
export async function writeChildSheet(
  tx: Db,
  familyId: string,
  sheet: TChildSheetCommonData,
  now: Date,
): Promise<{ changes: FieldChanges; version: number }> {
  const written = await writeChildIdentity(tx, familyId, sheet.childId, sheet, now, "sheet");
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
    rows.map((row, index) => ({
      childId: sheet.childId,
      position: index + 1,
      name: row.name,
      relation: row.relation,
      phone: row.phone,
    }));

  await tx.childHealth.upsert({
    where: { childId: sheet.childId },
    create: { childId: sheet.childId, ...health },
    update: health,
  });
  await tx.emergencyContact.deleteMany({ where: { childId: sheet.childId } });
  await tx.emergencyContact.createMany({ data: people(sheet.emergencyContacts) });
  await tx.authorisedPerson.deleteMany({ where: { childId: sheet.childId } });
  if (sheet.authorisedPersons.length) await tx.authorisedPerson.createMany({ data: people(sheet.authorisedPersons) });
  return written;
}

/**
 * The family's answers to the four authorisations (the parent's save only, with its « J'accepte »),
 * after writeChildSheet in the same transaction: the sheet's version has already moved.
 */
export async function writeChildAuthorisations(
  tx: Db,
  familyId: string,
  childId: string,
  answers: TChildAuthorisations,
): Promise<void> {
  const yes = (answer: "OUI" | "NON") => answer === "OUI";
  const updated = await tx.child.updateMany({
    where: { id: childId, familyId },
    data: {
      authEmergencyCare: yes(answers.authEmergencyCare),
      authPhotos: yes(answers.authPhotos),
      authLeaveAlone: yes(answers.authLeaveAlone),
      authTransport: yes(answers.authTransport),
    },
  });
  if (updated.count !== 1) throw new AppError("NOT_FOUND", CHILD_NOT_FOUND);
}

/**
 * Saves a child of the viewer's family and the acceptance of the authorisations, in one
 * transaction. Returns the sheet's new version; a save made on an older version throws a
 * StaleSaveError and changes nothing.
 */
export async function saveChildSheet(
  db: PrismaClient,
  viewer: ParentViewer,
  sheet: TChildSheetParsed,
  now = clock.now(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const { version } = await writeChildSheet(tx, viewer.familyId, sheet, now);
    await writeChildAuthorisations(tx, viewer.familyId, sheet.childId, sheet);
    await recordConsents(tx, {
      familyId: viewer.familyId,
      childId: sheet.childId,
      userId: viewer.userId,
      kinds: ["AUTORISATIONS_ENFANT"],
      now,
    });
    return version;
  });
}

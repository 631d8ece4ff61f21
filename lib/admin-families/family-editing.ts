import "server-only";
// SPEC §9 "view/edit records and child sheets": the Guichet unique corrects a family's record and
// a child's sheet, and adds a child. The data is written by the same code as the parent's saves
// (writeFamilyRecord, writeChildSheet); staff never record a consent on the family's behalf, and
// every change — and every read of a child's medical section — is audited in its transaction.
import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import type { TAddChildParsed } from "@/lib/children/add-child.schema";
import { childBirthDateProblem } from "@/lib/children/birth-date";
import { listSchools, readChildSheetValues, writeChildSheet } from "@/lib/children/child-sheet";
import type { TStaffChildSheet, TStaffChildSheetParsed } from "@/lib/children/child-sheet.schema";
import { dayToDate, parisToday } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consentStates, type ConsentState } from "@/lib/families/consents";
import { FAMILY_CONSENT_KINDS, readFamilyRecordValues, writeFamilyRecord } from "@/lib/families/family-record";
import type { TStaffFamilyRecord, TStaffFamilyRecordParsed } from "@/lib/families/family-record.schema";
import { blankToNull } from "@/lib/families/form-fields";

export const FAMILY_ID_NOT_FOUND = "Famille introuvable.";

/**
 * The role is checked here too, not only by the action builder: these functions write another
 * family's data, so a parent's viewer must never get through whatever calls them.
 */
function assertStaff(viewer: Viewer): asserts viewer is StaffViewer {
  if (viewer?.role !== "AGENT" && viewer?.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Cette action est réservée aux agents de la mairie.");
  }
}

export type StaffFamilyRecordView = {
  familyName: string;
  values: TStaffFamilyRecord;
  consents: ConsentState[];
};

/** The family record's form for staff, prefilled, with the statements' state (read-only); null for an unknown family. */
export async function getFamilyRecordForStaff(viewer: StaffViewer, familyId: string): Promise<StaffFamilyRecordView | null> {
  assertStaff(viewer);
  const db = getDb();
  const values = await readFamilyRecordValues(db, familyId);
  if (!values) return null;
  const consents = await consentStates(db, { familyId, childId: null, kinds: FAMILY_CONSENT_KINDS });
  return { familyName: String(values.name), values: { familyId, ...values } as unknown as TStaffFamilyRecord, consents };
}

/** Saves the record's data and guardians for the family of the form's familyId, with an audit entry; consents untouched. */
export async function saveFamilyRecordForStaff(viewer: StaffViewer, record: TStaffFamilyRecordParsed): Promise<void> {
  assertStaff(viewer);
  await getDb().$transaction(async (tx) => {
    await writeFamilyRecord(tx, record.familyId, record); // unknown id: « Dossier famille introuvable. », rolled back
    await writeAudit(tx, viewer, { action: "family.record.update", familyId: record.familyId, targetType: "Family", targetId: record.familyId });
  });
}

export type StaffChildSheetView = {
  familyName: string;
  displayName: string;
  values: TStaffChildSheet;
  schools: { id: string; name: string }[];
  consent: ConsentState;
};

/**
 * The child's sheet for staff, prefilled — medical and diet sections included, so the read is
 * audited (child.health.read) in the same transaction. Null (and nothing logged) when the child
 * is not one of that family's.
 */
export async function getChildSheetForStaff(viewer: StaffViewer, familyId: string, childId: string): Promise<StaffChildSheetView | null> {
  assertStaff(viewer);
  const db = getDb();
  const view = await db.$transaction(async (tx) => {
    const sheet = await readChildSheetValues(tx, familyId, childId);
    if (!sheet) return null;
    const family = await tx.family.findUniqueOrThrow({ where: { id: familyId }, select: { name: true } });
    const [consent] = await consentStates(tx, { familyId, childId, kinds: ["AUTORISATIONS_ENFANT"] });
    await writeAudit(tx, viewer, { action: "child.health.read", familyId, childId, targetType: "ChildHealth", targetId: childId, details: { context: "child.sheet.edit" } });
    return { familyName: family.name, displayName: sheet.displayName, values: { familyId, ...sheet.values } as TStaffChildSheet, consent };
  });
  if (!view) return null;
  return { ...view, schools: await listSchools() };
}

/** Saves the sheet of a child of the form's family, with an audit entry; the authorisations' acceptance untouched. */
export async function saveChildSheetForStaff(viewer: StaffViewer, sheet: TStaffChildSheetParsed, now = new Date()): Promise<void> {
  assertStaff(viewer);
  await getDb().$transaction(async (tx) => {
    await writeChildSheet(tx, sheet.familyId, sheet, now); // a child of another family: « Fiche enfant introuvable. », rolled back
    await writeAudit(tx, viewer, { action: "child.sheet.update", familyId: sheet.familyId, childId: sheet.childId, targetType: "Child", targetId: sheet.childId });
  });
}

/**
 * « Ajouter un enfant »: the child's identity and schooling; the rest of the sheet is the
 * family's to complete (the dashboard lists what is missing, and the child cannot be booked until then).
 */
export async function addChildForStaff(viewer: StaffViewer, input: TAddChildParsed, now = new Date()): Promise<{ childId: string }> {
  assertStaff(viewer);
  const problem = childBirthDateProblem(input.birthDate, parisToday(now));
  if (problem) throw new AppError("INVALID", problem);
  const lastName = input.lastName.toUpperCase();
  const firstName = input.firstName.toUpperCase();
  return getDb().$transaction(async (tx) => {
    const family = await tx.family.findUnique({ where: { id: input.familyId }, select: { id: true } });
    if (!family) throw new AppError("NOT_FOUND", FAMILY_ID_NOT_FOUND);
    const school = await tx.school.findUnique({ where: { id: input.schoolId }, select: { id: true } });
    if (!school) throw new AppError("INVALID", "Choisissez une école de la liste.");
    const twin = await tx.child.findFirst({
      where: { familyId: family.id, firstName: { equals: firstName, mode: "insensitive" }, birthDate: dayToDate(input.birthDate) },
      select: { id: true },
    });
    if (twin) throw new AppError("DUPLICATE", "Cet enfant figure déjà dans la famille (même prénom et même date de naissance).");
    const child = await tx.child.create({
      data: {
        familyId: family.id,
        lastName,
        firstName,
        sex: input.sex,
        birthDate: dayToDate(input.birthDate),
        schoolId: school.id,
        schoolLevel: input.schoolLevel,
        schoolClass: blankToNull(input.schoolClass),
      },
      select: { id: true },
    });
    await writeAudit(tx, viewer, { action: "child.create", familyId: family.id, childId: child.id, targetType: "Child", targetId: child.id, details: { lastName, firstName } });
    return { childId: child.id };
  });
}

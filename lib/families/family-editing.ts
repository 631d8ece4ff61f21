import "server-only";

// SPEC §9 "view/edit records and child sheets": the Guichet unique corrects a family's record and
// a child's sheet, and adds a child. The data is written by the same code as the parent's saves
// (writeFamilyRecord, writeChildSheet); staff never record a consent on the family's behalf, and
// every change — and every read of a child's medical section — is audited in its transaction.
import { writeAudit, writeHealthReadAudit } from "@/lib/audit/audit-log";
import { fieldChanges, type AuditValue } from "@/lib/audit/field-changes";
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import type { TAddChildParsed, TStaffChildIdentityParsed } from "@/lib/children/add-child.schema";
import { childBirthDateProblem } from "@/lib/children/birth-date";
import { readChildSheetValues, writeChildIdentity, writeChildSheet } from "@/lib/children/child-sheet";
import type { TChildAuthorisations, TStaffChildSheet, TStaffChildSheetParsed } from "@/lib/children/child-sheet.schema";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { consentStates, type ConsentState } from "@/lib/families/consents";
import { FAMILY_RECORD_FIELDS } from "@/lib/families/family-fields";
import { FAMILY_CONSENT_KINDS, readFamilyRecordValues, writeFamilyRecord } from "@/lib/families/family-record";
import {
  GUARDIAN_FIELDS,
  guardianField,
  type TStaffFamilyRecord,
  type TStaffFamilyRecordParsed,
} from "@/lib/families/family-record.schema";
import { StaleSaveError } from "@/lib/families/record-version";
import { assertSchoolOffersLevel, listSchoolChoices, type SchoolChoice } from "@/lib/schools/schools";
import { blankToNull } from "@/lib/validation/form-fields";

export const FAMILY_ID_NOT_FOUND = "Famille introuvable.";
const DUPLICATE_CHILD = "Cet enfant figure déjà dans la famille (même prénom et même date de naissance).";

/**
 * The role is checked here too, not only by the action builder: these functions write another
 * family's data, so a parent's viewer must never get through whatever calls them.
 */
function assertStaff(viewer: Viewer): asserts viewer is StaffViewer {
  if (viewer?.role !== "AGENT" && viewer?.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Seuls les agents de la mairie peuvent modifier le dossier d'une famille.");
  }
}

export type StaffFamilyRecordView = {
  familyName: string;
  values: TStaffFamilyRecord;
  consents: ConsentState[];
};

/** The family record's form for staff, prefilled, with the statements' state (read-only); null for an unknown family. */
export async function getFamilyRecordForStaff(
  db: Db,
  viewer: StaffViewer,
  familyId: string,
): Promise<StaffFamilyRecordView | null> {
  assertStaff(viewer);
  const values = await readFamilyRecordValues(db, familyId);
  if (!values) return null;
  const consents = await consentStates(db, { familyId, childId: null, kinds: FAMILY_CONSENT_KINDS });
  // The form's initial values, a draft: unanswered choices are "" where the schema asks for a value.
  return { familyName: String(values.name), values: { familyId, ...values } as TStaffFamilyRecord, consents };
}

/** The journal's entry for a staff change to a child: `details` says what changed (never health values). */
async function auditChildChange(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  action: "child.create" | "child.identity.update" | "child.sheet.update",
  { familyId, childId }: { familyId: string; childId: string },
  details: Prisma.InputJsonValue,
) {
  await writeAudit(tx, viewer, { action, familyId, childId, targetType: "Child", targetId: childId, details });
}

/** The record's stored fields, flat (guardians as the form names them: guardian1LastName…), for the audit's before/after. */
async function familyRecordAuditFields(tx: Prisma.TransactionClient, familyId: string): Promise<Record<string, AuditValue>> {
  const family = await tx.family.findUnique({
    where: { id: familyId },
    select: { ...FAMILY_RECORD_FIELDS, guardians: { orderBy: { position: "asc" } } },
  });
  if (!family) return {};
  const { guardians, ...fields } = family;
  const flat: Record<string, AuditValue> = { ...fields };
  for (const position of [1, 2] as const) {
    const guardian = guardians.find((row) => row.position === position);
    for (const field of GUARDIAN_FIELDS) {
      const value = guardian?.[field] ?? null;
      flat[guardianField(position, field)] = value instanceof Date ? dateToDay(value) : value;
    }
  }
  return flat;
}

/**
 * Saves the record's data and guardians for the family of the form's familyId, with an audit
 * entry giving the fields that changed, before and after, and the record's version it made
 * (which tells a family refused meanwhile that an agent changed it); consents untouched.
 * Returns the new version; a save made on an older version throws a StaleSaveError.
 */
export async function saveFamilyRecordForStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  record: TStaffFamilyRecordParsed,
): Promise<number> {
  assertStaff(viewer);
  return db.$transaction(async (tx) => {
    const before = await familyRecordAuditFields(tx, record.familyId);
    // Unknown id: « Dossier famille introuvable. »; older version: StaleSaveError; both rolled back.
    const version = await writeFamilyRecord(tx, record.familyId, record);
    const details = { ...fieldChanges(before, await familyRecordAuditFields(tx, record.familyId)), version };
    await writeAudit(tx, viewer, {
      action: "family.record.update",
      familyId: record.familyId,
      targetType: "Family",
      targetId: record.familyId,
      details,
    });
    return version;
  });
}

export type StaffChildSheetView = {
  familyName: string;
  displayName: string;
  values: TStaffChildSheet;
  /** The family's answers, shown read-only: staff never answer them. */
  authorisations: Record<keyof TChildAuthorisations, "OUI" | "NON" | "">;
  schools: SchoolChoice[];
  consent: ConsentState;
};

/**
 * The child's sheet for staff, prefilled — medical and diet sections included, so the read is
 * audited (child.health.read) in the same transaction. Null (and nothing logged) when the child
 * is not one of that family's.
 */
export async function getChildSheetForStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  familyId: string,
  childId: string,
): Promise<StaffChildSheetView | null> {
  assertStaff(viewer);
  const view = await db.$transaction(async (tx) => {
    const sheet = await readChildSheetValues(tx, familyId, childId);
    if (!sheet) return null;
    const family = await tx.family.findUniqueOrThrow({ where: { id: familyId }, select: { name: true } });
    const [consent] = await consentStates(tx, { familyId, childId, kinds: ["AUTORISATIONS_ENFANT"] });
    await writeHealthReadAudit(tx, viewer, { familyId, childId, context: "child.sheet.edit" });
    const { authEmergencyCare, authPhotos, authLeaveAlone, authTransport, ...values } = sheet.values;
    return {
      familyName: family.name,
      displayName: sheet.displayName,
      values: { familyId, ...values } as TStaffChildSheet,
      authorisations: { authEmergencyCare, authPhotos, authLeaveAlone, authTransport },
      consent,
    };
  });
  if (!view) return null;
  return { ...view, schools: await listSchoolChoices(db) };
}

/**
 * Saves the sheet of a child of the form's family, with an audit entry giving the identity and
 * schooling fields that changed (never medical or diet values) and the sheet's version it made.
 * The authorisations' answers and their acceptance are the family's: untouched. Returns the new
 * version; a save made on an older version throws a StaleSaveError — having compared the stored
 * medical section with the form's to name what changed, that refusal is logged as a health read.
 */
export async function saveChildSheetForStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  sheet: TStaffChildSheetParsed,
  now = clock.now(),
): Promise<number> {
  assertStaff(viewer);
  try {
    return await db.$transaction(async (tx) => {
      // A child of another family: « Fiche enfant introuvable. »; older version: StaleSaveError; both rolled back.
      const { changes, version } = await writeChildSheet(tx, sheet.familyId, sheet, now);
      // The medical, diet and contact sections are saved too, never copied into the journal.
      const details = {
        ...changes,
        sections:
          "identité et scolarité détaillées ; renseignements médicaux, régime et personnes à contacter enregistrés (non détaillés)",
        version,
      };
      await auditChildChange(tx, viewer, "child.sheet.update", sheet, details);
      return version;
    });
  } catch (error) {
    if (error instanceof StaleSaveError) {
      await db.$transaction((tx) =>
        writeHealthReadAudit(tx, viewer, { familyId: sheet.familyId, childId: sheet.childId, context: "child.sheet.stale-save" }),
      );
    }
    throw error;
  }
}

/**
 * « Modifier l'identité et la scolarité »: corrects a child's identity and schooling only, with
 * an audit entry (before/after, and the sheet's version it made). Reads no health data, so it
 * logs no health read — not even when refused as stale (only these fields are compared).
 * Returns the sheet's new version; a save made on an older version throws a StaleSaveError.
 */
export async function updateChildIdentityForStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  input: TStaffChildIdentityParsed,
  now = clock.now(),
): Promise<number> {
  assertStaff(viewer);
  return db.$transaction(async (tx) => {
    // Another family's child: « Fiche enfant introuvable. »; older version: StaleSaveError.
    const { changes, version } = await writeChildIdentity(tx, input.familyId, input.childId, input, now, "identity");
    // Only a change of first name or birth date can make a twin: an existing pair (entered
    // before) must not block correcting, say, the class.
    if ("firstName" in changes.after || "birthDate" in changes.after) {
      const twin = await tx.child.findFirst({
        where: {
          familyId: input.familyId,
          id: { not: input.childId },
          firstName: { equals: input.firstName, mode: "insensitive" },
          birthDate: dayToDate(input.birthDate),
        },
        select: { id: true },
      });
      if (twin) throw new AppError("DUPLICATE", DUPLICATE_CHILD);
    }
    const details = { ...changes, version };
    await auditChildChange(tx, viewer, "child.identity.update", input, details);
    return version;
  });
}

/**
 * « Ajouter un enfant »: the child's identity and schooling; the rest of the sheet is the
 * family's to complete (the dashboard lists what is missing, and the child cannot be booked until then).
 */
export async function addChildForStaff(
  db: PrismaClient,
  viewer: StaffViewer,
  input: TAddChildParsed,
  now = clock.now(),
): Promise<{ childId: string }> {
  assertStaff(viewer);
  const problem = childBirthDateProblem(input.birthDate, parisToday(now));
  if (problem) throw new AppError("INVALID", problem);
  const lastName = input.lastName.toUpperCase();
  const firstName = input.firstName.toUpperCase();
  return db.$transaction(async (tx) => {
    const family = await tx.family.findUnique({ where: { id: input.familyId }, select: { id: true } });
    if (!family) throw new AppError("NOT_FOUND", FAMILY_ID_NOT_FOUND);
    const schoolId = await assertSchoolOffersLevel(tx, input.schoolId, input.schoolLevel);
    const twin = await tx.child.findFirst({
      where: {
        familyId: family.id,
        firstName: { equals: firstName, mode: "insensitive" },
        birthDate: dayToDate(input.birthDate),
      },
      select: { id: true },
    });
    if (twin) throw new AppError("DUPLICATE", DUPLICATE_CHILD);
    const child = await tx.child.create({
      data: {
        familyId: family.id,
        lastName,
        firstName,
        sex: input.sex,
        birthDate: dayToDate(input.birthDate),
        schoolId,
        schoolLevel: input.schoolLevel,
        schoolClass: blankToNull(input.schoolClass),
      },
      select: { id: true },
    });
    await auditChildChange(tx, viewer, "child.create", { familyId: family.id, childId: child.id }, { lastName, firstName });
    return { childId: child.id };
  });
}

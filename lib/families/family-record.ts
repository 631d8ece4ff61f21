import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { ConsentKind, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { FAMILY_RECORD_FIELDS } from "@/lib/families/family-fields";
import { blankToNull } from "@/lib/validation/form-fields";

import { acceptedCurrentKinds, recordConsents, type CurrentConsentText } from "./consents";
import {
  FAMILY_RECORD_FIELD_LABELS,
  FAMILY_RECORD_UPPERCASE_FIELDS,
  GUARDIAN_FIELDS,
  guardianField,
  guardianFromRecord,
  type TFamilyRecord,
  type TFamilyRecordData,
  type TFamilyRecordParsed,
} from "./family-record.schema";
import { staleSaveError } from "./stale-save";

export const FAMILY_CONSENT_KINDS: ConsentKind[] = [
  "REGLEMENTS",
  "ATTESTATION_HONNEUR",
  "SIGNATURE_NUMERIQUE",
  "PROTECTION_DONNEES",
];

export const FAMILY_NOT_FOUND = "Dossier famille introuvable.";

export type FamilyRecordView = {
  values: TFamilyRecord;
  /** Texts in force, to show beside the statements. */
  consentTexts: Pick<CurrentConsentText, "kind" | "version" | "body">[];
  /** Statements accepted before whose text has since changed: asked again. */
  renewedKinds: ConsentKind[];
};

const guardianSelect = {
  position: true,
  civility: true,
  lastName: true,
  firstName: true,
  street: true,
  addressComplement: true,
  postalCode: true,
  city: true,
  homePhone: true,
  workPhone: true,
  mobilePhone: true,
  birthDate: true,
  birthPlace: true,
  profession: true,
  socioProfessionalCategory: true,
} as const;

/**
 * The record's data fields as the form shows them, and its version, or null for an unknown
 * family. Guardians' addresses default to the family's.
 */
export async function readFamilyRecordValues(
  db: Db,
  familyId: string,
): Promise<Record<string, string | number | boolean | null> | null> {
  const family = await db.family.findUnique({
    where: { id: familyId },
    select: {
      ...FAMILY_RECORD_FIELDS,
      version: true,
      guardians: { select: guardianSelect, orderBy: { position: "asc" } },
    },
  });
  if (!family) return null;
  const values: Record<string, string | number | boolean | null> = {
    version: family.version,
    civility: family.civility ?? "",
    name: family.name,
    street: family.street ?? "",
    addressComplement: family.addressComplement ?? "",
    postalCode: family.postalCode ?? "",
    city: family.city ?? "",
    homePhone: family.homePhone ?? "",
    situation: family.situation ?? "",
    allowanceNumber: family.allowanceNumber ?? "",
    allowanceHolder: family.allowanceHolder ?? "",
    benefitScheme: family.benefitScheme ?? "",
  };
  for (const position of [1, 2] as const) {
    const guardian = family.guardians.find((row) => row.position === position);
    const hasAddress = Boolean(guardian && (guardian.street || guardian.postalCode || guardian.city));
    for (const field of GUARDIAN_FIELDS) {
      let value: string;
      if (field === "birthDate") value = guardian?.birthDate ? dateToDay(guardian.birthDate) : "";
      else if (
        (field === "street" || field === "addressComplement" || field === "postalCode" || field === "city") &&
        !hasAddress
      ) {
        value = family[field] ?? ""; // prefilled from the family (guide)
      } else value = (guardian?.[field] as string | null | undefined) ?? "";
      values[guardianField(position, field)] = value;
    }
  }
  return values;
}

/** The form's initial values, from the viewer's own family. */
export async function getFamilyRecord(db: Db, viewer: ParentViewer): Promise<FamilyRecordView | null> {
  const values = await readFamilyRecordValues(db, viewer.familyId);
  if (!values) return null;
  const { texts, accepted } = await acceptedCurrentKinds(db, {
    familyId: viewer.familyId,
    childId: null,
    kinds: FAMILY_CONSENT_KINDS,
  });
  const everAccepted = await db.consent.findMany({
    where: { familyId: viewer.familyId, childId: null },
    select: { text: { select: { kind: true } } },
  });

  const isAccepted = (kind: ConsentKind) => accepted.has(kind);
  values.reglements = isAccepted("REGLEMENTS") ? "OUI" : "";
  values.attestationHonneur = isAccepted("ATTESTATION_HONNEUR") ? "OUI" : "";
  values.signatureNumerique = isAccepted("SIGNATURE_NUMERIQUE") ? "OUI" : "";
  values.protectionDonnees = isAccepted("PROTECTION_DONNEES");

  return {
    // The form's initial values, a draft: unanswered choices are "" where the schema asks for a value.
    values: values as TFamilyRecord,
    consentTexts: texts.map(({ kind, version, body }) => ({ kind, version, body })),
    renewedKinds: texts
      .filter((text) => !accepted.has(text.kind) && everAccepted.some((row) => row.text.kind === text.kind))
      .map((text) => text.kind),
  };
}

/**
 * Writes the record's data fields and its two guardians for `familyId`, inside the caller's
 * transaction: shared by the parent's save and the Guichet unique's. The family row is updated
 * only if it is still at the version the form was loaded with, and its version moves on: a save
 * made on an older version throws a StaleSaveError (naming the fields changed meanwhile), the
 * caller's transaction then rolls back. Consents are not written here — only the parent's save
 * records them. Returns the record's new version.
 */
export async function writeFamilyRecord(tx: Db, familyId: string, record: TFamilyRecordData): Promise<number> {
  const updated = await tx.family.updateMany({
    where: { id: familyId, version: record.version },
    data: {
      civility: record.civility,
      name: record.name.toUpperCase(),
      street: record.street,
      addressComplement: blankToNull(record.addressComplement),
      postalCode: record.postalCode,
      city: record.city.toUpperCase(),
      homePhone: blankToNull(record.homePhone),
      situation: record.situation,
      allowanceNumber: blankToNull(record.allowanceNumber),
      allowanceHolder: record.allowanceHolder || null,
      benefitScheme: record.benefitScheme,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) {
    const stale = await staleSaveError(tx, {
      target: "Family",
      id: familyId,
      familyId,
      version: record.version,
      loaded: record.loaded,
      labels: FAMILY_RECORD_FIELD_LABELS,
      upperCase: FAMILY_RECORD_UPPERCASE_FIELDS,
      readCurrent: () => readFamilyRecordValues(tx, familyId),
    });
    throw stale ?? new AppError("NOT_FOUND", FAMILY_NOT_FOUND);
  }

  for (const position of [1, 2] as const) {
    const data = guardianFromRecord(record, position);
    if (!data) {
      await tx.guardian.deleteMany({ where: { familyId, position } });
      continue;
    }
    const row = { ...data, birthDate: data.birthDate ? dayToDate(data.birthDate) : null };
    await tx.guardian.upsert({
      where: { familyId_position: { familyId, position } },
      create: { familyId, position, ...row },
      update: row,
    });
  }
  return record.version + 1;
}

/**
 * Saves the viewer's family record, its two guardians and the acceptance of the texts in force,
 * in one transaction. The family is the viewer's: no id comes from the form. Returns the
 * record's new version; a save made on an older version throws a StaleSaveError and changes nothing.
 */
export async function saveFamilyRecord(
  db: PrismaClient,
  viewer: ParentViewer,
  record: TFamilyRecordParsed,
  now = clock.now(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const version = await writeFamilyRecord(tx, viewer.familyId, record);
    await recordConsents(tx, {
      familyId: viewer.familyId,
      childId: null,
      userId: viewer.userId,
      kinds: FAMILY_CONSENT_KINDS,
      now,
    });
    return version;
  });
}

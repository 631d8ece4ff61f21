"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZAddChildSchema, ZStaffChildIdentitySchema } from "@/lib/children/add-child.schema";
import { ZStaffChildSheetSchema } from "@/lib/children/child-sheet.schema";
import {
  createFamilyWithParent,
  readChildHealth,
  resendActivation,
  setParentAccountActive,
  setQuotientFamilial,
} from "@/lib/families/families";
import {
  addChildForStaff,
  saveChildSheetForStaff,
  saveFamilyRecordForStaff,
  updateChildIdentityForStaff,
} from "@/lib/families/family-editing";
import { ZStaffFamilyRecordSchema } from "@/lib/families/family-record.schema";
import {
  ZAccountActiveSchema,
  ZAccountSchema,
  ZChildHealthSchema,
  ZCreateFamilySchema,
  ZQuotientSchema,
} from "@/lib/families/family.schema";
import { savedOrStale, StaleSaveError } from "@/lib/families/record-version";

export const createFamilyAction = staffAction(ZCreateFamilySchema, async (input, viewer, db) => {
  const created = await createFamilyWithParent(db, viewer, input);
  revalidatePath("/admin/familles");
  return { familyId: created.familyId };
});

export const resendActivationAction = staffAction(ZAccountSchema, async (input, viewer, db) => {
  await resendActivation(db, viewer, input.familyId, input.userId);
  return null;
});

export const setAccountActiveAction = staffAction(ZAccountActiveSchema, async (input, viewer, db) => {
  await setParentAccountActive(db, viewer, input.familyId, input.userId, input.active);
  revalidatePath(`/admin/familles/${input.familyId}`);
  return null;
});

export const setQuotientAction = staffAction(ZQuotientSchema, async (input, viewer, db) => {
  await setQuotientFamilial(db, viewer, input.familyId, input.quotientFamilial, undefined, input.validFrom);
  revalidatePath(`/admin/familles/${input.familyId}`);
  return null;
});

/** The explicit "Afficher les informations médicales": each call is audited. */
export const showChildHealthAction = staffAction(ZChildHealthSchema, async (input, viewer, db) =>
  readChildHealth(db, viewer, input.familyId, input.childId),
);

/**
 * « Modifier le dossier famille »: the record's data, never the family's consents. Saved, or
 * refused because the record moved on meanwhile (the form keeps what was typed).
 */
export const saveFamilyRecordStaffAction = staffAction(ZStaffFamilyRecordSchema, async (input, viewer, db) => {
  const outcome = await savedOrStale(() => saveFamilyRecordForStaff(db, viewer, input));
  if (outcome.saved) revalidatePath(`/admin/familles/${input.familyId}`);
  return outcome;
});

/** « Modifier la fiche enfant »: the sheet's data, never the family's « J'accepte ». Saved, or refused as above. */
export const saveChildSheetStaffAction = staffAction(ZStaffChildSheetSchema, async (input, viewer, db) => {
  const outcome = await savedOrStale(() => saveChildSheetForStaff(db, viewer, input));
  if (outcome.saved) revalidatePath(`/admin/familles/${input.familyId}`);
  return outcome;
});

/** « Ajouter un enfant »: the family then completes the sheet. */
export const addChildAction = staffAction(ZAddChildSchema, async (input, viewer, db) => {
  const created = await addChildForStaff(db, viewer, input);
  revalidatePath(`/admin/familles/${input.familyId}`);
  return created;
});

/**
 * « Modifier l'identité et la scolarité »: a child's identity and schooling, no medical section.
 * Refused when the sheet moved on meanwhile: the message names what changed, and the page is
 * refreshed all the same so that the form's hidden version (and values then) catch up — the
 * fields keep what the agent typed, and saving again is deliberate.
 */
export const updateChildIdentityAction = staffAction(ZStaffChildIdentitySchema, async (input, viewer, db) => {
  try {
    await updateChildIdentityForStaff(db, viewer, input);
  } catch (error) {
    if (error instanceof StaleSaveError) revalidatePath(`/admin/familles/${input.familyId}`);
    throw error; // shown as its French message
  }
  revalidatePath(`/admin/familles/${input.familyId}`);
  return { saved: true };
});

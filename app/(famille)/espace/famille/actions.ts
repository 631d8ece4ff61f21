"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import { saveFamilyRecord } from "@/lib/families/family-record";
import { ZFamilyRecordSchema } from "@/lib/families/family-record.schema";
import { savedOrStale } from "@/lib/families/record-version";

/** Saved (with the record's new version), or refused because the record moved on meanwhile: the form keeps what was typed. */
export const saveFamilyRecordAction = parentAction(ZFamilyRecordSchema, async (input, viewer, db) => {
  const outcome = await savedOrStale(() => saveFamilyRecord(db, viewer, input));
  if (outcome.saved) revalidatePath("/espace");
  return outcome;
});

"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import { saveChildSheet } from "@/lib/children/child-sheet";
import { ZChildSheetSchema } from "@/lib/children/child-sheet.schema";
import { savedOrStale } from "@/lib/families/record-version";

/** Saved (with the sheet's new version), or refused because the sheet moved on meanwhile: the form keeps what was typed. */
export const saveChildSheetAction = parentAction(ZChildSheetSchema, async (input, viewer, db) => {
  const outcome = await savedOrStale(() => saveChildSheet(db, viewer, input));
  if (outcome.saved) revalidatePath("/espace");
  return outcome;
});

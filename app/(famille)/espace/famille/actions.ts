"use server";

import { revalidatePath } from "next/cache";
import { parentAction } from "@/lib/auth/action";
import { saveFamilyRecord } from "@/lib/families/family-record";
import { ZFamilyRecordSchema } from "@/lib/families/family-record.schema";

export const saveFamilyRecordAction = parentAction(ZFamilyRecordSchema, async (input, viewer) => {
  await saveFamilyRecord(viewer, input);
  revalidatePath("/espace");
  return { saved: true };
});

"use server";

import { revalidatePath } from "next/cache";
import { parentAction } from "@/lib/auth/action";
import { saveChildSheet } from "@/lib/children/child-sheet";
import { ZChildSheetSchema } from "@/lib/children/child-sheet.schema";

export const saveChildSheetAction = parentAction(ZChildSheetSchema, async (input, viewer) => {
  await saveChildSheet(viewer, input);
  revalidatePath("/espace");
  return { saved: true };
});

"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { addClosures } from "@/lib/catalogue/closures";
import { ZClosureImportSchema } from "@/lib/catalogue/closure.schema";

export const addClosuresAction = staffAction(ZClosureImportSchema, async (input, viewer) => {
  const outcome = await addClosures(viewer, input);
  if (outcome.status === "done") revalidatePath(`/admin/catalogue/periodes/${input.periodId}`);
  return outcome;
});

"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import { ZDocumentIdSchema } from "@/lib/documents/document.schema";
import { deleteFamilyDocument } from "@/lib/documents/family-documents";

export const deleteDocumentAction = parentAction(ZDocumentIdSchema, async (input, viewer, db) => {
  await deleteFamilyDocument(db, viewer, input.id);
  revalidatePath("/espace");
  revalidatePath("/espace/documents");
  return { id: input.id };
});

"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZDocumentTypeIdSchema, ZDocumentTypeSchema, ZDocumentTypeUpdateSchema } from "@/lib/documents/document-type.schema";
import { createDocumentType, deleteDocumentType, updateDocumentType } from "@/lib/documents/document-types";

// Document types are set by agents and admins (staffAction): what families are asked to send.

/** A type shows in its list, the documents queue's filter, the upload form and the completeness. */
function revalidateTypes() {
  revalidatePath("/admin/documents", "layout");
  revalidatePath("/espace", "layout");
}

export const createDocumentTypeAction = staffAction(ZDocumentTypeSchema, async (input, viewer, db) => {
  const { id } = await createDocumentType(db, viewer, input);
  revalidateTypes();
  return { id };
});

export const updateDocumentTypeAction = staffAction(ZDocumentTypeUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateDocumentType(db, viewer, id, input);
  revalidateTypes();
  return { id };
});

export const deleteDocumentTypeAction = staffAction(ZDocumentTypeIdSchema, async ({ id }, viewer, db) => {
  await deleteDocumentType(db, viewer, id);
  revalidateTypes();
  return { id };
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { staffAction } from "@/lib/auth/action";
import { ZReviewDocumentSchema } from "@/lib/documents/document.schema";
import { reviewDocument } from "@/lib/documents/review-documents";

export const reviewDocumentAction = staffAction(ZReviewDocumentSchema, async (input, viewer, db) => {
  // A refusal's e-mail is in the outbox with the decision: delivery sends it, the agent never waits on SMTP.
  const outcome = await reviewDocument(db, viewer, input);
  revalidatePath("/admin/documents");
  redirect(`/admin/documents?decision=${outcome.status === "ACCEPTED" ? "accepte" : "refuse"}`);
});

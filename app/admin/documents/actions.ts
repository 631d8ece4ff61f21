"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { staffAction } from "@/lib/auth/action";
import { ZReviewDocumentSchema } from "@/lib/documents/document.schema";
import { refusalMail } from "@/lib/documents/refusal-mail";
import { reviewDocument } from "@/lib/documents/review-documents";
import { sendMail } from "@/lib/mail/send-mail";
import { getTownSettings } from "@/lib/town/settings";

export const reviewDocumentAction = staffAction(ZReviewDocumentSchema, async (input, viewer, db) => {
  const outcome = await reviewDocument(db, viewer, input);
  // After commit: the decision stands even if the mail server is down.
  if (outcome.refusal) {
    const town = await getTownSettings(db);
    const mail = refusalMail(town, outcome.refusal);
    for (const to of outcome.refusal.to) {
      await sendMail(db, to, mail).catch((error) => console.error("[documents] refusal e-mail not sent", to, error));
    }
  }
  revalidatePath("/admin/documents");
  redirect(`/admin/documents?decision=${outcome.status === "ACCEPTED" ? "accepte" : "refuse"}`);
});

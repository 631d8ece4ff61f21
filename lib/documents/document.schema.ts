import { z } from "zod";

import { optionalNamedText } from "@/lib/validation/form-fields";

export const DOCUMENT_NAME_MAX = 120;

/** "famille" or the id of one of the family's children. */
export const FAMILY_SCOPE = "famille";

// The upload form's fields; the file itself is checked from its bytes by inspect-upload.ts.
export const ZUploadDocumentSchema = z.object({
  concerns: z.union([z.literal(FAMILY_SCOPE), z.uuid({ error: "Choisissez la famille ou l'un de vos enfants." })], {
    error: "Choisissez la famille ou l'un de vos enfants.",
  }),
  typeId: z.uuid({ error: "Choisissez le type de document." }),
  // « Rappelez le nom du document » (guide): what the family calls it. Optional: left blank,
  // the document is named after its file.
  name: optionalNamedText("Le nom du document", DOCUMENT_NAME_MAX),
  // Sent from a crèche request's page (« Pièces à joindre »): the document is linked to it.
  earlyChildhoodRequestId: z.union([z.literal(""), z.uuid({ error: "Demande introuvable." })]).nullish(),
});
/** What the form and UploadThing's input send (the name may be left out). */
export type TUploadDocument = z.input<typeof ZUploadDocumentSchema>;
export type TUploadDocumentValues = z.output<typeof ZUploadDocumentSchema>;

export const ZDocumentIdSchema = z.object({ id: z.uuid({ error: "Document introuvable." }) });
export type TDocumentId = z.infer<typeof ZDocumentIdSchema>;

export const ZReviewDocumentSchema = z
  .object({
    id: z.uuid({ error: "Document introuvable." }),
    decision: z.enum(["accept", "refuse"], { error: "Choisissez d'accepter ou de refuser le document." }),
    reason: optionalNamedText("Le motif", 500),
  })
  .refine((input) => input.decision === "accept" || input.reason.length >= 3, {
    path: ["reason"],
    error: "Indiquez le motif du refus : il est envoyé à la famille.",
  });
export type TReviewDocument = z.input<typeof ZReviewDocumentSchema>;

// The staff's form for a type of supporting document (Documents > Types de documents): one
// schema for the form and the server actions.
import { z } from "zod";

import { blankToNull, checkbox, displayOrder, list, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

export const DOCUMENT_TYPE_SCOPES = [
  { value: "FAMILY", label: "La famille" },
  { value: "CHILD", label: "Un enfant" },
] as const;

export const ZDocumentTypeSchema = z.object({
  label: requiredNamedText("Le nom du type de document", 120).transform((value) => value.replace(/\s+/g, " ")),
  scope: z.enum(["FAMILY", "CHILD"], { error: "Indiquez si le document concerne la famille ou un enfant." }),
  mandatory: checkbox,
  // Only for a mandatory type: none ticked = required of everyone.
  activityIds: list(z.uuid({ error: "Service introuvable : rechargez la page." })).transform((ids) => [...new Set(ids)]),
  helpText: optionalNamedText("L'aide pour les familles", 300).transform(blankToNull),
  sortOrder: displayOrder,
  active: checkbox,
});
export type TDocumentType = z.output<typeof ZDocumentTypeSchema>;

export const ZDocumentTypeUpdateSchema = ZDocumentTypeSchema.extend({ id: z.uuid({ error: "Type de document introuvable." }) });

export const ZDocumentTypeIdSchema = z.object({ id: z.uuid({ error: "Type de document introuvable." }) });

import { z } from "zod";

import { requiredNamedText } from "@/lib/validation/form-fields";

import { CONSENT_KIND_ORDER, normaliseConsentBody } from "./consent-kinds";

// « Publier une nouvelle version » of a statement (issue #17 point 1): the text, and the version
// the administrator started from (another publication meanwhile is refused, nothing is lost).

export const CONSENT_BODY_MAX = 5000;

export const ZConsentTextSchema = z.object({
  kind: z.enum(CONSENT_KIND_ORDER, { error: "Texte d'engagement inconnu : rechargez la page." }),
  body: requiredNamedText("Le texte", CONSENT_BODY_MAX).transform(normaliseConsentBody),
  basedOnVersion: z.coerce
    .number({ error: "Version inconnue : rechargez la page." })
    .int("Version inconnue : rechargez la page.")
    .min(0, "Version inconnue : rechargez la page."),
});
export type TConsentText = z.input<typeof ZConsentTextSchema>;
export type TConsentTextParsed = z.output<typeof ZConsentTextSchema>;

import { z } from "zod";

import { blankToNull, displayOrder, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

import { contrastRatio, LIGHTEST_TEXT_ON_BRAND, MIN_CONTRAST } from "./brand-colour";

const text = requiredNamedText;

export const ZTownSettingsSchema = z.object({
  townName: text("Le nom de la commune", 120),
  portalName: text("Le nom du portail", 120),
  guichetName: text("Le nom du guichet", 120),
  guichetPhone: text("Le téléphone du guichet", 40),
  guichetEmail: z
    .string({ error: "L'adresse e-mail du guichet est obligatoire." })
    .trim()
    .min(1, "L'adresse e-mail du guichet est obligatoire.")
    .pipe(z.email({ error: "L'adresse e-mail du guichet n'est pas valide (exemple : guichet@mairie.fr)." })),
  guichetAddress: text("L'adresse du guichet", 300),
  guichetHours: text("Les horaires du guichet", 300),
  primaryColor: z
    .string({ error: "La couleur principale est obligatoire." })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "La couleur principale doit être au format #rrggbb (exemple : #1e3a6e).")
    .transform((value) => value.toLowerCase())
    .refine(
      (value) => contrastRatio(value, LIGHTEST_TEXT_ON_BRAND) >= MIN_CONTRAST,
      "Cette couleur est trop claire : le texte blanc affiché dessus ne serait pas lisible (contraste d'au moins 4,5:1 exigé). Choisissez une teinte plus foncée.",
    ),
});

export type TTownSettings = z.output<typeof ZTownSettingsSchema>;

// A contact's rows have nullable columns: an empty field is stored NULL.
const optionalText = (label: string, max: number) => optionalNamedText(label, max).transform(blankToNull);

export const ZUsefulContactSchema = z.object({
  label: text("Le nom du contact", 120),
  phone: optionalText("Le téléphone", 40),
  email: z
    .string()
    .trim()
    .optional()
    .transform(blankToNull)
    .pipe(z.email({ error: "L'adresse e-mail n'est pas valide (exemple : service@mairie.fr)." }).nullable()),
  address: optionalText("L'adresse", 300),
  hours: optionalText("Les horaires", 300),
  sortOrder: displayOrder,
});

export type TUsefulContact = z.output<typeof ZUsefulContactSchema>;

export const ZUsefulContactUpdateSchema = ZUsefulContactSchema.extend({ id: z.uuid({ error: "Contact introuvable." }) });
export const ZUsefulContactIdSchema = z.object({ id: z.uuid({ error: "Contact introuvable." }) });

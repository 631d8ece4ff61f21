import { z } from "zod";

import type { CrecheAgeGroup } from "@/lib/db/generated/enums";
import { checkbox, displayOrder, optionalId, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

// The petite-enfance settings as their admin forms post them: a crèche (name, code, address,
// opening hours, régie, places per age group, active) and an admission criterion (label, points,
// active, order).

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form field of each age group's places (the form's inputs, the schema, the writer). */
export const PLACES_FIELDS = {
  BEBES: "placesBebes",
  MOYENS: "placesMoyens",
  GRANDS: "placesGrands",
} as const satisfies Record<CrecheAgeGroup, string>;

const places = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? 0 : Number(value.trim())) : value),
    z
      .number({ error: `${label} : un nombre entier de places.` })
      .int(`${label} : un nombre entier de places.`)
      .min(0, `${label} : un nombre positif ou nul.`)
      .max(500, `${label} : 500 places au plus.`),
  );

const time = (label: string) =>
  z
    .string({ error: `${label} au format HH:MM.` })
    .trim()
    .regex(TIME, `${label} au format HH:MM.`);

const crecheFields = {
  name: requiredNamedText("Le nom de la crèche", 120),
  code: requiredNamedText("Le code", 12)
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9_-]{1,12}$/, "Le code ne peut contenir que des lettres sans accent, des chiffres, - et _.")),
  address: optionalNamedText("L'adresse", 200),
  opensAt: time("L'heure d'ouverture"),
  closesAt: time("L'heure de fermeture"),
  regieId: optionalId("Régie introuvable : rechargez la page."),
  [PLACES_FIELDS.BEBES]: places("Bébés"),
  [PLACES_FIELDS.MOYENS]: places("Moyens"),
  [PLACES_FIELDS.GRANDS]: places("Grands"),
  sortOrder: displayOrder,
  active: checkbox,
};

const openingHours = (creche: { opensAt: string; closesAt: string }, context: z.RefinementCtx) => {
  if (creche.opensAt >= creche.closesAt)
    context.addIssue({ code: "custom", path: ["closesAt"], message: "L'heure de fermeture doit suivre l'heure d'ouverture." });
};

const crecheId = z.uuid({ error: "Crèche introuvable." });

export const ZCrecheSchema = z.object(crecheFields).superRefine(openingHours);
export type TCreche = z.output<typeof ZCrecheSchema>;
export const ZCrecheUpdateSchema = z.object({ id: crecheId, ...crecheFields }).superRefine(openingHours);

const points = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z
    .number({ error: "Les points sont un nombre entier." })
    .int("Les points sont un nombre entier.")
    .min(0, "Les points sont positifs ou nuls.")
    .max(1000, "1 000 points au plus."),
);

export const ZCriterionUpdateSchema = z.object({
  id: z.uuid({ error: "Critère introuvable." }),
  label: requiredNamedText("Le libellé", 120),
  points,
  sortOrder: displayOrder,
  active: checkbox,
});
export type TCriterionUpdate = z.output<typeof ZCriterionUpdateSchema>;

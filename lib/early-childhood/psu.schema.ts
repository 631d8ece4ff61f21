import { z } from "zod";

import { checkbox } from "@/lib/validation/form-fields";

import { parseEffortRate } from "./psu";

// The staff forms of « Barème PSU » (issue #15 point 5): a year's PSU values (administrators) and
// a family's resources for a year (agents).

const AMOUNT_MESSAGE = "Montant invalide : saisissez un montant en euros, par exemple 801,00.";

/** « 1 234,56 » (euros, up to 9 999 999,99) → cents; null when it is not an amount. */
export function parseLargeEuros(text: string): number | null {
  const match = text
    .trim()
    .replace(/\s|€/g, "")
    .match(/^(\d{1,7})(?:[,.](\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

const euros = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { error: `${label} est obligatoire.`, abort: true })
    .transform((text, context) => {
      const cents = parseLargeEuros(text);
      if (cents === null) {
        context.addIssue({ code: "custom", message: AMOUNT_MESSAGE });
        return z.NEVER;
      }
      return cents;
    });

const rate = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { error: `${label} est obligatoire.`, abort: true })
    .transform((text, context) => {
      const millionths = parseEffortRate(text);
      if (millionths === null || millionths <= 0 || millionths >= 10_000) {
        context.addIssue({ code: "custom", message: "Taux invalide : saisissez un pourcentage, par exemple 0,0619." });
        return z.NEVER;
      }
      return millionths;
    });

const year = z.coerce
  .number({ error: "L'année est obligatoire." })
  .int({ error: "Année invalide." })
  .min(2020, { error: "Année invalide." })
  .max(2100, { error: "Année invalide." });

/** « Barème PSU » of a year: floor and ceiling of monthly resources (euros), the five taux d'effort (percent). */
export const ZPsuYearSchema = z
  .object({
    year,
    floor: euros("Le plancher"),
    ceiling: euros("Le plafond"),
    rateOneChild: rate("Le taux pour 1 enfant"),
    rateTwoChildren: rate("Le taux pour 2 enfants"),
    rateThreeChildren: rate("Le taux pour 3 enfants"),
    rateFourChildren: rate("Le taux pour 4 à 7 enfants"),
    rateEightChildren: rate("Le taux pour 8 enfants et plus"),
  })
  .refine((values) => values.floor < values.ceiling, { path: ["ceiling"], message: "Le plafond doit dépasser le plancher." });
export type TPsuYear = z.input<typeof ZPsuYearSchema>;
export type TPsuYearValues = z.output<typeof ZPsuYearSchema>;

/** A family's resources for a year's PSU rate. */
export const ZFamilyResourcesSchema = z.object({
  familyId: z.uuid({ error: "Famille introuvable : rechargez la page." }),
  year,
  annualResources: euros("Le montant des ressources annuelles"),
  dependentChildren: z.coerce
    .number({ error: "Le nombre d'enfants à charge est obligatoire." })
    .int({ error: "Nombre d'enfants invalide." })
    .min(1, { error: "Au moins 1 enfant à charge." })
    .max(20, { error: "Nombre d'enfants invalide." }),
  aeeh: checkbox,
  /** The contract page the form was opened from, to go back to. */
  contractId: z.union([z.uuid(), z.literal("")]).optional(),
});
export type TFamilyResources = z.input<typeof ZFamilyResourcesSchema>;

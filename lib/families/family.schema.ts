import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { blankToNull, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

const requiredText = (label: string) => requiredNamedText(label, 100);

export const ZCreateFamilySchema = z.object({
  familyName: requiredText("Le nom de la famille").transform((value) => value.toUpperCase()),
  firstName: requiredText("Le prénom du responsable"),
  lastName: requiredText("Le nom du responsable").transform((value) => value.toUpperCase()),
  email: z
    .string({ error: "L'adresse e-mail est obligatoire." })
    .trim()
    .toLowerCase()
    .pipe(z.email("L'adresse e-mail n'est pas valide.")),
  // The account's nullable column: no number is NULL.
  allowanceNumber: optionalNamedText("Le numéro d'allocataire", 20).transform(blankToNull),
});
export type TCreateFamily = z.input<typeof ZCreateFamilySchema>;

export const ZFamilySearchSchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
  sort: z.enum(["name", "-name", "createdAt", "-createdAt"]).optional().default("name"),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
export type TFamilySearch = z.output<typeof ZFamilySearchSchema>;

export const ZQuotientSchema = z.object({
  familyId: z.uuid(),
  quotientFamilial: z.coerce
    .number({ error: "Le quotient familial doit être un nombre entier." })
    .int("Le quotient familial doit être un nombre entier.")
    .min(0, "Le quotient familial ne peut pas être négatif.")
    .max(100_000, "Le quotient familial paraît trop élevé."),
  /** « Valable à partir du »: the days from then on are billed at this QF. */
  validFrom: z
    .string({ error: "Indiquez la date à partir de laquelle ce quotient est valable." })
    .trim()
    .min(1, { error: "Indiquez la date à partir de laquelle ce quotient est valable.", abort: true })
    .refine((value) => isCalendarDay(value) && value >= "2000-01-01", {
      error: "Date invalide : utilisez le format JJ/MM/AAAA.",
    }),
});
export type TQuotient = z.input<typeof ZQuotientSchema>;

export const ZAccountSchema = z.object({ familyId: z.uuid(), userId: z.uuid() });
export const ZAccountActiveSchema = ZAccountSchema.extend({
  active: z.union([z.literal("true"), z.literal("false"), z.boolean()]).transform((value) => value === true || value === "true"),
});
export const ZChildHealthSchema = z.object({ familyId: z.uuid(), childId: z.uuid() });

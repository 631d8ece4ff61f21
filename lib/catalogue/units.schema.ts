import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { requiredNamedText } from "@/lib/validation/form-fields";

import { dateListField } from "./date-list.schema";
import { TIME_PATTERN } from "./unit-rules";

// Numbers arrive from forms as text: "" is "missing", anything else must be a whole number.
const wholeNumber = (missing: string, invalid: string, max: number, maxMessage: string) =>
  z.union([z.string(), z.number()], { error: missing }).transform((value, context) => {
    const text = String(value).trim();
    if (text === "") {
      context.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    if (!/^\d+$/.test(text)) {
      context.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    const number = Number(text);
    if (number > max) {
      context.addIssue({ code: "custom", message: maxMessage });
      return z.NEVER;
    }
    return number;
  });

export const capacityField = wholeNumber(
  "La capacité est obligatoire.",
  "La capacité doit être un nombre entier positif ou nul.",
  100_000,
  "La capacité ne peut pas dépasser 100 000 places.",
);

const time = (label: string) =>
  z
    .string({ error: `L'heure de ${label} est obligatoire.` })
    .trim()
    .min(1, `L'heure de ${label} est obligatoire.`)
    .regex(TIME_PATTERN, `L'heure de ${label} doit être au format HH:MM (par exemple 12:15).`);

export const DAY_PART_VALUES = ["FULL_DAY", "MORNING", "AFTERNOON"] as const;

/** Journée / demi-journée (leisure units); "" (or absent) for a unit that is neither. */
const dayPartField = z
  .union([z.enum(DAY_PART_VALUES), z.literal("")], { error: "Choisissez journée, demi-journée (matin ou après-midi) ou aucune." })
  .optional()
  .transform((value) => (value ? value : null));

const unitFields = {
  label: requiredNamedText("Le libellé", 100),
  dayPart: dayPartField,
  startTime: time("début"),
  endTime: time("fin"),
  capacity: capacityField,
  sortOrder: z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, context) => {
      const text = String(value ?? "").trim();
      if (text === "") return 0;
      if (!/^-?\d{1,4}$/.test(text)) {
        context.addIssue({ code: "custom", message: "L'ordre d'affichage doit être un nombre entier (par exemple 1, 2, 3)." });
        return z.NEVER;
      }
      return Number(text);
    }),
};

function startBeforeEnd(value: { startTime: string; endTime: string }, context: z.RefinementCtx) {
  if (value.startTime >= value.endTime) {
    context.addIssue({ code: "custom", path: ["endTime"], message: "L'heure de fin doit être après l'heure de début." });
  }
}

const unitId = z.uuid({ error: "Unité introuvable." });

export const ZUnitCreateSchema = z
  .object({ periodId: z.uuid({ error: "Période introuvable." }), ...unitFields })
  .superRefine(startBeforeEnd);
export type TUnitCreate = z.input<typeof ZUnitCreateSchema>;

export const ZUnitUpdateSchema = z.object({ id: unitId, ...unitFields }).superRefine(startBeforeEnd);
export type TUnitUpdate = z.input<typeof ZUnitUpdateSchema>;

export const ZUnitDeleteSchema = z.object({ id: unitId });

/** Capacité par jour: one or several dates (like the closures import), one capacity. */
export const ZDayCapacitySchema = z.object({
  unitId,
  dates: dateListField("400 dates au plus à la fois."),
  capacity: capacityField,
});
export type TDayCapacity = z.input<typeof ZDayCapacitySchema>;

/** "Revenir à la capacité de l'unité" for one date. */
export const ZDayCapacityResetSchema = z.object({
  unitId,
  date: z.string({ error: "Date introuvable." }).refine(isCalendarDay, "Date illisible."),
});

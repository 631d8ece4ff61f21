import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { optionalNamedText } from "@/lib/validation/form-fields";

// A contract's day adjustments (issue #15 point 5): extra hours, or a deduction allowed by the PSU rule.

export const ADJUSTMENT_KINDS = ["EXTRA_HOURS", "CRECHE_CLOSURE", "HOSPITALISATION", "ILLNESS"] as const;
export type TAdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const ADJUSTMENT_KIND_LABELS: Record<TAdjustmentKind, string> = {
  EXTRA_HOURS: "Heures complémentaires",
  CRECHE_CLOSURE: "Fermeture de la crèche",
  HOSPITALISATION: "Hospitalisation",
  ILLNESS: "Maladie (certificat médical)",
};

export const ZAdjustmentSchema = z
  .object({
    contractId: z.uuid({ error: "Contrat introuvable : rechargez la page." }),
    date: z
      .string({ error: "La date est obligatoire." })
      .trim()
      .min(1, { error: "La date est obligatoire.", abort: true })
      .refine(isCalendarDay, { error: "Date invalide : utilisez le format JJ/MM/AAAA." }),
    kind: z.enum(ADJUSTMENT_KINDS, { error: "Choisissez le type d'ajustement." }),
    /** EXTRA_HOURS only: the extra minutes. */
    minutes: z.preprocess(
      (value) => (value === "" || value === undefined || value === null ? undefined : value),
      z.coerce
        .number({ error: "Durée invalide." })
        .int({ error: "Durée invalide : un nombre entier de minutes." })
        .min(1, { error: "Durée invalide." })
        .max(720, { error: "Au plus 720 minutes (12 h) dans une journée." })
        .optional(),
    ),
    note: optionalNamedText("La note", 200),
  })
  .superRefine((input, context) => {
    if (input.kind === "EXTRA_HOURS" && input.minutes === undefined) {
      context.addIssue({
        code: "custom",
        path: ["minutes"],
        message: "Indiquez la durée des heures complémentaires, en minutes.",
      });
    }
    if (input.kind === "ILLNESS" && input.note === "") {
      context.addIssue({
        code: "custom",
        path: ["note"],
        message: "Indiquez le certificat médical (par exemple « certificat du Dr Martin du 16/11/2026 »).",
      });
    }
  });
export type TAdjustment = z.input<typeof ZAdjustmentSchema>;

export const ZAdjustmentDeleteSchema = z.object({ id: z.uuid({ error: "Ajustement introuvable : rechargez la page." }) });

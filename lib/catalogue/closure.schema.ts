import { z } from "zod";

import { dateListField } from "./date-list.schema";

export const ZClosureImportSchema = z.object({
  periodId: z.uuid(),
  dates: dateListField("400 dates au plus par import."),
  reason: z
    .string({ error: "Le motif est obligatoire." })
    .trim()
    .min(1, "Le motif est obligatoire.")
    .max(200, "Le motif ne peut pas dépasser 200 caractères."),
  // "true" once staff have seen the affected families and confirmed the cancellations.
  confirm: z
    .union([z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "true"),
});
export type TClosureImport = z.input<typeof ZClosureImportSchema>;

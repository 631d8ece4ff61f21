import { z } from "zod";

import { requiredNamedText } from "@/lib/validation/form-fields";

import { dateListField } from "./date-list.schema";

export const ZClosureImportSchema = z.object({
  periodId: z.uuid(),
  dates: dateListField("400 dates au plus par import."),
  reason: requiredNamedText("Le motif", 200),
  // "true" once staff have seen the affected families and confirmed the cancellations.
  confirm: z
    .union([z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "true"),
});
export type TClosureImport = z.input<typeof ZClosureImportSchema>;

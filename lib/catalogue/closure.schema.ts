import { z } from "zod";
import { parseDateList } from "./date-list";

export const ZClosureImportSchema = z.object({
  periodId: z.uuid(),
  dates: z
    .string({ error: "Saisissez au moins une date." })
    .transform((text, context) => {
      const parsed = parseDateList(text);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: `Dates illisibles : ${parsed.invalid.join(", ")} (format attendu : JJ/MM/AAAA).` });
        return z.NEVER;
      }
      if (parsed.days.length === 0) {
        context.addIssue({ code: "custom", message: "Saisissez au moins une date." });
        return z.NEVER;
      }
      if (parsed.days.length > 400) {
        context.addIssue({ code: "custom", message: "400 dates au plus par import." });
        return z.NEVER;
      }
      return parsed.days;
    }),
  reason: z.string({ error: "Le motif est obligatoire." }).trim().min(1, "Le motif est obligatoire.").max(200, "Le motif ne peut pas dépasser 200 caractères."),
  // "true" once staff have seen the affected families and confirmed the cancellations.
  confirm: z
    .union([z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "true"),
});
export type TClosureImport = z.input<typeof ZClosureImportSchema>;

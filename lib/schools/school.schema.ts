// The staff's school form (Catalogue > Écoles): one schema for the form and the server actions.
import { z } from "zod";

import { SCHOOL_LEVELS } from "@/lib/children/child-labels";
import { blankToNull, list, optionalNamedText, optionValues, requiredNamedText } from "@/lib/validation/form-fields";

import { KIND_LEVELS, SCHOOL_KINDS } from "./school-levels";

export const ZSchoolSchema = z
  .object({
    name: requiredNamedText("Le nom de l'école", 120).transform((value) => value.replace(/\s+/g, " ")),
    address: optionalNamedText("L'adresse", 300).transform(blankToNull),
    kind: z.enum(optionValues(SCHOOL_KINDS), { error: "Indiquez si l'école est maternelle, élémentaire ou primaire." }),
    levels: list(z.enum(optionValues(SCHOOL_LEVELS), { error: "Niveau scolaire inconnu." })).transform((levels) =>
      // In the school's order, once each.
      SCHOOL_LEVELS.map((level) => level.value).filter((level) => levels.includes(level)),
    ),
  })
  .superRefine((input, context) => {
    if (input.levels.length === 0) {
      context.addIssue({ code: "custom", path: ["levels"], message: "Cochez au moins un niveau proposé par l'école." });
      return;
    }
    const allowed = KIND_LEVELS[input.kind];
    const outside = input.levels.filter((level) => !allowed.includes(level));
    if (outside.length)
      context.addIssue({
        code: "custom",
        path: ["levels"],
        message: `Une école ${input.kind === "MATERNELLE" ? "maternelle" : "élémentaire"} ne propose pas ${outside.join(", ")} : changez le type d'école ou décochez ces niveaux.`,
      });
  });
export type TSchool = z.output<typeof ZSchoolSchema>;

export const ZSchoolUpdateSchema = ZSchoolSchema.and(z.object({ id: z.uuid({ error: "École introuvable." }) }));

export const ZSchoolIdSchema = z.object({ id: z.uuid({ error: "École introuvable." }) });

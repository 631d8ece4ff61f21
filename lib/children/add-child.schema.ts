// « Ajouter un enfant » (Guichet unique, SPEC §9): the child's identity and schooling; the parent
// then completes the sheet. One schema for the form and the server action.
import { z } from "zod";
import { isCalendarDay, parisToday } from "@/lib/dates/calendar-day";
import { birthDay, optionalText, requiredChoice, requiredText, UNEXPECTED_FIELD } from "@/lib/families/form-fields";
import { childBirthDateProblem } from "./birth-date";
import { SCHOOL_LEVELS, SEXES } from "./child-sheet.schema";

const values = <T extends readonly { value: string }[]>(options: T) =>
  options.map((option) => option.value) as unknown as [T[number]["value"], ...T[number]["value"][]];

export const ZAddChildSchema = z.strictObject(
  {
    familyId: z.uuid({ error: "Famille introuvable." }),
    lastName: requiredText("Le nom de l'enfant est obligatoire."),
    firstName: requiredText("Le prénom de l'enfant est obligatoire."),
    sex: requiredChoice(values(SEXES), "Indiquez le sexe de l'enfant."),
    birthDate: birthDay("La date de naissance est obligatoire.").superRefine((day, context) => {
      // Field-level message for the form; the lib checks again against its own "now".
      const problem = isCalendarDay(day) ? childBirthDateProblem(day, parisToday(new Date())) : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
    schoolId: z.string({ error: "Choisissez l'école." }).trim().min(1, "Choisissez l'école.").max(64),
    schoolLevel: requiredChoice(values(SCHOOL_LEVELS), "Choisissez la classe (niveau)."),
    schoolClass: optionalText(60).optional().default(""),
  },
  { error: UNEXPECTED_FIELD },
);

export type TAddChild = z.input<typeof ZAddChildSchema>;
export type TAddChildParsed = z.output<typeof ZAddChildSchema>;

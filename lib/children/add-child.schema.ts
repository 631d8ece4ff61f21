// « Ajouter un enfant » (Guichet unique, SPEC §9): the child's identity and schooling; the parent
// then completes the sheet. One schema for the form and the server action.
import { z } from "zod";

import { ZLoadedValues, ZRecordVersion } from "@/lib/families/record-version";
import { optionalText, optionValues, requiredChoice, requiredText, UNEXPECTED_FIELD } from "@/lib/validation/form-fields";

import { SCHOOL_LEVELS, SEXES } from "./child-labels";
import { childBirthDay } from "./child-sheet.schema";

// Identity and schooling: the fields of « Ajouter un enfant » and of « Modifier l'identité et la
// scolarité ». The birth date is checked at the field; the lib checks again against its own "now".
const childIdentityShape = {
  lastName: requiredText("Le nom de l'enfant est obligatoire."),
  firstName: requiredText("Le prénom de l'enfant est obligatoire."),
  sex: requiredChoice(optionValues(SEXES), "Indiquez le sexe de l'enfant."),
  birthDate: childBirthDay("La date de naissance est obligatoire."),
  schoolId: z.string({ error: "Choisissez l'école." }).trim().min(1, "Choisissez l'école.").max(64),
  schoolLevel: requiredChoice(optionValues(SCHOOL_LEVELS), "Choisissez la classe (niveau)."),
  schoolClass: optionalText(60),
};

/** The identity and schooling fields as « Ajouter un enfant » and « Modifier l'identité et la scolarité » label them. */
export const CHILD_IDENTITY_FIELD_LABELS: Record<keyof typeof childIdentityShape, string> = {
  lastName: "Nom de l'enfant",
  firstName: "Prénom de l'enfant",
  sex: "Sexe",
  birthDate: "Date de naissance",
  schoolId: "École",
  schoolLevel: "Classe (niveau)",
  schoolClass: "Classe (précision)",
};

export const ZAddChildSchema = z.strictObject(
  { familyId: z.uuid({ error: "Famille introuvable." }), ...childIdentityShape },
  { error: UNEXPECTED_FIELD },
);

/**
 * « Modifier l'identité et la scolarité » (Guichet unique): a child of the family named by its
 * id, without the sheet's medical sections — a class corrected right after « Ajouter un enfant »
 * needs no medical data.
 */
export const ZStaffChildIdentitySchema = z.strictObject(
  {
    familyId: z.uuid({ error: "Fiche enfant introuvable." }),
    childId: z.string({ error: "Fiche enfant introuvable." }).min(1, "Fiche enfant introuvable.").max(64),
    ...childIdentityShape,
    // The sheet's version the form was loaded with, and its values then (JSON), see record-version.ts.
    version: ZRecordVersion,
    loaded: ZLoadedValues,
  },
  { error: UNEXPECTED_FIELD },
);

export type TAddChild = z.input<typeof ZAddChildSchema>;
export type TAddChildParsed = z.output<typeof ZAddChildSchema>;
export type TStaffChildIdentity = z.input<typeof ZStaffChildIdentitySchema>;
export type TStaffChildIdentityParsed = z.output<typeof ZStaffChildIdentitySchema>;

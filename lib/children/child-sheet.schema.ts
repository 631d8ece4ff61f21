// "Voir / Modifier la fiche enfant" (SPEC §4): one schema for the react-hook-form form and the
// server action. Every section is to be filled "impérativement et précisément" (guide).
import { z } from "zod";

import * as clock from "@/lib/clock";
import { isCalendarDay } from "@/lib/dates/calendar-day";
import { parentAndStaffSchemas } from "@/lib/families/family-forms.schema";
import { ZLoadedValues, ZRecordVersion } from "@/lib/families/record-version";
import {
  birthDay,
  optionalText,
  optionValues,
  requiredChoice,
  requiredPhone,
  requiredText,
  UNEXPECTED_FIELD,
  yesNo,
} from "@/lib/validation/form-fields";

import { childBirthDateProblem } from "./birth-date";
import { DIET_KINDS, SCHOOL_LEVELS, SEXES } from "./child-labels";

export const AUTHORISATIONS = [
  {
    name: "authEmergencyCare",
    label:
      "J'autorise le responsable de la structure à faire pratiquer les soins médicaux urgents et, si nécessaire, l'hospitalisation de mon enfant.",
  },
  {
    name: "authPhotos",
    label: "J'autorise la Ville à photographier ou filmer mon enfant pendant les activités, pour ses supports d'information.",
  },
  {
    name: "authLeaveAlone",
    label: "J'autorise mon enfant à quitter seul la structure à la fin de l'activité (enfants les plus grands).",
  },
  { name: "authTransport", label: "J'autorise mon enfant à être transporté (car, minibus) lors des sorties organisées." },
] as const;

export const MAX_PEOPLE = 6;

/**
 * A child's birth date, checked at the field against today (not in the future, under
 * MAX_CHILD_AGE_YEARS): the same rule for adding a child and editing a sheet. The lib checks
 * again against its own "now".
 */
export const childBirthDay = (message: string) =>
  birthDay(message).superRefine((day, context) => {
    const problem = isCalendarDay(day) ? childBirthDateProblem(day, clock.today()) : null;
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

const ZPersonSchema = z.strictObject(
  {
    name: requiredText("Le nom et le prénom sont obligatoires."),
    relation: requiredText("Le lien avec l'enfant est obligatoire (exemple : grand-mère)."),
    phone: requiredPhone("Le téléphone est obligatoire."),
  },
  { error: UNEXPECTED_FIELD },
);

// The sections' data edited by the parent and by the Guichet unique alike (the authorisations
// excepted: see authorisationsShape).
const childSheetCommonShape = {
  childId: z.string({ error: "Fiche enfant introuvable." }).min(1, "Fiche enfant introuvable.").max(64),
  // INFORMATIONS DE L'ENFANT
  lastName: requiredText("Le nom de l'enfant est obligatoire."),
  firstName: requiredText("Le prénom de l'enfant est obligatoire."),
  sex: requiredChoice(optionValues(SEXES), "Indiquez le sexe de l'enfant."),
  birthDate: childBirthDay("La date de naissance est obligatoire."),
  schoolId: z.string({ error: "Choisissez l'école." }).min(1, "Choisissez l'école.").max(64),
  schoolLevel: requiredChoice(optionValues(SCHOOL_LEVELS), "Choisissez le niveau de classe."),
  schoolClass: optionalText(60),
  // RENSEIGNEMENTS MÉDICAUX
  doctorName: requiredText("Le nom du médecin traitant est obligatoire."),
  doctorPhone: requiredPhone("Le téléphone du médecin traitant est obligatoire."),
  allergies: optionalText(1000),
  hasPai: yesNo("Indiquez si l'enfant a un PAI (projet d'accueil individualisé)."),
  treatments: optionalText(1000),
  vaccinationsUpToDate: yesNo("Indiquez si les vaccinations sont à jour."),
  remarks: optionalText(1000),
  // RÉGIME ALIMENTAIRE
  dietKind: requiredChoice(optionValues(DIET_KINDS), "Indiquez si l'enfant a un régime alimentaire spécifique."),
  dietDetails: optionalText(500),
  // PERSONNES À CONTACTER / AUTORISÉES
  emergencyContacts: z
    .array(ZPersonSchema, { error: "Indiquez au moins une personne à contacter en cas d'urgence." })
    .min(1, "Indiquez au moins une personne à contacter en cas d'urgence.")
    .max(MAX_PEOPLE, `${MAX_PEOPLE} personnes au plus.`),
  authorisedPersons: z.array(ZPersonSchema, { error: "Liste invalide." }).max(MAX_PEOPLE, `${MAX_PEOPLE} personnes au plus.`),
  // The sheet's version the form was loaded with (see record-version.ts).
  version: ZRecordVersion,
  loaded: ZLoadedValues,
};

// AUTORISATIONS: the family's answers, covered by its « J'accepte ». Only the parent answers
// them; the Guichet unique sees them read-only (a staff change would stay covered by an
// acceptance the family never gave for it).
const authorisationsShape = {
  authEmergencyCare: yesNo("Répondez à l'autorisation de soins d'urgence."),
  authPhotos: yesNo("Répondez à l'autorisation de photographier."),
  authLeaveAlone: yesNo("Répondez à l'autorisation de partir seul."),
  authTransport: yesNo("Répondez à l'autorisation de transport."),
};

/** Each field of the sheet with its French label, in the form's order: what a refused save names as changed. */
export const CHILD_SHEET_FIELD_LABELS: Record<
  Exclude<keyof typeof childSheetCommonShape | keyof typeof authorisationsShape, "childId" | "version" | "loaded">,
  string
> = {
  lastName: "Nom",
  firstName: "Prénom",
  sex: "Sexe",
  birthDate: "Date de naissance",
  schoolId: "École",
  schoolLevel: "Niveau",
  schoolClass: "Classe",
  doctorName: "Médecin traitant",
  doctorPhone: "Téléphone du médecin traitant",
  allergies: "Allergies",
  hasPai: "PAI (projet d'accueil individualisé)",
  vaccinationsUpToDate: "Vaccinations à jour",
  treatments: "Traitements en cours",
  remarks: "Autres remarques",
  dietKind: "Régime alimentaire",
  dietDetails: "Précisions sur le régime",
  emergencyContacts: "Les personnes à contacter en cas d'urgence",
  authorisedPersons: "Les personnes autorisées à venir chercher l'enfant",
  authEmergencyCare: "Autorisation de soins d'urgence",
  authPhotos: "Autorisation de photographier",
  authLeaveAlone: "Autorisation de partir seul",
  authTransport: "Autorisation de transport",
};

/** Fields the save stores in capitals. */
export const CHILD_UPPERCASE_FIELDS = ["lastName", "firstName"] as const;

/** The sheet's data fields once parsed, whoever edits them (no authorisations). */
export type TChildSheetCommonData = z.output<z.ZodObject<typeof childSheetCommonShape>>;
/** The four authorisations' answers (OUI / NON). */
export type TChildAuthorisations = z.output<z.ZodObject<typeof authorisationsShape>>;
/** The parent's sheet data: the common sections and the authorisations. */
export type TChildSheetData = TChildSheetCommonData & TChildAuthorisations;

function refineChildSheet(value: TChildSheetCommonData, context: z.RefinementCtx) {
  if ((value.dietKind === "AUTRE" || value.dietKind === "ALLERGIE_PAI") && value.dietDetails === "") {
    context.addIssue({ code: "custom", path: ["dietDetails"], message: "Précisez le régime alimentaire." });
  }
}

/**
 * The parent's form (the data, the authorisations and « J'accepte ») and the Guichet unique's
 * (the same data for a child of the family named by its id: staff never accept for the family
 * nor answer its authorisations).
 */
export const { parent: ZChildSheetSchema, staff: ZStaffChildSheetSchema } = parentAndStaffSchemas({
  data: childSheetCommonShape,
  parentOnly: { ...authorisationsShape, accept: z.literal(true, { error: "Cochez « J'accepte » pour enregistrer." }) },
  notFound: "Fiche enfant introuvable.",
  refine: refineChildSheet,
});

export type TChildSheet = z.input<typeof ZChildSheetSchema>;
export type TChildSheetParsed = z.output<typeof ZChildSheetSchema>;
export type TStaffChildSheet = z.input<typeof ZStaffChildSheetSchema>;
export type TStaffChildSheetParsed = z.output<typeof ZStaffChildSheetSchema>;

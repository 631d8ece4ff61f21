// "Modifier les informations de la famille" (SPEC §3): one schema for the react-hook-form form
// and the server action. Flat field names, so that the action's field errors land on the same
// inputs as the browser's.
import { z } from "zod";

import {
  blankToNull,
  optionalBirthDay,
  optionalChoice,
  optionalPhone,
  optionalPostalCode,
  optionalText,
  optionValues,
  requiredChoice,
  requiredText,
} from "@/lib/validation/form-fields";

import { parentAndStaffSchemas } from "./family-forms.schema";
import { ZLoadedValues, ZRecordVersion } from "./record-version";

export const FAMILY_CIVILITIES = [
  { value: "M_ET_MME", label: "M. et Mme" },
  { value: "M", label: "M." },
  { value: "MME", label: "Mme" },
  { value: "M_ET_M", label: "M. et M." },
  { value: "MME_ET_MME", label: "Mme et Mme" },
] as const;

export const CIVILITIES = [
  { value: "M", label: "M." },
  { value: "MME", label: "Mme" },
] as const;

export const FAMILY_SITUATIONS = [
  { value: "MARIES", label: "Mariés" },
  { value: "PACSES", label: "Pacsés" },
  { value: "VIE_MARITALE", label: "Vie maritale" },
  { value: "CELIBATAIRE", label: "Célibataire" },
  { value: "SEPARES", label: "Séparés" },
  { value: "DIVORCES", label: "Divorcés" },
  { value: "VEUF", label: "Veuf / veuve" },
] as const;

export const ALLOWANCE_HOLDERS = [
  { value: "MERE", label: "Mère" },
  { value: "PERE", label: "Père" },
] as const;

export const BENEFIT_SCHEMES = [
  { value: "CAF", label: "CAF" },
  { value: "MSA", label: "MSA" },
  { value: "AUTRES", label: "AUTRES" },
] as const;

/** INSEE PCS 2020, the eight groups. */
export const SOCIO_PROFESSIONAL_CATEGORIES = [
  { value: "AGRICULTEUR", label: "Agriculteur exploitant" },
  { value: "ARTISAN_COMMERCANT_CHEF_ENTREPRISE", label: "Artisan, commerçant, chef d'entreprise" },
  { value: "CADRE_PROFESSION_INTELLECTUELLE", label: "Cadre, profession intellectuelle supérieure" },
  { value: "PROFESSION_INTERMEDIAIRE", label: "Profession intermédiaire" },
  { value: "EMPLOYE", label: "Employé" },
  { value: "OUVRIER", label: "Ouvrier" },
  { value: "RETRAITE", label: "Retraité" },
  { value: "SANS_ACTIVITE", label: "Sans activité professionnelle" },
] as const;

const guardianShape = (position: 1 | 2) => {
  const required = position === 1;
  const who = `du responsable ${position}`;
  return {
    civility: required
      ? requiredChoice(optionValues(CIVILITIES), `Choisissez la civilité ${who}.`)
      : optionalChoice(optionValues(CIVILITIES)),
    lastName: required ? requiredText(`Le nom ${who} est obligatoire.`) : optionalText(),
    firstName: required ? requiredText(`Le prénom ${who} est obligatoire.`) : optionalText(),
    street: optionalText(150),
    addressComplement: optionalText(150),
    postalCode: optionalPostalCode,
    city: optionalText(),
    homePhone: optionalPhone,
    workPhone: optionalPhone,
    mobilePhone: optionalPhone,
    birthDate: optionalBirthDay,
    birthPlace: optionalText(),
    profession: optionalText(),
    socioProfessionalCategory: optionalChoice(optionValues(SOCIO_PROFESSIONAL_CATEGORIES)),
  };
};

type GuardianShape = ReturnType<typeof guardianShape>;
type Prefixed<P extends string, S> = { [K in keyof S & string as `${P}${Capitalize<K>}`]: S[K] };

function prefixed<P extends string>(prefix: P, shape: GuardianShape): Prefixed<P, GuardianShape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [`${prefix}${key[0].toUpperCase()}${key.slice(1)}`, schema]),
  ) as Prefixed<P, GuardianShape>;
}

export const GUARDIAN_FIELDS = Object.keys(guardianShape(1)) as (keyof GuardianShape)[];

/** A guardian's fields as the form labels them, under « Responsable 1 » / « Responsable 2 ». */
export const GUARDIAN_FIELD_LABELS: Record<keyof GuardianShape, string> = {
  civility: "Civilité",
  lastName: "Nom",
  firstName: "Prénom",
  street: "N° et rue",
  addressComplement: "Complément d'adresse",
  postalCode: "Code postal",
  city: "Ville",
  homePhone: "Tél. domicile",
  workPhone: "Tél. professionnel",
  mobilePhone: "Tél. mobile",
  birthDate: "Date de naissance",
  birthPlace: "Lieu de naissance",
  profession: "Profession",
  socioProfessionalCategory: "Catégorie socio-professionnelle",
};
export const GUARDIAN_ADDRESS_FIELDS = ["street", "addressComplement", "postalCode", "city"] as const;

export const guardianField = (position: 1 | 2, field: keyof GuardianShape) =>
  `guardian${position}${field[0].toUpperCase()}${field.slice(1)}` as `guardian${1 | 2}${Capitalize<keyof GuardianShape>}`;

const oui = (message: string) => z.literal("OUI", { error: message });

// COORDONNÉES and INFORMATIONS PERSONNELLES: the family's own fields.
const familyFieldsShape = {
  // COORDONNÉES
  civility: requiredChoice(optionValues(FAMILY_CIVILITIES), "Choisissez la civilité."),
  name: requiredText("Le nom de famille est obligatoire."),
  street: requiredText("Le numéro et la rue sont obligatoires.", 150),
  addressComplement: optionalText(150),
  postalCode: z
    .string({ error: "Le code postal est obligatoire." })
    .trim()
    .min(1, { error: "Le code postal est obligatoire.", abort: true })
    .regex(/^\d{5}$/, "Le code postal comporte 5 chiffres (exemple : 12000)."),
  city: requiredText("La ville est obligatoire."),
  homePhone: optionalPhone,
  // INFORMATIONS PERSONNELLES
  situation: requiredChoice(optionValues(FAMILY_SITUATIONS), "Choisissez la situation familiale."),
  allowanceNumber: optionalText(20).refine((value) => value === "" || /^[0-9A-Za-z]{4,20}$/.test(value), {
    error: "Le numéro d'allocataire ne contient que des chiffres et des lettres.",
  }),
  // Radio buttons: null while neither is chosen.
  allowanceHolder: optionalChoice(optionValues(ALLOWANCE_HOLDERS)).nullable(),
  benefitScheme: requiredChoice(optionValues(BENEFIT_SCHEMES), "Choisissez le régime (CAF, MSA ou AUTRES)."),
};

/** The family's own fields as the form labels them. */
export const FAMILY_FIELD_LABELS: Record<keyof typeof familyFieldsShape, string> = {
  civility: "Civilité",
  name: "Nom de famille",
  street: "N° et rue",
  addressComplement: "Complément d'adresse",
  postalCode: "Code postal",
  city: "Ville",
  homePhone: "Téléphone domicile",
  situation: "Situation familiale",
  allowanceNumber: "Numéro d'allocataire",
  allowanceHolder: "Titulaire du numéro d'allocataire (mère ou père)",
  benefitScheme: "Régime",
};

/** Every data field of the record with its French label, in the form's order: what a refused save names as changed. */
export const FAMILY_RECORD_FIELD_LABELS: Record<string, string> = {
  ...FAMILY_FIELD_LABELS,
  ...Object.fromEntries(
    ([1, 2] as const).flatMap((position) =>
      GUARDIAN_FIELDS.map((field) => [
        guardianField(position, field),
        `Responsable ${position} – ${GUARDIAN_FIELD_LABELS[field]}`,
      ]),
    ),
  ),
};

/** Fields the save stores in capitals (« Rodez » is saved « RODEZ »). */
export const FAMILY_RECORD_UPPERCASE_FIELDS = ["name", "city"] as const;

// COORDONNÉES, INFORMATIONS PERSONNELLES and LES PARENTS: the fields the parent and the Guichet
// unique both edit, and the record's version the form was loaded with (see record-version.ts).
// Only the parent answers the statements (below).
const familyRecordDataShape = {
  ...familyFieldsShape,
  // LES PARENTS
  ...prefixed("guardian1", guardianShape(1)),
  ...prefixed("guardian2", guardianShape(2)),
  version: ZRecordVersion,
  loaded: ZLoadedValues,
};

/** The record's data fields once parsed, whoever edits them. */
export type TFamilyRecordData = z.output<z.ZodObject<typeof familyRecordDataShape>>;

function refineFamilyRecord(value: TFamilyRecordData, context: z.RefinementCtx) {
  // Guide: Responsable 2 is optional, but once named, named fully.
  const secondStarted = GUARDIAN_FIELDS.some(
    (field) => !(GUARDIAN_ADDRESS_FIELDS as readonly string[]).includes(field) && value[guardianField(2, field)] !== "",
  );
  if (secondStarted) {
    if (value.guardian2Civility === "")
      context.addIssue({ code: "custom", path: ["guardian2Civility"], message: "Choisissez la civilité du responsable 2." });
    if (value.guardian2LastName === "")
      context.addIssue({ code: "custom", path: ["guardian2LastName"], message: "Le nom du responsable 2 est obligatoire." });
    if (value.guardian2FirstName === "")
      context.addIssue({ code: "custom", path: ["guardian2FirstName"], message: "Le prénom du responsable 2 est obligatoire." });
  }
  const phones = [
    value.homePhone,
    value.guardian1HomePhone,
    value.guardian1MobilePhone,
    value.guardian1WorkPhone,
    value.guardian2HomePhone,
    value.guardian2MobilePhone,
    value.guardian2WorkPhone,
  ];
  if (phones.every((phone) => phone === "")) {
    context.addIssue({
      code: "custom",
      path: ["homePhone"],
      message: "Indiquez au moins un numéro de téléphone (domicile ou d'un responsable).",
    });
  }
}

/**
 * The parent's form (the data, the three OUI statements and the data-protection notice) and the
 * Guichet unique's (SPEC §9 "view/edit records": the same data for the family named by its id;
 * staff never answer the statements for the family).
 */
export const { parent: ZFamilyRecordSchema, staff: ZStaffFamilyRecordSchema } = parentAndStaffSchemas({
  data: familyRecordDataShape,
  parentOnly: {
    reglements: oui("Sélectionnez OUI après avoir pris connaissance des règlements."),
    attestationHonneur: oui("Sélectionnez OUI pour attester l'exactitude des renseignements."),
    signatureNumerique: oui("Sélectionnez OUI pour signer numériquement."),
    protectionDonnees: z.literal(true, { error: "Cochez « J'accepte » pour enregistrer." }),
  },
  notFound: "Dossier famille introuvable.",
  refine: refineFamilyRecord,
});

export type TFamilyRecord = z.input<typeof ZFamilyRecordSchema>;
export type TFamilyRecordParsed = z.output<typeof ZFamilyRecordSchema>;
export type TStaffFamilyRecord = z.input<typeof ZStaffFamilyRecordSchema>;
export type TStaffFamilyRecordParsed = z.output<typeof ZStaffFamilyRecordSchema>;

/** The guardian at `position` from the parsed form, or null when Responsable 2 was left empty. */
export function guardianFromRecord(record: TFamilyRecordData, position: 1 | 2) {
  const get = (field: keyof GuardianShape) => record[guardianField(position, field)];
  if (position === 2 && get("lastName") === "" && get("firstName") === "") return null;
  return {
    civility: (get("civility") || null) as "M" | "MME" | null,
    lastName: get("lastName"),
    firstName: get("firstName"),
    street: blankToNull(get("street")),
    addressComplement: blankToNull(get("addressComplement")),
    postalCode: blankToNull(get("postalCode")),
    city: blankToNull(get("city")),
    homePhone: blankToNull(get("homePhone")),
    workPhone: blankToNull(get("workPhone")),
    mobilePhone: blankToNull(get("mobilePhone")),
    birthDate: get("birthDate") || null,
    birthPlace: blankToNull(get("birthPlace")),
    profession: blankToNull(get("profession")),
    socioProfessionalCategory: (get("socioProfessionalCategory") || null) as
      (typeof SOCIO_PROFESSIONAL_CATEGORIES)[number]["value"] | null,
  };
}

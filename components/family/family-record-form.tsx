"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useWatch, type FieldPath, type Resolver } from "react-hook-form";

import { ConsentBody } from "@/components/consents/consent-body";
import { useVersionedForm } from "@/components/family/use-versioned-form";
import { CheckboxField, RadioGroup } from "@/components/ui/form/choice-fields";
import { SelectField, type Option } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import {
  ALLOWANCE_HOLDERS,
  BENEFIT_SCHEMES,
  CIVILITIES,
  FAMILY_CIVILITIES,
  FAMILY_SITUATIONS,
  GUARDIAN_ADDRESS_FIELDS,
  GUARDIAN_FIELD_LABELS,
  guardianField,
  FAMILY_FIELD_LABELS as LABELS,
  SOCIO_PROFESSIONAL_CATEGORIES,
  ZFamilyRecordSchema,
  ZStaffFamilyRecordSchema,
  type TFamilyRecord,
  type TFamilyRecordParsed,
  type TStaffFamilyRecord,
} from "@/lib/families/family-record.schema";
import type { TSaveOutcome } from "@/lib/families/record-version";

import { ConsentStateList, FormSection, SaveOrCancel, type ConsentSummary } from "./form-controls";
import { VersionedForm } from "./versioned-form";

type Statement = { kind: string; body: string | null };

type ParentProps = {
  mode?: "parent";
  defaultValues: TFamilyRecord;
  statements: { reglements: Statement; attestation: Statement; signature: Statement; protection: Statement };
  renewed: boolean;
  action: (input: TFamilyRecord) => Promise<ActionResult<TSaveOutcome>>;
};

/** The Guichet unique's mode: the same sections; the statements shown read-only, never answered. */
type StaffProps = {
  mode: "staff";
  defaultValues: TStaffFamilyRecord;
  consents: ConsentSummary[];
  action: (input: TStaffFamilyRecord) => Promise<ActionResult<TSaveOutcome>>;
  /** The family's page: Annuler, and the link once saved. */
  cancelHref: string;
};

/** The values a refusal compares with the stored ones: the form's, without its version. */
// Guide, "Informations de la famille": COORDONNÉES, INFORMATIONS PERSONNELLES, LES PARENTS, the
// three OUI statements and the data-protection notice with « J'accepte »; Annuler / Enregistrer.
export function FamilyRecordForm(props: ParentProps | StaffProps) {
  const staff = props.mode === "staff";
  // Staff edit a family's record from its page, and go back there.
  const familyPageHref = props.mode === "staff" ? props.cancelHref : undefined;
  const defaultValues = props.defaultValues as TFamilyRecord;
  const action = props.action as (input: TFamilyRecord) => Promise<ActionResult<TSaveOutcome>>;
  const { register, handleSubmit, setValue, control, formState, status, stale, save, refuse } = useVersionedForm({
    // Staff values carry the family's id and no statements: the staff schema, same field rules, typed as the parent's.
    resolver: (staff ? zodResolver(ZStaffFamilyRecordSchema) : zodResolver(ZFamilyRecordSchema)) as Resolver<
      TFamilyRecord,
      unknown,
      TFamilyRecordParsed
    >,
    defaultValues,
    action,
    successMessage: staff ? "Le dossier de la famille a été enregistré." : "Les informations de la famille ont été enregistrées.",
  });
  const { errors, isSubmitting } = formState;

  // The guardians' address is prefilled from the family's (guide) until the parent types in it.
  // A stable set (never re-created), mutated by the inputs' change handlers.
  const [typedAddress] = useState(
    () =>
      new Set<string>(
        ([1, 2] as const).flatMap((position) =>
          GUARDIAN_ADDRESS_FIELDS.filter((field) => defaultValues[guardianField(position, field)] !== defaultValues[field]).map(
            (field) => guardianField(position, field),
          ),
        ),
      ),
  );
  const familyAddress = useWatch({ control, name: ["street", "addressComplement", "postalCode", "city"] });
  useEffect(() => {
    for (const position of [1, 2] as const) {
      GUARDIAN_ADDRESS_FIELDS.forEach((field, index) => {
        const name = guardianField(position, field);
        if (!typedAddress.has(name)) setValue(name, familyAddress[index] ?? "");
      });
    }
  }, [familyAddress, setValue, typedAddress]);
  const registerAddress = (name: FieldPath<TFamilyRecord>) => register(name, { onChange: () => typedAddress.add(name) });

  const message = (name: keyof TFamilyRecord) => errors[name]?.message;

  type TextOptions = {
    required?: boolean;
    type?: string;
    autoComplete?: string;
    inputMode?: "numeric";
    hint?: string;
    /** The guardians' address fields: registered so that typing in them stops the prefill. */
    registration?: ReturnType<typeof register>;
  };
  /** A text field of the record, with its error from the form. */
  const text = (name: keyof TFamilyRecord, label: string, { registration, ...options }: TextOptions = {}) => (
    <TextField registration={registration ?? register(name)} label={label} error={message(name)} {...options} />
  );
  /** A choice of the record, « < Aucune > » until answered. */
  const choice = (name: keyof TFamilyRecord, label: string, options: readonly Option[], required = true) => (
    <SelectField
      placeholder="< Aucune >"
      registration={register(name)}
      label={label}
      required={required}
      options={options}
      error={message(name)}
    />
  );

  const guardianColumn = (position: 1 | 2) => {
    const required = position === 1;
    type GuardianFieldOptions = Omit<TextOptions, "registration"> & {
      address?: boolean;
      choices?: readonly Option[];
      optional?: boolean;
    };
    /** Responsable 1's fields are required where the record asks them; Responsable 2's never. */
    const field = (
      guardianKey: Parameters<typeof guardianField>[1],
      { address, choices, optional, ...options }: GuardianFieldOptions = {},
    ) => {
      const name = guardianField(position, guardianKey);
      const label = GUARDIAN_FIELD_LABELS[guardianKey];
      if (choices) return choice(name, label, choices, required && !optional);
      return text(name, label, address ? { ...options, registration: registerAddress(name) } : options);
    };
    return (
      <fieldset className="space-y-3 rounded border border-gray-300 p-3">
        <legend className="px-1 text-lg font-bold text-brand">Responsable {position}</legend>
        {position === 2 ? (
          <p className="text-sm text-muted">Facultatif : à remplir s&apos;il y a un second responsable.</p>
        ) : null}
        {field("civility", { choices: CIVILITIES })}
        {field("lastName", { required, autoComplete: "family-name" })}
        {field("firstName", { required, autoComplete: "given-name" })}
        <p className="font-semibold">Adresse :</p>
        {field("street", { address: true })}
        {field("addressComplement", { address: true })}
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          {field("postalCode", { address: true, inputMode: "numeric" })}
          {field("city", { address: true })}
        </div>
        {field("homePhone", { type: "tel" })}
        {field("workPhone", { type: "tel" })}
        {field("mobilePhone", { type: "tel" })}
        {field("birthDate", { type: "date" })}
        {field("birthPlace")}
        {field("profession")}
        {field("socioProfessionalCategory", { choices: SOCIO_PROFESSIONAL_CATEGORIES, optional: true })}
      </fieldset>
    );
  };

  const statement = (field: "reglements" | "attestationHonneur" | "signatureNumerique", title: string, text: string) => (
    <div className="space-y-2 border-b border-gray-200 pb-4 last:border-b-0">
      <ConsentBody id={`${field}-text`} lead={title} body={text} />
      <SelectField
        registration={register(field)}
        label={`${title} — votre réponse`}
        required
        options={[{ value: "OUI", label: "OUI" }]}
        placeholder="— Choisir —"
        hint={undefined}
        error={message(field)}
        className="max-w-xs"
      />
    </div>
  );

  const allowanceError = message("allowanceHolder");
  return (
    <VersionedForm onSubmit={handleSubmit(save, refuse)} version={register("version")} stale={stale}>
      <FormSection id="section-coordonnees" title="Coordonnées">
        <div className="grid gap-4 sm:grid-cols-2">
          {choice("civility", LABELS.civility, FAMILY_CIVILITIES)}
          {text("name", LABELS.name, { required: true, autoComplete: "family-name" })}
        </div>
        <p className="font-semibold">Adresse</p>
        {text("street", LABELS.street, { required: true, autoComplete: "address-line1" })}
        {text("addressComplement", LABELS.addressComplement, { autoComplete: "address-line2" })}
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          {text("postalCode", LABELS.postalCode, { required: true, inputMode: "numeric", autoComplete: "postal-code" })}
          {text("city", LABELS.city, { required: true, autoComplete: "address-level2" })}
        </div>
        {text("homePhone", LABELS.homePhone, {
          type: "tel",
          autoComplete: "tel",
          hint: "Au moins un numéro de téléphone est nécessaire : celui du domicile ou celui d'un responsable.",
        })}
      </FormSection>

      <FormSection id="section-informations" title="Informations personnelles">
        {choice("situation", LABELS.situation, FAMILY_SITUATIONS)}
        {text("allowanceNumber", LABELS.allowanceNumber)}
        <RadioGroup
          registration={register("allowanceHolder")}
          label="Le numéro d'allocataire est celui de la"
          options={ALLOWANCE_HOLDERS}
          error={allowanceError}
        />
        {choice("benefitScheme", LABELS.benefitScheme, BENEFIT_SCHEMES)}
      </FormSection>

      <FormSection id="section-parents" title="Les parents">
        <div className="grid gap-4 md:grid-cols-2">
          {guardianColumn(1)}
          {guardianColumn(2)}
        </div>
      </FormSection>

      {props.mode === "staff" ? (
        <FormSection id="section-engagements" title="Engagements">
          <ConsentStateList
            items={props.consents}
            note="Les engagements (règlements, attestation sur l'honneur, signature numérique, protection des données) sont acceptés par la famille depuis son espace : ils ne peuvent pas l'être ici."
          />
        </FormSection>
      ) : (
        <FormSection id="section-engagements" title="Engagements">
          {props.renewed ? (
            <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2">
              Certains textes ont été mis à jour depuis votre dernière validation : merci de les lire et de répondre de nouveau.
            </p>
          ) : null}
          {statement(
            "reglements",
            "RÈGLEMENTS",
            props.statements.reglements.body ??
              "Je certifie avoir pris connaissance des règlements intérieurs des structures et accepte leurs contenus.",
          )}
          {statement(
            "attestationHonneur",
            "ATTESTATION SUR L'HONNEUR",
            props.statements.attestation.body ??
              "Je certifie sur l'honneur l'exactitude des renseignements donnés et m'engage à faire connaître toutes modifications sous les plus brefs délais.",
          )}
          {statement(
            "signatureNumerique",
            "SIGNATURE NUMÉRIQUE",
            props.statements.signature.body ??
              "La validation des informations renseignées en ligne dans le formulaire famille et dans le formulaire enfant vaut signature numérique.",
          )}
          <div className="space-y-2">
            <ConsentBody
              id="protectionDonnees-text"
              body={
                props.statements.protection.body ??
                "Les informations recueillies sur ce formulaire font l'objet d'un traitement informatique pour les besoins de gestion des services souscrits et sont destinées uniquement aux gestionnaires de ces services."
              }
            />
            <CheckboxField
              registration={register("protectionDonnees")}
              label="J'accepte"
              describedBy="protectionDonnees-text"
              error={message("protectionDonnees")}
            />
          </div>
        </FormSection>
      )}

      <SaveOrCancel status={status} isSubmitting={isSubmitting} familyPageHref={familyPageHref} />
    </VersionedForm>
  );
}

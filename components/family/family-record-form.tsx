"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useWatch, type FieldPath, type Resolver } from "react-hook-form";

import { useVersionedForm } from "@/components/family/use-versioned-form";
import { CheckboxField, RadioGroup } from "@/components/ui/form/choice-fields";
import { SelectField } from "@/components/ui/form/select-field";
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

  const guardianColumn = (position: 1 | 2) => {
    const name = (field: Parameters<typeof guardianField>[1]) => guardianField(position, field);
    const required = position === 1;
    return (
      <fieldset className="space-y-3 rounded border border-gray-300 p-3">
        <legend className="px-1 text-lg font-bold text-brand">Responsable {position}</legend>
        {position === 2 ? (
          <p className="text-sm text-muted">Facultatif : à remplir s&apos;il y a un second responsable.</p>
        ) : null}
        <SelectField
          placeholder="< Aucune >"
          registration={register(name("civility"))}
          label={GUARDIAN_FIELD_LABELS.civility}
          required={required}
          options={CIVILITIES}
          error={message(name("civility"))}
        />
        <TextField
          registration={register(name("lastName"))}
          label={GUARDIAN_FIELD_LABELS.lastName}
          required={required}
          autoComplete="family-name"
          error={message(name("lastName"))}
        />
        <TextField
          registration={register(name("firstName"))}
          label={GUARDIAN_FIELD_LABELS.firstName}
          required={required}
          autoComplete="given-name"
          error={message(name("firstName"))}
        />
        <p className="font-semibold">Adresse :</p>
        <TextField
          registration={registerAddress(name("street"))}
          label={GUARDIAN_FIELD_LABELS.street}
          error={message(name("street"))}
        />
        <TextField
          registration={registerAddress(name("addressComplement"))}
          label={GUARDIAN_FIELD_LABELS.addressComplement}
          error={message(name("addressComplement"))}
        />
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          <TextField
            registration={registerAddress(name("postalCode"))}
            label={GUARDIAN_FIELD_LABELS.postalCode}
            inputMode="numeric"
            error={message(name("postalCode"))}
          />
          <TextField
            registration={registerAddress(name("city"))}
            label={GUARDIAN_FIELD_LABELS.city}
            error={message(name("city"))}
          />
        </div>
        <TextField
          registration={register(name("homePhone"))}
          label={GUARDIAN_FIELD_LABELS.homePhone}
          type="tel"
          error={message(name("homePhone"))}
        />
        <TextField
          registration={register(name("workPhone"))}
          label={GUARDIAN_FIELD_LABELS.workPhone}
          type="tel"
          error={message(name("workPhone"))}
        />
        <TextField
          registration={register(name("mobilePhone"))}
          label={GUARDIAN_FIELD_LABELS.mobilePhone}
          type="tel"
          error={message(name("mobilePhone"))}
        />
        <TextField
          registration={register(name("birthDate"))}
          label={GUARDIAN_FIELD_LABELS.birthDate}
          type="date"
          error={message(name("birthDate"))}
        />
        <TextField
          registration={register(name("birthPlace"))}
          label={GUARDIAN_FIELD_LABELS.birthPlace}
          error={message(name("birthPlace"))}
        />
        <TextField
          registration={register(name("profession"))}
          label={GUARDIAN_FIELD_LABELS.profession}
          error={message(name("profession"))}
        />
        <SelectField
          placeholder="< Aucune >"
          registration={register(name("socioProfessionalCategory"))}
          label={GUARDIAN_FIELD_LABELS.socioProfessionalCategory}
          options={SOCIO_PROFESSIONAL_CATEGORIES}
          error={message(name("socioProfessionalCategory"))}
        />
      </fieldset>
    );
  };

  const statement = (field: "reglements" | "attestationHonneur" | "signatureNumerique", title: string, text: string) => (
    <div className="space-y-2 border-b border-gray-200 pb-4 last:border-b-0">
      <p id={`${field}-text`}>
        <strong>{title} :</strong> {text}
      </p>
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
          <SelectField
            placeholder="< Aucune >"
            registration={register("civility")}
            label={LABELS.civility}
            required
            options={FAMILY_CIVILITIES}
            error={message("civility")}
          />
          <TextField
            registration={register("name")}
            label={LABELS.name}
            required
            autoComplete="family-name"
            error={message("name")}
          />
        </div>
        <p className="font-semibold">Adresse</p>
        <TextField
          registration={register("street")}
          label={LABELS.street}
          required
          autoComplete="address-line1"
          error={message("street")}
        />
        <TextField
          registration={register("addressComplement")}
          label={LABELS.addressComplement}
          autoComplete="address-line2"
          error={message("addressComplement")}
        />
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          <TextField
            registration={register("postalCode")}
            label={LABELS.postalCode}
            required
            inputMode="numeric"
            autoComplete="postal-code"
            error={message("postalCode")}
          />
          <TextField
            registration={register("city")}
            label={LABELS.city}
            required
            autoComplete="address-level2"
            error={message("city")}
          />
        </div>
        <TextField
          registration={register("homePhone")}
          label={LABELS.homePhone}
          type="tel"
          autoComplete="tel"
          hint="Au moins un numéro de téléphone est nécessaire : celui du domicile ou celui d'un responsable."
          error={message("homePhone")}
        />
      </FormSection>

      <FormSection id="section-informations" title="Informations personnelles">
        <SelectField
          placeholder="< Aucune >"
          registration={register("situation")}
          label={LABELS.situation}
          required
          options={FAMILY_SITUATIONS}
          error={message("situation")}
        />
        <TextField registration={register("allowanceNumber")} label={LABELS.allowanceNumber} error={message("allowanceNumber")} />
        <RadioGroup
          registration={register("allowanceHolder")}
          label="Le numéro d'allocataire est celui de la"
          options={ALLOWANCE_HOLDERS}
          error={allowanceError}
        />
        <SelectField
          placeholder="< Aucune >"
          registration={register("benefitScheme")}
          label={LABELS.benefitScheme}
          required
          options={BENEFIT_SCHEMES}
          error={message("benefitScheme")}
        />
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
            <p id="protectionDonnees-text">
              {props.statements.protection.body ??
                "Les informations recueillies sur ce formulaire font l'objet d'un traitement informatique pour les besoins de gestion des services souscrits et sont destinées uniquement aux gestionnaires de ces services."}
            </p>
            <CheckboxField
              registration={register("protectionDonnees")}
              label="J'accepte"
              describedBy="protectionDonnees-text"
              error={message("protectionDonnees")}
            />
          </div>
        </FormSection>
      )}

      {props.mode === "staff" ? (
        <SaveOrCancel
          status={status}
          isSubmitting={isSubmitting}
          cancelHref={props.cancelHref}
          backLabel="Retour à la fiche famille"
        />
      ) : (
        <SaveOrCancel status={status} isSubmitting={isSubmitting} />
      )}
    </VersionedForm>
  );
}

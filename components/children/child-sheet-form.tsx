"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray, useWatch, type Resolver } from "react-hook-form";

import { LEVEL_HINT, levelOptions, type SchoolWithLevels } from "@/components/children/school-level-fields";
import { ConsentBody } from "@/components/consents/consent-body";
import {
  ConsentStateList,
  FormSection,
  SaveOrCancel,
  YES_NO_OPTIONS,
  type ConsentSummary,
} from "@/components/family/form-controls";
import { useVersionedForm } from "@/components/family/use-versioned-form";
import { VersionedForm } from "@/components/family/versioned-form";
import { CheckboxField } from "@/components/ui/form/choice-fields";
import { namedOptions, SelectField, type Option } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { DIET_KINDS, SEXES } from "@/lib/children/child-labels";
import {
  AUTHORISATIONS,
  CHILD_SHEET_FIELD_LABELS as LABELS,
  MAX_PEOPLE,
  ZChildSheetSchema,
  ZStaffChildSheetSchema,
  type TChildSheet,
  type TChildSheetParsed,
  type TStaffChildSheet,
} from "@/lib/children/child-sheet.schema";
import type { TSaveOutcome } from "@/lib/families/record-version";

type ParentProps = {
  mode?: "parent";
  defaultValues: TChildSheet;
  schools: SchoolWithLevels[];
  authorisationsText: string | null;
  action: (input: TChildSheet) => Promise<ActionResult<TSaveOutcome>>;
};

/** The Guichet unique's mode: the same sections; the authorisations and « J'accepte » shown read-only, never answered. */
type StaffProps = {
  mode: "staff";
  defaultValues: TStaffChildSheet;
  /** The family's answers to the authorisations, covered by its « J'accepte ». */
  authorisations: Record<(typeof AUTHORISATIONS)[number]["name"], "OUI" | "NON" | "">;
  schools: SchoolWithLevels[];
  consent: ConsentSummary;
  action: (input: TStaffChildSheet) => Promise<ActionResult<TSaveOutcome>>;
  /** The family's page: Annuler, and the link once saved. */
  cancelHref: string;
};

type PeopleName = "emergencyContacts" | "authorisedPersons";

const ANSWER_LABELS = { OUI: "Oui", NON: "Non", "": "Pas encore répondu" } as const;

/** The values a refusal compares with the stored ones: the form's, without its version. */
// Guide, "La fiche enfant": six sections to fill "impérativement et précisément", « J'accepte »,
// then « Enregistrer ».
export function ChildSheetForm(props: ParentProps | StaffProps) {
  const staff = props.mode === "staff";
  // Staff edit a family's record from its page, and go back there.
  const familyPageHref = props.mode === "staff" ? props.cancelHref : undefined;
  const { schools } = props;
  const defaultValues = props.defaultValues as TChildSheet;
  const action = props.action as (input: TChildSheet) => Promise<ActionResult<TSaveOutcome>>;
  const authorisationsText = props.mode === "staff" ? null : props.authorisationsText;
  const { register, handleSubmit, control, formState, status, stale, save, refuse } = useVersionedForm({
    // Staff values carry the family's id and no « J'accepte »: the staff schema, same field rules, typed as the parent's.
    resolver: (staff ? zodResolver(ZStaffChildSheetSchema) : zodResolver(ZChildSheetSchema)) as Resolver<
      TChildSheet,
      unknown,
      TChildSheetParsed
    >,
    defaultValues,
    action,
    successMessage: "La fiche de l'enfant a été enregistrée.",
  });
  const { errors, isSubmitting } = formState;
  const schoolId = useWatch({ control, name: "schoolId" });
  const emergency = useFieldArray({ control, name: "emergencyContacts" });
  const authorised = useFieldArray({ control, name: "authorisedPersons" });

  const message = (name: Exclude<keyof TChildSheet, PeopleName>) => errors[name]?.message;
  type FieldName = Exclude<keyof typeof LABELS, PeopleName>;
  /** A field of the sheet, labelled from the schema's label map. */
  const text = (name: FieldName, extra?: { type?: string; required?: boolean; hint?: string; multiline?: boolean }) => (
    <TextField registration={register(name)} label={LABELS[name]} error={message(name)} {...extra} />
  );
  /** A required choice of the sheet. */
  const choice = (name: FieldName, options: readonly Option[], placeholder = "— Choisir —", hint?: string) => (
    <SelectField
      registration={register(name)}
      hint={hint}
      label={LABELS[name]}
      required
      options={options}
      placeholder={placeholder}
      error={message(name)}
    />
  );

  type PeopleArray = {
    fields: { id: string }[];
    append: (row: { name: string; relation: string; phone: string }) => void;
    remove: (index: number) => void;
  };
  const people = (name: PeopleName, array: PeopleArray, title: string, addLabel: string, minimum: number) => {
    const listError = errors[name]?.message ?? errors[name]?.root?.message;
    return (
      <div className="space-y-3">
        {array.fields.length === 0 ? <p className="text-muted">Aucune personne pour le moment.</p> : null}
        <ol className="space-y-3">
          {array.fields.map((field, index) => {
            const rowErrors = errors[name]?.[index];
            const base = `${name}.${index}` as const;
            return (
              <li key={field.id}>
                <fieldset className="grid gap-3 rounded border border-gray-300 p-3 sm:grid-cols-3">
                  <legend className="px-1 font-semibold">
                    {title} {index + 1}
                  </legend>
                  <TextField
                    registration={register(`${base}.name`)}
                    label="Nom et prénom"
                    required
                    error={rowErrors?.name?.message}
                  />
                  <TextField
                    registration={register(`${base}.relation`)}
                    label="Lien avec l'enfant"
                    required
                    error={rowErrors?.relation?.message}
                  />
                  <TextField
                    registration={register(`${base}.phone`)}
                    label="Téléphone"
                    type="tel"
                    required
                    error={rowErrors?.phone?.message}
                  />
                  {array.fields.length > minimum ? (
                    <div className="sm:col-span-3">
                      <button
                        type="button"
                        onClick={() => array.remove(index)}
                        className="rounded border border-gray-500 px-3 py-1 text-sm hover:bg-gray-100"
                      >
                        Retirer {title.toLowerCase()} {index + 1}
                      </button>
                    </div>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {listError ? (
          <p id={`${name}-error`} className="text-sm font-semibold text-accent-dark">
            {listError}
          </p>
        ) : null}
        {array.fields.length < MAX_PEOPLE ? (
          <button
            type="button"
            onClick={() => array.append({ name: "", relation: "", phone: "" })}
            className="rounded border-2 border-brand px-4 py-1 font-semibold text-brand hover:bg-blue-50"
          >
            {addLabel}
          </button>
        ) : null}
      </div>
    );
  };

  return (
    <VersionedForm onSubmit={handleSubmit(save, refuse)} version={register("version")} stale={stale}>
      <FormSection id="section-enfant" title="Informations de l'enfant">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("lastName", { required: true })}
          {text("firstName", { required: true })}
          {choice("sex", SEXES)}
          {text("birthDate", { type: "date", required: true })}
          {choice("schoolId", namedOptions(schools), "— Choisir l'école —")}
          {choice("schoolLevel", levelOptions(schools, schoolId), "— Choisir le niveau —", LEVEL_HINT)}
          {text("schoolClass", { hint: "Par exemple : CE1 – Mme Vidal" })}
        </div>
      </FormSection>

      <FormSection id="section-medical" title="Renseignements médicaux">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("doctorName", { required: true })}
          {text("doctorPhone", { type: "tel", required: true })}
        </div>
        {text("allergies", { multiline: true, hint: "Alimentaires, médicamenteuses, autres — ou « aucune »." })}
        <div className="grid gap-4 sm:grid-cols-2">
          {choice("hasPai", YES_NO_OPTIONS)}
          {choice("vaccinationsUpToDate", YES_NO_OPTIONS)}
        </div>
        {text("treatments", { multiline: true })}
        {text("remarks", { multiline: true })}
      </FormSection>

      <FormSection id="section-regime" title="L'enfant a-t-il un régime alimentaire spécifique ?">
        {choice("dietKind", DIET_KINDS)}
        {text("dietDetails", { multiline: true, hint: "Obligatoire pour « Lié à une allergie (PAI) » et « Autre »." })}
      </FormSection>

      <FormSection id="section-urgence" title="Les personnes à contacter en cas d'urgence">
        <p>Au moins une personne, joignable pendant le temps d&apos;accueil.</p>
        {people("emergencyContacts", emergency, "Personne à contacter", "Ajouter une personne à contacter", 1)}
      </FormSection>

      <FormSection id="section-autorisees" title="Les personnes autorisées à venir chercher l'enfant">
        <p>Facultatif : les personnes, autres que les responsables, qui peuvent venir chercher l&apos;enfant.</p>
        {people("authorisedPersons", authorised, "Personne autorisée", "Ajouter une personne autorisée", 0)}
      </FormSection>

      <FormSection id="section-autorisations" title="Autorisations">
        {props.mode === "staff" ? (
          <>
            <p>Les réponses de la famille, couvertes par son « J&apos;accepte » : elles ne peuvent pas être modifiées ici.</p>
            <dl className="max-w-3xl space-y-2" data-testid="staff-authorisations">
              {AUTHORISATIONS.map((authorisation) => (
                <div key={authorisation.name}>
                  <dt>{authorisation.label}</dt>
                  <dd className="font-semibold">{ANSWER_LABELS[props.authorisations[authorisation.name]]}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          AUTHORISATIONS.map((authorisation) => (
            <SelectField
              key={authorisation.name}
              registration={register(authorisation.name)}
              label={authorisation.label}
              required
              options={YES_NO_OPTIONS}
              placeholder="— Choisir —"
              error={message(authorisation.name)}
              className="max-w-3xl"
            />
          ))
        )}
        {props.mode === "staff" ? (
          <ConsentStateList
            items={[props.consent]}
            note="« J'accepte » est coché par la famille depuis son espace : il ne peut pas l'être ici."
          />
        ) : (
          <>
            {authorisationsText ? <ConsentBody id="accept-text" body={authorisationsText} /> : null}
            <CheckboxField
              registration={register("accept")}
              label="J'accepte"
              describedBy={authorisationsText ? "accept-text" : undefined}
              error={message("accept")}
            />
          </>
        )}
      </FormSection>

      <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2 font-semibold">
        ! Ces informations sont essentielles à l&apos;accueil {staff ? "de l'enfant" : "de votre enfant"}.
      </p>
      <SaveOrCancel status={status} isSubmitting={isSubmitting} familyPageHref={familyPageHref} />
    </VersionedForm>
  );
}

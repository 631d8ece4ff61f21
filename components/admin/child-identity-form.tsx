"use client";

import { SchoolLevelFields, type SchoolWithLevels } from "@/components/children/school-level-fields";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { CHILD_IDENTITY_FIELD_LABELS as LABELS, ZStaffChildIdentitySchema } from "@/lib/children/add-child.schema";
import { SEXES } from "@/lib/children/child-labels";

import { ActionForm, type FormDataAction } from "./action-form";

const choose = { value: "", label: "— Choisir —" };

export type ChildIdentityValues = {
  lastName: string;
  firstName: string;
  sex: string;
  birthDate: string;
  schoolId: string;
  schoolLevel: string;
  schoolClass: string;
};

/**
 * « Modifier l'identité et la scolarité »: the fields of « Ajouter un enfant », prefilled, for
 * one child. No medical section: a class can be corrected before the family completes the sheet.
 * The sheet's version and the values shown travel in hidden fields: a save made after the sheet
 * moved on is refused (naming what changed), the fields keep what was typed, and the page's
 * refresh brings the hidden fields up to date for a deliberate second save.
 */
export function ChildIdentityForm({
  familyId,
  childId,
  version,
  values,
  schools,
  action,
}: {
  familyId: string;
  childId: string;
  version: number;
  values: ChildIdentityValues;
  schools: SchoolWithLevels[];
  action: FormDataAction;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZStaffChildIdentitySchema}
      submitLabel="Enregistrer l'identité et la scolarité"
      successMessage="L'identité et la scolarité de l'enfant ont été enregistrées."
      hiddenFields={{ familyId, childId, version, loaded: JSON.stringify(values) }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label={LABELS.lastName} name="lastName" required defaultValue={values.lastName} />
        <TextField label={LABELS.firstName} name="firstName" required defaultValue={values.firstName} />
        <SelectField label={LABELS.sex} name="sex" required defaultValue={values.sex} options={[choose, ...SEXES]} />
        <TextField label={LABELS.birthDate} name="birthDate" type="date" required defaultValue={values.birthDate} />
        <SchoolLevelFields
          schools={schools}
          schoolLabel={LABELS.schoolId}
          levelLabel={LABELS.schoolLevel}
          defaultSchoolId={values.schoolId}
          defaultLevel={values.schoolLevel}
          placeholder={choose.label}
        />
        <TextField
          label={LABELS.schoolClass}
          name="schoolClass"
          defaultValue={values.schoolClass}
          hint="Facultatif, par exemple : CE1 – Mme Vidal"
        />
      </div>
    </ActionForm>
  );
}

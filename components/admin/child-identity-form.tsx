"use client";

import type { ActionResult } from "@/lib/auth/action";
import { SCHOOL_LEVELS, SEXES } from "@/lib/children/child-sheet.schema";
import { ActionForm, Field } from "./action-form";

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
 */
export function ChildIdentityForm({
  familyId,
  childId,
  values,
  schools,
  action,
}: {
  familyId: string;
  childId: string;
  values: ChildIdentityValues;
  schools: { id: string; name: string }[];
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  return (
    <ActionForm action={action} submitLabel="Enregistrer l'identité et la scolarité" successMessage="L'identité et la scolarité de l'enfant ont été enregistrées." className="space-y-3">
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="childId" value={childId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Nom de l'enfant" name="lastName" required defaultValue={values.lastName} />
        <Field label="Prénom de l'enfant" name="firstName" required defaultValue={values.firstName} />
        <Field label="Sexe" name="sex" required defaultValue={values.sex} options={[choose, ...SEXES]} />
        <Field label="Date de naissance" name="birthDate" type="date" required defaultValue={values.birthDate} />
        <Field label="École" name="schoolId" required defaultValue={values.schoolId} options={[choose, ...schools.map((school) => ({ value: school.id, label: school.name }))]} />
        <Field label="Classe (niveau)" name="schoolLevel" required defaultValue={values.schoolLevel} options={[choose, ...SCHOOL_LEVELS]} />
        <Field label="Classe (précision)" name="schoolClass" defaultValue={values.schoolClass} hint="Facultatif, par exemple : CE1 – Mme Vidal" />
      </div>
    </ActionForm>
  );
}

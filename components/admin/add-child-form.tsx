"use client";

import type { ActionResult } from "@/lib/auth/action";
import { SCHOOL_LEVELS, SEXES } from "@/lib/children/child-labels";
import { ActionForm, Field } from "./action-form";

const choose = { value: "", label: "— Choisir —" };

/** « Ajouter un enfant »: identity and schooling; the family completes the rest of the sheet. */
export function AddChildForm({
  familyId,
  schools,
  action,
}: {
  familyId: string;
  schools: { id: string; name: string }[];
  action: (input: FormData) => Promise<ActionResult<{ childId: string }>>;
}) {
  return (
    <ActionForm
      action={action as (input: FormData) => Promise<ActionResult<unknown>>}
      submitLabel="Ajouter l'enfant"
      successMessage="L'enfant a été ajouté à la famille. La famille complète sa fiche depuis son espace."
      resetOnSuccess
      className="space-y-3"
    >
      <input type="hidden" name="familyId" value={familyId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Nom de l'enfant" name="lastName" required />
        <Field label="Prénom de l'enfant" name="firstName" required />
        <Field label="Sexe" name="sex" required defaultValue="" options={[choose, ...SEXES]} />
        <Field label="Date de naissance" name="birthDate" type="date" required />
        <Field label="École" name="schoolId" required defaultValue="" options={[choose, ...schools.map((school) => ({ value: school.id, label: school.name }))]} />
        <Field label="Classe (niveau)" name="schoolLevel" required defaultValue="" options={[choose, ...SCHOOL_LEVELS]} />
        <Field label="Classe (précision)" name="schoolClass" hint="Facultatif, par exemple : CE1 – Mme Vidal" />
      </div>
    </ActionForm>
  );
}

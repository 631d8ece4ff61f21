"use client";

import { SchoolLevelFields, type SchoolWithLevels } from "@/components/children/school-level-fields";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZAddChildSchema } from "@/lib/children/add-child.schema";
import { SEXES } from "@/lib/children/child-labels";

import { ActionForm } from "./action-form";

const choose = { value: "", label: "— Choisir —" };

/** « Ajouter un enfant »: identity and schooling; the family completes the rest of the sheet. */
export function AddChildForm({
  familyId,
  schools,
  action,
}: {
  familyId: string;
  schools: SchoolWithLevels[];
  action: (input: FormData) => Promise<ActionResult<{ childId: string }>>;
}) {
  return (
    <ActionForm
      action={action as (input: FormData) => Promise<ActionResult<unknown>>}
      schema={ZAddChildSchema}
      submitLabel="Ajouter l'enfant"
      successMessage="L'enfant a été ajouté à la famille. La famille complète sa fiche depuis son espace."
      resetOnSuccess
      className="space-y-3"
    >
      <input type="hidden" name="familyId" value={familyId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Nom de l'enfant" name="lastName" required />
        <TextField label="Prénom de l'enfant" name="firstName" required />
        <SelectField label="Sexe" name="sex" required defaultValue="" options={[choose, ...SEXES]} />
        <TextField label="Date de naissance" name="birthDate" type="date" required />
        <SchoolLevelFields schools={schools} schoolLabel="École" levelLabel="Classe (niveau)" placeholder={choose.label} />
        <TextField label="Classe (précision)" name="schoolClass" hint="Facultatif, par exemple : CE1 – Mme Vidal" />
      </div>
    </ActionForm>
  );
}

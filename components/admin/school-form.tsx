"use client";

import { useState } from "react";

import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { CheckboxGroup, RadioGroup } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { SCHOOL_LEVELS } from "@/lib/children/child-labels";
import type { SchoolKind } from "@/lib/db/generated/client";
import { KIND_LEVELS, SCHOOL_KINDS } from "@/lib/schools/school-levels";
import { ZSchoolSchema, ZSchoolUpdateSchema } from "@/lib/schools/school.schema";

type School = { id: string; name: string; address: string | null; kind: SchoolKind; levels: string[] };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** The school being edited; none to create one. */
  school?: School;
};

const SCHOOL_FORM: CreateOrEditSpec = {
  schemas: { create: ZSchoolSchema, update: ZSchoolUpdateSchema },
  texts: { createLabel: "Créer l'école", saveLabel: "Enregistrer l'école" },
  redirectTo: () => "/admin/catalogue/ecoles",
};

export function SchoolForm({ action, school }: Props) {
  // The levels offered depend on the kind: a maternelle TPS…GS, an élémentaire CP…CM2.
  const [kind, setKind] = useState<SchoolKind>(school?.kind ?? "ELEMENTAIRE");
  const allowed = KIND_LEVELS[kind];
  const levels = SCHOOL_LEVELS.filter((level) => allowed.includes(level.value));
  const ticked = school && school.kind === kind ? school.levels : allowed;
  return (
    <CreateOrEditForm action={action} record={school} spec={SCHOOL_FORM}>
      <TextField name="name" label="Nom de l'école" required defaultValue={school?.name} hint="Exemple : Foch." />
      <TextField name="address" label="Adresse" multiline defaultValue={school?.address ?? ""} />
      <div onChange={(event) => setKind((event.target as HTMLInputElement).value as SchoolKind)}>
        <RadioGroup name="kind" label="Type d'école" required inline options={SCHOOL_KINDS} defaultValue={kind} />
      </div>
      <CheckboxGroup
        key={kind}
        name="levels"
        label="Niveaux proposés"
        required
        inline
        hint="La fiche enfant ne propose que ces niveaux pour cette école."
        options={levels}
        defaultValues={ticked}
      />
    </CreateOrEditForm>
  );
}

"use client";

import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZQfBracketCreateSchema, ZQfBracketUpdateSchema } from "@/lib/catalogue/qf-bracket.schema";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;
type Bracket = { id: string; label: string; minQf: number; maxQf: number | null };

const BRACKET_FORM: CreateOrEditSpec = {
  schemas: { create: ZQfBracketCreateSchema, update: ZQfBracketUpdateSchema },
  texts: { createLabel: "Ajouter la tranche", created: "La tranche a été ajoutée.", saved: "La tranche a été enregistrée." },
};

export const EditQfBracketForm = ({ action, bracket }: { action: Action; bracket?: Bracket }) => (
  <CreateOrEditForm action={action} record={bracket} spec={BRACKET_FORM}>
    <TextField name="label" label="Libellé" hint="Par exemple : QF de 400 à 699." defaultValue={bracket?.label} required />
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="minQf" label="QF minimum (inclus)" type="number" defaultValue={bracket?.minQf} required />
      <TextField
        name="maxQf"
        label="QF maximum (exclu)"
        type="number"
        hint="Vide pour la dernière tranche (sans limite)."
        defaultValue={bracket?.maxQf ?? undefined}
      />
    </div>
  </CreateOrEditForm>
);
export const CreateQfBracketForm = EditQfBracketForm;

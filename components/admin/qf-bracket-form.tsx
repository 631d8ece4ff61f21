"use client";

import { CreateOrEditForm, type CreateOrEditTexts } from "@/components/admin/create-or-edit-form";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZQfBracketCreateSchema, ZQfBracketUpdateSchema } from "@/lib/catalogue/qf-bracket.schema";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;
type Bracket = { id: string; label: string; minQf: number; maxQf: number | null };

function BracketFields({ bracket }: { bracket?: Bracket }) {
  return (
    <>
      <TextField name="label" label="Libellé" hint="Par exemple : QF de 400 à 699." defaultValue={bracket?.label} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="minQf"
          label="QF minimum (inclus)"
          type="number"
          defaultValue={bracket ? String(bracket.minQf) : undefined}
          required
        />
        <TextField
          name="maxQf"
          label="QF maximum (exclu)"
          type="number"
          hint="Vide pour la dernière tranche (sans limite)."
          defaultValue={bracket?.maxQf === null || bracket === undefined ? undefined : String(bracket.maxQf)}
        />
      </div>
    </>
  );
}

const BRACKET_TEXTS: CreateOrEditTexts = {
  createLabel: "Ajouter la tranche",
  created: "La tranche a été ajoutée.",
  saved: "La tranche a été enregistrée.",
};
const BRACKET_SCHEMAS = { create: ZQfBracketCreateSchema, update: ZQfBracketUpdateSchema };

export const EditQfBracketForm = ({ action, bracket }: { action: Action; bracket?: Bracket }) => (
  <CreateOrEditForm action={action} record={bracket} schemas={BRACKET_SCHEMAS} texts={BRACKET_TEXTS}>
    <BracketFields bracket={bracket} />
  </CreateOrEditForm>
);
export const CreateQfBracketForm = EditQfBracketForm;

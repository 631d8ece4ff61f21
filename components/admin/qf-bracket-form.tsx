"use client";

import { ActionForm } from "@/components/admin/action-form";
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
        <TextField name="minQf" label="QF minimum (inclus)" type="number" defaultValue={bracket ? String(bracket.minQf) : undefined} required />
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

/** One form creates a bracket (emptied once added) or edits the one given. */
function QfBracketForm({ action, bracket }: { action: Action; bracket?: Bracket }) {
  return (
    <ActionForm
      action={action}
      schema={bracket ? ZQfBracketUpdateSchema : ZQfBracketCreateSchema}
      submitLabel={bracket ? `Enregistrer « ${bracket.label} »` : "Ajouter la tranche"}
      successMessage={bracket ? "La tranche a été enregistrée." : "La tranche a été ajoutée."}
      resetOnSuccess={!bracket}
    >
      {bracket ? <input type="hidden" name="id" value={bracket.id} /> : null}
      <BracketFields bracket={bracket} />
    </ActionForm>
  );
}

export function CreateQfBracketForm({ action }: { action: Action }) {
  return <QfBracketForm action={action} />;
}

export function EditQfBracketForm({ action, bracket }: { action: Action; bracket: Bracket }) {
  return <QfBracketForm action={action} bracket={bracket} />;
}

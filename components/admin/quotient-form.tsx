"use client";

import { TextField } from "@/components/ui/form/text-field";
import { ZQuotientSchema } from "@/lib/families/family.schema";

import { ActionForm, type FormDataAction } from "./action-form";

/** The family's quotient familial, set by the Guichet unique. */
type Props = { action: FormDataAction; familyId: string; quotient: number | null };

export function QuotientForm({ action, familyId, quotient }: Props) {
  return (
    <ActionForm
      action={action}
      schema={ZQuotientSchema}
      submitLabel="Enregistrer le QF"
      successMessage="Quotient familial enregistré."
      className="flex flex-wrap items-end gap-3"
      hiddenFields={{ familyId }}
    >
      <TextField label="Quotient familial" name="quotientFamilial" type="number" defaultValue={quotient ?? ""} required />
    </ActionForm>
  );
}

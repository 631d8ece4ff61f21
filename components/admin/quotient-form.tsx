"use client";

import { TextField } from "@/components/ui/form/text-field";
import { ZQuotientSchema } from "@/lib/families/family.schema";

import { ActionForm, type FormDataAction } from "./action-form";

/** The family's quotient familial, set by the Guichet unique. */
type Props = {
  action: FormDataAction;
  familyId: string;
  quotient: number | null;
  /** « Valable à partir du » proposed: the first day of the current month (AAAA-MM-JJ). */
  defaultValidFrom: string;
};

export function QuotientForm({ action, familyId, quotient, defaultValidFrom }: Props) {
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
      <TextField
        label="Valable à partir du"
        name="validFrom"
        type="date"
        defaultValue={defaultValidFrom}
        hint="Les journées facturées à partir de cette date le sont à ce quotient."
        required
      />
    </ActionForm>
  );
}

"use client";

import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZQuotientSchema } from "@/lib/families/family.schema";

import { ActionForm } from "./action-form";

/** The family's quotient familial, set by the Guichet unique. */
export function QuotientForm({
  action,
  familyId,
  quotient,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  familyId: string;
  quotient: number | null;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZQuotientSchema}
      submitLabel="Enregistrer le QF"
      successMessage="Quotient familial enregistré."
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="familyId" value={familyId} />
      <TextField label="Quotient familial" name="quotientFamilial" type="number" defaultValue={quotient ?? ""} required />
    </ActionForm>
  );
}

"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { CheckboxField } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import { ZFamilyResourcesSchema } from "@/lib/early-childhood/psu.schema";

/** A family's resources for a year's PSU rate (agents), from the CAF's CDAP or the tax notice. */
export function PsuResourcesForm({
  action,
  familyId,
  year,
  contractId,
  defaults,
}: {
  action: FormDataAction;
  familyId: string;
  year: number;
  contractId: string | null;
  defaults: { annualResources: string; dependentChildren: number | ""; aeeh: boolean };
}) {
  return (
    <ActionForm
      action={action}
      schema={ZFamilyResourcesSchema}
      submitLabel="Enregistrer les ressources"
      successMessage="Ressources enregistrées."
      hiddenFields={{ familyId, year, contractId: contractId ?? "" }}
      redirectTo={contractId ? () => `/admin/petite-enfance/contrats/${contractId}` : undefined}
    >
      <TextField
        label={`Ressources annuelles ${year - 2} (€)`}
        name="annualResources"
        inputMode="decimal"
        defaultValue={defaults.annualResources}
        hint={`Revenus de l'année ${year - 2} (avis d'imposition ou CDAP) : divisés par 12, entre le plancher et le plafond de ${year}.`}
        required
      />
      <TextField
        label="Enfants à charge"
        name="dependentChildren"
        type="number"
        defaultValue={defaults.dependentChildren}
        required
      />
      <CheckboxField
        label="Un enfant de la famille perçoit l'AEEH (taux d'un enfant de plus)"
        name="aeeh"
        defaultChecked={defaults.aeeh}
      />
    </ActionForm>
  );
}

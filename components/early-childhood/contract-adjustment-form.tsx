"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { ADJUSTMENT_KIND_LABELS, ADJUSTMENT_KINDS, ZAdjustmentSchema } from "@/lib/early-childhood/contracts.schema";

/** A day adjustment on a contract: extra hours (minutes), or a deduction (the contract's hours of that day). */
export function ContractAdjustmentForm({
  action,
  contractId,
  startDay,
  endDay,
}: {
  action: FormDataAction;
  contractId: string;
  startDay: string;
  endDay: string;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZAdjustmentSchema}
      submitLabel="Ajouter"
      successMessage="Ajustement enregistré."
      hiddenFields={{ contractId }}
      resetOnSuccess
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Date" name="date" type="date" hint={`Entre le ${startDay} et le ${endDay}.`} required />
        <SelectField
          label="Type"
          name="kind"
          placeholder="Choisir…"
          options={ADJUSTMENT_KINDS.map((kind) => ({ value: kind, label: ADJUSTMENT_KIND_LABELS[kind] }))}
          required
        />
        <TextField
          label="Durée des heures complémentaires (minutes)"
          name="minutes"
          type="number"
          hint="Seulement pour des heures complémentaires : une déduction retire les heures du contrat ce jour-là."
        />
        <TextField
          label="Note"
          name="note"
          hint="Pour une maladie : le certificat médical (les 3 premiers jours calendaires restent facturés)."
        />
      </div>
    </ActionForm>
  );
}

/** « Retirer » an adjustment, after confirmation. */
export function RemoveAdjustmentForm({ action, id, label }: { action: FormDataAction; id: string; label: string }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Retirer"
      variant="danger"
      confirmMessage={`Retirer l'ajustement « ${label} » ?`}
      hiddenFields={{ id }}
      className="inline"
    />
  );
}

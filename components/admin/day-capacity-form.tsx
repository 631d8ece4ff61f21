"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { TextField } from "@/components/ui/form/text-field";
import { ZDayCapacitySchema } from "@/lib/catalogue/units.schema";

/** Capacité par jour: one or several dates (as the closures import), one capacity. */
export function DayCapacityForm({
  action,
  unitId,
  periodLabel,
}: {
  action: FormDataAction;
  unitId: string;
  periodLabel: string;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZDayCapacitySchema}
      submitLabel="Fixer la capacité de ces jours"
      successMessage="La capacité de ces jours a été enregistrée."
      resetOnSuccess
      hiddenFields={{ unitId }}
    >
      <TextField
        name="dates"
        label="Dates"
        multiline
        rows={3}
        hint={`Une date par ligne (ou séparées par des virgules), au format JJ/MM/AAAA, ${periodLabel}.`}
        required
      />
      <TextField
        name="capacity"
        label="Capacité de ces jours (places)"
        type="number"
        hint="0 ferme les réservations de ces jours pour cette unité."
        required
      />
    </ActionForm>
  );
}

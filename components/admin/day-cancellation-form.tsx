"use client";

import { CheckboxGroup } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import { ZStaffCancellationSchema } from "@/lib/reservations/staff-reservation.schema";

import { ActionForm, type FormDataAction } from "./action-form";

/**
 * A parent phones to cancel days: the agent ticks them, types the reason and confirms. The days'
 * places are freed and the family receives an e-mail with the reason.
 */
export function DayCancellationForm({
  action,
  reservationId,
  days,
}: {
  action: FormDataAction;
  reservationId: string;
  days: { id: string; label: string }[];
}) {
  return (
    <ActionForm
      action={action}
      schema={ZStaffCancellationSchema}
      submitLabel="Annuler les journées cochées"
      successMessage="Journées annulées ; la famille est prévenue par e-mail."
      confirmMessage="Annuler les journées cochées ? Les places seront libérées et la famille prévenue par e-mail."
      variant="danger"
      resetOnSuccess
      hiddenFields={{ reservationId }}
    >
      <CheckboxGroup
        label="Journées à annuler"
        name="dayIds"
        options={days.map((day) => ({ value: day.id, label: day.label }))}
        required
      />
      <TextField
        label="Motif (envoyé à la famille)"
        name="reason"
        required
        multiline
        rows={2}
        hint="Par exemple : « Enfant malade, appel de la mère le 26/11 »."
        className="max-w-xl"
      />
    </ActionForm>
  );
}

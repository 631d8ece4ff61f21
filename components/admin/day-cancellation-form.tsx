"use client";

import { useState } from "react";

import { CheckboxGroup } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import { ZStaffCancellationSchema } from "@/lib/reservations/staff-reservation.schema";

import { ActionForm, type FormDataAction } from "./action-form";

const DONE = "Journées annulées ; la famille est prévenue par e-mail.";

/**
 * A parent phones to cancel days: the agent ticks them, types the reason and confirms. The days'
 * places are freed and the family receives an e-mail with the reason.
 *
 * The announcement lives outside the form: once the last day is cancelled the page's refresh
 * leaves nothing to cancel and the form goes, but the agent must still read that it worked.
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
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-3">
      {days.length === 0 ? (
        <p className="text-muted">Aucune journée à venir n&apos;est réservée : rien à annuler.</p>
      ) : (
        // A new choice makes the last announcement stale.
        <div onChange={() => setDone(false)}>
          <ActionForm
            action={action}
            schema={ZStaffCancellationSchema}
            submitLabel="Annuler les journées cochées"
            confirmMessage="Annuler les journées cochées ? Les places seront libérées et la famille prévenue par e-mail."
            variant="danger"
            resetOnSuccess
            onSuccess={() => setDone(true)}
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
        </div>
      )}
      <div aria-live="polite" role="status">
        {done ? <p className="text-green-800">{DONE}</p> : null}
      </div>
    </div>
  );
}

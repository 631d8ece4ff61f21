"use client";

import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZDecisionSchema } from "@/lib/reservations/decision.schema";

import { ActionForm } from "./action-form";

type Props = {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  dayId?: string;
  reservationId?: string;
  label: string;
};

/** Accept or refuse one line or a whole reservation, with an optional message to the family. */
export function DecisionForms({ action, dayId, reservationId, label }: Props) {
  const target = dayId ? (
    <input type="hidden" name="dayId" value={dayId} />
  ) : (
    <input type="hidden" name="reservationId" value={reservationId} />
  );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <ActionForm
        action={action}
        schema={ZDecisionSchema}
        submitLabel={`Accepter ${label}`}
        variant="secondary"
        className="flex items-end gap-2"
      >
        {target}
        <input type="hidden" name="decision" value="ACCEPTED" />
      </ActionForm>
      <ActionForm
        action={action}
        schema={ZDecisionSchema}
        submitLabel={`Refuser ${label}`}
        variant="danger"
        confirmMessage="Refuser cette demande ? La place sera libérée et la famille prévenue par e-mail."
        className="flex items-end gap-2"
      >
        {target}
        <input type="hidden" name="decision" value="REFUSED" />
        <TextField label={`Message (refus ${label})`} name="message" />
      </ActionForm>
    </div>
  );
}

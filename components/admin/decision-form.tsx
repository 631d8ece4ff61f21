"use client";

import type { ComponentProps } from "react";

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
  // Both forms post the same target and differ by their decision, button and (for a refusal) message.
  const decisionForm = (
    decision: "ACCEPTED" | "REFUSED",
    button: Pick<ComponentProps<typeof ActionForm>, "submitLabel" | "variant" | "confirmMessage">,
    message?: React.ReactNode,
  ) => (
    <ActionForm action={action} schema={ZDecisionSchema} className="flex items-end gap-2" {...button}>
      {target}
      <input type="hidden" name="decision" value={decision} />
      {message}
    </ActionForm>
  );
  return (
    <div className="flex flex-wrap items-end gap-2">
      {decisionForm("ACCEPTED", { submitLabel: `Accepter ${label}`, variant: "secondary" })}
      {decisionForm(
        "REFUSED",
        {
          submitLabel: `Refuser ${label}`,
          variant: "danger",
          confirmMessage: "Refuser cette demande ? La place sera libérée et la famille prévenue par e-mail.",
        },
        <TextField label={`Message (refus ${label})`} name="message" />,
      )}
    </div>
  );
}

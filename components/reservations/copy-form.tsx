"use client";

import Link from "next/link";
import { useActionState } from "react";

import { SelectField } from "@/components/ui/form/select-field";
import { SubmitButton } from "@/components/ui/form/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { dayLabel } from "@/lib/reservations/booking-rules";
import {
  DAY_STATUS_LABELS,
  STATUS_LABELS,
  type ReservationDayStatusName,
  type ReservationStatusName,
} from "@/lib/reservations/status-labels";

type CopyResult = {
  reservation: { id: string; number: string; status: ReservationStatusName } | null;
  booked: { date: string; unitLabel: string; status: ReservationDayStatusName }[];
  refused: { date: string; unitLabel: string; reason: string }[];
};

type Props = {
  reservationId: string;
  otherChildren: { id: string; name: string }[];
  action: (input: FormData) => Promise<ActionResult<CopyResult>>;
};

/** "Une fois l'inscription d'un de vos enfants terminée, vous avez la possibilité d'effectuer une copie pour un autre enfant." */
export function CopyForm({ reservationId, otherChildren, action }: Props) {
  const [state, formAction, pending] = useActionState<ActionResult<CopyResult> | null, FormData>(
    (_previous, formData) => action(formData),
    null,
  );
  const fieldError = state && !state.ok ? state.fieldErrors?.childId?.[0] : undefined;

  if (otherChildren.length === 0)
    return <p className="text-muted">Vous n&apos;avez pas d&apos;autre enfant à qui copier cette réservation.</p>;

  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="reservationId" value={reservationId} />
        <SelectField
          name="childId"
          label="Enfant"
          options={otherChildren.map((child) => ({ value: child.id, label: child.name }))}
          error={fieldError}
        />
        <SubmitButton pending={pending} label="Copier la réservation" pendingLabel="Copie en cours…" />
      </form>
      <div role="status" aria-live="polite" className="space-y-3">
        {state && !state.ok ? (
          <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{state.error}</p>
        ) : null}
        {state?.ok ? (
          <>
            {state.data.reservation ? (
              <p>
                Réservation n° <strong>{state.data.reservation.number}</strong> :{" "}
                <strong>{STATUS_LABELS[state.data.reservation.status]}</strong>.{" "}
                <Link href={`/espace/reservations/${state.data.reservation.id}`} className="text-brand underline">
                  Voir la réservation n° {state.data.reservation.number}
                </Link>
              </p>
            ) : (
              <p className="font-semibold">Aucune journée n&apos;a pu être copiée.</p>
            )}
            {state.data.booked.length > 0 ? (
              <div>
                <h3 className="font-semibold">Journées réservées</h3>
                <ul className="list-disc pl-5">
                  {state.data.booked.map((line) => (
                    <li key={`${line.date}-${line.unitLabel}`}>
                      {dayLabel(line.date)} – {line.unitLabel} : {DAY_STATUS_LABELS[line.status]}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {state.data.refused.length > 0 ? (
              <div>
                <h3 className="font-semibold">Journées non réservées</h3>
                <ul className="list-disc pl-5">
                  {state.data.refused.map((line) => (
                    <li key={`${line.date}-${line.unitLabel}`}>
                      {dayLabel(line.date)} – {line.unitLabel} : {line.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

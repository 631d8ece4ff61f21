"use client";

import { ActionForm } from "@/components/admin/action-form";
import { useFieldError } from "@/components/ui/form/field";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZOfferPlaceSchema, ZRefuseRequestSchema, ZRequestTargetSchema } from "@/lib/early-childhood/staff-decisions.schema";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;
type Target = { id: string; version: number };

const WEEKDAYS = [
  [1, "Lundi"],
  [2, "Mardi"],
  [3, "Mercredi"],
  [4, "Jeudi"],
  [5, "Vendredi"],
] as const;

/** « Mettre à l'étude » / « Inscrire en liste d'attente »: one button, the request's id and version. */
export function StaffSimpleDecision({
  action,
  target,
  label,
  success,
}: {
  action: Action;
  target: Target;
  label: string;
  success: string;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZRequestTargetSchema}
      submitLabel={label}
      successMessage={success}
      hiddenFields={{ id: target.id, version: target.version }}
    />
  );
}

export function StaffRefuseForm({ action, target }: { action: Action; target: Target }) {
  return (
    <ActionForm
      action={action}
      schema={ZRefuseRequestSchema}
      submitLabel="Refuser"
      variant="danger"
      confirmMessage="Refuser cette demande ? La famille reçoit le motif par e-mail."
      successMessage="La demande est refusée ; la famille est prévenue par e-mail."
      hiddenFields={{ id: target.id, version: target.version }}
    >
      <TextField name="reason" label="Motif du refus (envoyé à la famille)" required multiline rows={2} />
    </ActionForm>
  );
}

export function StaffOfferForm({
  action,
  target,
  creches,
  defaults,
}: {
  action: Action;
  target: Target;
  creches: { id: string; name: string }[];
  defaults: { startDate: string; endDate: string; answerBy: string; planning: { weekday: number; from: string; to: string }[] };
}) {
  return (
    <ActionForm
      action={action}
      schema={ZOfferPlaceSchema}
      submitLabel="Proposer une place"
      successMessage="La place est proposée ; la famille est prévenue par e-mail."
      hiddenFields={{ id: target.id, version: target.version }}
    >
      <SelectField
        name="crecheId"
        label="Crèche"
        required
        options={creches.map((creche) => ({ value: creche.id, label: creche.name }))}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="startDate" label="Date d'entrée" type="date" required defaultValue={defaults.startDate} />
        <TextField
          name="endDate"
          label="Fin du contrat"
          type="date"
          required
          defaultValue={defaults.endDate}
          hint="Par défaut : le 31 juillet de l'année des 3 ans."
        />
        <TextField name="answerBy" label="Réponse attendue avant le" type="date" required defaultValue={defaults.answerBy} />
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold">Planning du contrat (jour laissé vide : pas d&apos;accueil)</legend>
        <PlanningError />
        {WEEKDAYS.map(([weekday, name]) => {
          const slot = defaults.planning.find((entry) => entry.weekday === weekday);
          return (
            <div key={weekday} className="grid grid-cols-2 gap-3 sm:max-w-md">
              <TextField name={`from${weekday}`} label={`${name} : arrivée`} type="time" defaultValue={slot?.from ?? ""} />
              <TextField name={`to${weekday}`} label={`${name} : départ`} type="time" defaultValue={slot?.to ?? ""} />
            </div>
          );
        })}
      </fieldset>
      <TextField name="absenceWeeks" label="Semaines d'absence prévues par an" type="number" defaultValue={0} />
    </ActionForm>
  );
}

/** The planning's own error (« Indiquez au moins un jour d'accueil. »), attached to no single field. */
function PlanningError() {
  const error = useFieldError("planning");
  return error ? (
    <p role="alert" className="font-semibold text-accent-dark">
      {error}
    </p>
  ) : null;
}

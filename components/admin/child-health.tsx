"use client";

import { useState, useTransition } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import type { ActionResult } from "@/lib/auth/action";
import { DIET_KINDS } from "@/lib/children/child-labels";

type Health = {
  doctorName: string | null;
  doctorPhone: string | null;
  allergies: string | null;
  hasPai: boolean | null;
  treatments: string | null;
  vaccinationsUpToDate: boolean | null;
  remarks: string | null;
  dietKind: string | null;
  dietDetails: string | null;
} | null;

/** The diet as the child sheet words it (« Sans porc »), not its code. */
const dietLabel = (kind: string | null) => DIET_KINDS.find((diet) => diet.value === kind)?.label ?? kind;

const yesNo = (value: boolean | null) => (value === null ? "Non renseigné" : value ? "Oui" : "Non");

/** Health data is fetched only on this explicit request, which the server audits. */
export function ChildHealthReveal({
  familyId,
  childId,
  action,
}: {
  familyId: string;
  childId: string;
  action: (input: { familyId: string; childId: string }) => Promise<ActionResult<Health>>;
}) {
  const [result, setResult] = useState<ActionResult<Health> | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) {
    const health = result.data;
    return (
      <div role="region" aria-label="Informations médicales" className="mt-2 rounded border border-amber-400 bg-amber-50 p-3">
        {health ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Médecin</dt>
            <dd>{[health.doctorName, health.doctorPhone].filter(Boolean).join(" – ") || "Non renseigné"}</dd>
            <dt className="font-semibold">Allergies</dt>
            <dd>{health.allergies || "Aucune"}</dd>
            <dt className="font-semibold">PAI</dt>
            <dd>{yesNo(health.hasPai)}</dd>
            <dt className="font-semibold">Traitements</dt>
            <dd>{health.treatments || "Aucun"}</dd>
            <dt className="font-semibold">Vaccinations à jour</dt>
            <dd>{yesNo(health.vaccinationsUpToDate)}</dd>
            <dt className="font-semibold">Régime alimentaire</dt>
            <dd>{[dietLabel(health.dietKind), health.dietDetails].filter(Boolean).join(" – ") || "Non renseigné"}</dd>
            <dt className="font-semibold">Remarques</dt>
            <dd>{health.remarks || "Aucune"}</dd>
          </dl>
        ) : (
          <p>Aucune information médicale saisie.</p>
        )}
      </div>
    );
  }
  return (
    <div className="mt-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await action({ familyId, childId })))}
        className="rounded border border-brand px-3 py-1 font-semibold text-brand"
      >
        Afficher les informations médicales
      </button>
      <span className="ml-2 text-sm text-muted">(consultation enregistrée au journal)</span>
      <ActionError result={result} />
    </div>
  );
}

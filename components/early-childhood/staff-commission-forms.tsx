"use client";

import Link from "next/link";

import { ActionForm } from "@/components/admin/action-form";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import {
  commissionFieldNames,
  ZCommissionSessionSchema,
  ZCommissionStepSchema,
} from "@/lib/early-childhood/staff-decisions.schema";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;

export function StaffCommissionSessionForm({ action, today }: { action: Action; today: string }) {
  return (
    <ActionForm
      action={action}
      schema={ZCommissionSessionSchema}
      submitLabel="Créer la commission"
      redirectTo={(data) => `/admin/petite-enfance/commission/${(data as { id: string }).id}`}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="sessionDate" label="Date de la commission" type="date" required defaultValue={today} />
        <TextField
          name="placesDate"
          label="Places comptées au"
          type="date"
          required
          hint="La date d'entrée des places proposées (exemple : la rentrée de septembre)."
        />
      </div>
    </ActionForm>
  );
}

export type CommissionCandidateRow = {
  id: string;
  version: number;
  rank: number;
  score: number;
  detail: string;
  childLabel: string;
  familyName: string;
  ageGroup: string;
  status: string;
  wished: string;
  defaultStart: string;
  choices: { id: string; name: string; position: number | null }[];
};

/** One row per candidate, ranked; « no change » by default; posted in one step. */
export function StaffCommissionStepForm({
  action,
  sessionId,
  rows,
}: {
  action: Action;
  sessionId: string;
  rows: CommissionCandidateRow[];
}) {
  return (
    <ActionForm
      action={action}
      schema={ZCommissionStepSchema}
      submitLabel="Enregistrer les décisions de la commission"
      confirmMessage="Enregistrer ces décisions ? Chaque famille concernée reçoit un e-mail."
      successMessage="Les décisions sont enregistrées ; les familles sont prévenues par e-mail."
      hiddenFields={{ sessionId }}
    >
      <div className="relative overflow-x-auto">
        <DataTable
          className="w-full min-w-[64rem] text-left text-sm"
          caption="Candidats classés selon les critères d'admission (à égalité : la demande envoyée la première)"
          look="ruled"
          columns={["Rang", "Enfant", "Famille", "Groupe", "État", "Entrée souhaitée", "Points", "Décision"]}
        >
          {rows.map((row) => {
            const names = commissionFieldNames(row.id);
            return (
              <tr key={row.id} className="border-b border-gray-200 align-top">
                <td className="py-2 pr-3">{row.rank}</td>
                <td className="py-2 pr-3 font-semibold">
                  <Link className="underline" href={`/admin/petite-enfance/demandes/${row.id}`}>
                    {row.childLabel}
                  </Link>
                  <span className="block text-muted">
                    {row.choices.map((choice) => `${choice.name}${choice.position ? ` (n° ${choice.position})` : ""}`).join(", ")}
                  </span>
                </td>
                <td className="py-2 pr-3">{row.familyName}</td>
                <td className="py-2 pr-3">{row.ageGroup}</td>
                <td className="py-2 pr-3">{row.status}</td>
                <td className="py-2 pr-3">{row.wished}</td>
                <td className="py-2 pr-3">
                  <strong>{row.score}</strong>
                  <span className="block text-muted">{row.detail}</span>
                </td>
                <td className="space-y-2 py-2">
                  <input type="hidden" name={names.version} value={row.version} />
                  <SelectField
                    name={names.decision}
                    label={`Décision pour ${row.childLabel}`}
                    placeholder="Pas de changement"
                    options={[
                      { value: "OFFER", label: "Place proposée" },
                      { value: "WAITING_LIST", label: "Liste d'attente" },
                      { value: "REFUSE", label: "Refusée" },
                    ]}
                  />
                  <SelectField
                    name={names.crecheId}
                    label="Crèche (place proposée)"
                    options={row.choices.map((choice) => ({ value: choice.id, label: choice.name }))}
                  />
                  <TextField name={names.startDate} label="Entrée (place proposée)" type="date" defaultValue={row.defaultStart} />
                  <TextField name={names.reason} label="Motif (refus)" />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </ActionForm>
  );
}

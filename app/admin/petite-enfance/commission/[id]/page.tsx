import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { StaffCommissionStepForm } from "@/components/early-childhood/staff-commission-forms";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { currentViewer, isStaff, staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AGE_GROUP_LABELS } from "@/lib/early-childhood/age-group";
import { getCommission } from "@/lib/early-childhood/commission";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "@/lib/early-childhood/status-labels";
import { staffCommissionTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { commissionStepAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

const KIND_LABELS: Record<string, string> = {
  PLACE_OFFERED: "Place proposée",
  WAITING_LIST: "Liste d'attente",
  REFUSED: "Refusée",
  UNDER_REVIEW: "En cours d'étude",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await currentViewer();
  const id = parseId((await params).id);
  const title = id && isStaff(viewer) ? await staffCommissionTitle(getDb(), viewer, id) : null;
  return { title: title ?? "Commission petite enfance" };
}

export default async function CommissionPage({ params }: Props) {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  const commission = id ? await getCommission(getDb(), viewer, id) : null;
  if (!commission) notFound();
  const placesDay = formatDay(dateToDay(commission.placesDate));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Commission petite enfance du ${formatDay(dateToDay(commission.sessionDate))}`}
        back={{ href: "/admin/petite-enfance/commission", label: "Commission petite enfance" }}
      />
      <Panel title={`Places libres au ${placesDay}`}>
        <div className="relative overflow-x-auto">
          <DataTable
            className="w-full min-w-[40rem] text-left"
            caption="Places libres = places − contrats en cours dans le groupe − places proposées sans réponse"
            look="ruled"
            columns={["Crèche", "Groupe d'âge", "Places", "Contrats en cours", "Proposées sans réponse", "Libres"]}
          >
            {commission.places.map((row) => (
              <tr key={`${row.crecheId}-${row.ageGroup}`} className="border-b border-gray-200">
                <td className="py-2 pr-3">{row.crecheName}</td>
                <td className="py-2 pr-3">{AGE_GROUP_LABELS[row.ageGroup]}</td>
                <td className="py-2 pr-3">{row.capacity}</td>
                <td className="py-2 pr-3">{row.taken}</td>
                <td className="py-2 pr-3">{row.offered}</td>
                <td className="py-2 font-semibold">{row.free}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Panel>
      <Panel title="Candidats classés">
        {commission.candidates.length === 0 ? (
          <p className="text-muted">Aucun candidat : pas de demande envoyée, en cours d&apos;étude ou en liste d&apos;attente.</p>
        ) : (
          <StaffCommissionStepForm
            action={commissionStepAction}
            sessionId={commission.id}
            rows={commission.candidates.map((candidate) => ({
              id: candidate.id,
              version: candidate.version,
              rank: candidate.rank,
              score: candidate.score,
              detail: candidate.detail.map((line) => `${line.label} : ${line.points}`).join(" ; ") || "Aucun critère rempli",
              childLabel: candidate.childLabel,
              familyName: candidate.family.name,
              ageGroup: AGE_GROUP_LABELS[candidate.ageGroup],
              status: EARLY_CHILDHOOD_STATUS_LABELS[candidate.status],
              wished: formatDay(dateToDay(candidate.wishedStartDate)),
              defaultStart: candidate.defaultStart,
              choices: candidate.choices.map((choice) => ({
                id: choice.crecheId,
                name: choice.creche.name,
                position: choice.waitingPosition,
              })),
            }))}
          />
        )}
      </Panel>
      <Panel title="Décisions de cette commission">
        {commission.decisions.length === 0 ? (
          <p className="text-muted">Aucune décision enregistrée.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {commission.decisions.map((decision) => (
              <li key={decision.id}>
                {decision.request.child
                  ? childName(decision.request.child)
                  : `Enfant à naître${decision.request.unbornFirstName ? ` (${decision.request.unbornFirstName})` : ""}`}{" "}
                ({decision.request.family.name}) : {KIND_LABELS[decision.kind] ?? decision.kind}
                {decision.creche ? ` – ${decision.creche.name}` : ""}
                {decision.startDate ? ` au ${formatDay(dateToDay(decision.startDate))}` : ""}
                {decision.reason ? ` – ${decision.reason}` : ""}
                {decision.score !== null ? ` (${decision.score} points)` : ""}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

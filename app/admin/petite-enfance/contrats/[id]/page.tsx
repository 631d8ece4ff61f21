import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ContractAdjustmentForm, RemoveAdjustmentForm } from "@/components/early-childhood/contract-adjustment-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/billing-month";
import { formatAmount } from "@/lib/billing/invoice-state";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { CONTRACT_STATUS_LABELS, getContract } from "@/lib/early-childhood/contracts";
import { ADJUSTMENT_KIND_LABELS } from "@/lib/early-childhood/contracts.schema";
import { formatEffortRate, formatMinutesAsHours } from "@/lib/early-childhood/psu";
import { formatWeeklySchedule, weekdayName } from "@/lib/early-childhood/schedule";
import { parseId } from "@/lib/http/url-params";

import { addAdjustmentAction, removeAdjustmentAction } from "../actions";

// A crèche contract, staff side (issue #15 points 4 and 5): planning, dates, mensualised hours,
// the rate the family pays this year, and the day adjustments (refused on an invoiced month).

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const contract = id ? await getContract(getDb(), await staffPage(), id) : null;
  return { title: contract ? `Contrat de crèche – ${contract.childName}` : "Contrat de crèche introuvable" };
}

export default async function ContractPage({ params }: Props) {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  const contract = id ? await getContract(getDb(), viewer, id) : null;
  if (!contract) notFound();
  const resourcesHref =
    `/admin/petite-enfance/facturation/ressources?famille=${contract.family.id}` +
    `&annee=${contract.year}&contrat=${contract.id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Contrat de crèche – ${contract.childName}`}
        back={{ href: "/admin/petite-enfance/contrats", label: "Contrats de crèche" }}
      />
      <Panel title="Contrat">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Famille</dt>
          <dd>
            <Link href={`/admin/familles/${contract.family.id}`} className="text-brand underline">
              {contract.family.name}
            </Link>
          </dd>
          <dt className="font-semibold">Crèche</dt>
          <dd>
            {contract.crecheName}
            {contract.regieName ? ` (facturée par la ${contract.regieName})` : " (aucune régie : non facturée)"}
          </dd>
          <dt className="font-semibold">Dates</dt>
          <dd>
            du {formatDay(contract.startDay)} au {formatDay(contract.endDay)} – {CONTRACT_STATUS_LABELS[contract.status]}
          </dd>
          <dt className="font-semibold">Planning</dt>
          <dd>
            {formatWeeklySchedule(contract.planning)}
            <ul className="sr-only">
              {contract.planning.map((slot) => (
                <li key={slot.weekday}>
                  {weekdayName(slot.weekday)} de {slot.from} à {slot.to}
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">Semaines d&apos;absence prévues par an</dt>
          <dd>{contract.absenceWeeksPerYear}</dd>
          <dt className="font-semibold">Heures mensualisées</dt>
          <dd>{formatMinutesAsHours(contract.monthlyMinutes)} par mois (mois entier)</dd>
        </dl>
      </Panel>
      <Panel title={`Tarif PSU ${contract.year}`}>
        {contract.rate === null ? (
          <p>Le barème PSU de {contract.year} n&apos;est pas saisi : le contrat ne sera pas facturé pour ces mois.</p>
        ) : (
          <p>
            {contract.rate.atCeiling
              ? "Ressources de la famille non saisies : facturée au plafond. "
              : `Ressources mensuelles retenues : ${formatAmount(contract.rate.monthlyResourcesCents)}, ` +
                `${contract.resources?.dependentChildren} enfant(s) à charge${contract.resources?.aeeh ? ", AEEH" : ""}. `}
            Taux d&apos;effort {formatEffortRate(contract.rate.rateMillionths)} – tarif horaire{" "}
            <strong>{formatAmount(contract.rate.hourlyRateCents)}</strong>.
          </p>
        )}
        <p className="mt-2">
          <Link href={resourcesHref} className="text-brand underline">
            {contract.resources ? "Modifier" : "Saisir"} les ressources {contract.year} de la famille
          </Link>
        </p>
      </Panel>
      <Panel title="Jours ajustés">
        {contract.adjustments.length === 0 ? (
          <p>Aucun ajustement.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              className="w-full text-left"
              caption="Ajustements"
              look="boxed"
              columns={["Date", "Type", "Durée", "Note", "Action"]}
            >
              {contract.adjustments.map((adjustment) => (
                <tr key={adjustment.id} className="border-t border-gray-200">
                  <td className="p-2">{formatDay(adjustment.day)}</td>
                  <td className="p-2">{ADJUSTMENT_KIND_LABELS[adjustment.kind]}</td>
                  <td className="p-2">{formatMinutesAsHours(adjustment.minutes)}</td>
                  <td className="p-2">{adjustment.note ?? ""}</td>
                  <td className="p-2">
                    {adjustment.billed ? (
                      "Facturé"
                    ) : (
                      <RemoveAdjustmentForm
                        action={removeAdjustmentAction}
                        id={adjustment.id}
                        label={`${ADJUSTMENT_KIND_LABELS[adjustment.kind]} du ${formatDay(adjustment.day)}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        <h3 className="mt-4 font-bold">Ajouter un jour</h3>
        <ContractAdjustmentForm
          action={addAdjustmentAction}
          contractId={contract.id}
          startDay={formatDay(contract.startDay)}
          endDay={formatDay(contract.endDay)}
        />
      </Panel>
      <Panel title="Mois facturés">
        {contract.billedMonths.length === 0 ? (
          <p>Aucun mois facturé.</p>
        ) : (
          <ul className="ml-6 list-disc">
            {contract.billedMonths.map((billed) => (
              <li key={billed.month}>
                {monthLabel(billed.month)} –{" "}
                <Link href={`/admin/factures/${billed.invoiceId}`} className="text-brand underline">
                  facture {billed.invoiceNumber}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

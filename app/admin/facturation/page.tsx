import type { Metadata } from "next";
import Link from "next/link";

import { GenerateInvoicesForm } from "@/components/admin/billing/generate-invoices-form";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { isBillingMonth, monthLabel, ofMonthLabel, previousMonth } from "@/lib/billing/billing-month";
import { formatAmount } from "@/lib/billing/invoice-state";
import { listBillingRegies, listInvoicingRuns, previewInvoicing } from "@/lib/billing/invoicing-run";
import * as clock from "@/lib/clock";
import { formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseId, parseText, type TSearchParams } from "@/lib/http/url-params";

import { generateInvoicesAction } from "./actions";

// « Facturation » (issue #14 point 2): choose the month (last month by default) and the régie,
// see what would be issued (families, totals, anomalies), then « Générer les factures »; the
// history of the runs below.

export const metadata: Metadata = { title: "Facturation" };

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

export default async function InvoicingPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const db = getDb();
  const params = await searchParams;
  const askedMonth = parseText(params.mois, 7);
  const month = askedMonth && isBillingMonth(askedMonth) ? askedMonth : previousMonth(clock.today());
  const regies = await listBillingRegies(db, viewer);
  const regieId = parseId(params.regie);
  const regie = regies.find((candidate) => candidate.id === regieId) ?? null;
  const [preview, runs] = await Promise.all([
    regie ? previewInvoicing(db, viewer, { regieId: regie.id, month }) : null,
    listInvoicingRuns(db, viewer),
  ]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Facturation</h1>
      {askedMonth && !isBillingMonth(askedMonth) ? (
        <p role="alert" className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">
          Le mois demandé n&apos;est pas valide : voici le mois dernier.
        </p>
      ) : null}

      <form method="get" action="/admin/facturation" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow">
        <div>
          <label htmlFor="billing-month" className="block font-semibold">
            Mois à facturer
          </label>
          <input
            id="billing-month"
            type="month"
            name="mois"
            defaultValue={month}
            required
            className="mt-1 rounded border border-gray-500 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="billing-regie" className="block font-semibold">
            Régie
          </label>
          <select
            id="billing-regie"
            name="regie"
            defaultValue={regie?.id ?? ""}
            required
            className="mt-1 rounded border border-gray-500 bg-white px-3 py-2"
          >
            <option value="">Choisir…</option>
            {regies.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Prévisualiser
        </button>
      </form>

      {preview && regie ? (
        <Panel title={`Prévisualisation – ${regie.name} – ${monthLabel(month)}`}>
          <div className="space-y-4">
            <dl className="grid gap-2 sm:grid-cols-3">
              <div>
                <dt className="font-semibold">Familles facturées</dt>
                <dd>{preview.invoiceCount}</dd>
              </div>
              <div>
                <dt className="font-semibold">Factures à émettre</dt>
                <dd>
                  {preview.invoiceCount} ({plural(preview.dayCount, "journée")})
                </dd>
              </div>
              <div>
                <dt className="font-semibold">Total</dt>
                <dd>{formatAmount(preview.totalCents)}</dd>
              </div>
            </dl>
            <p>
              {regie.payableOnline
                ? "Factures payables en ligne (PayFiP)."
                : "Factures à régler auprès du Guichet unique (pas de paiement en ligne)."}
            </p>

            {preview.anomalies.noQuotientCount > 0 ||
            preview.anomalies.noTariffCount > 0 ||
            preview.anomalies.creche.noResources.length > 0 ||
            preview.anomalies.creche.noPsuYear.length > 0 ? (
              <section aria-labelledby="anomalies-title" className="rounded border border-amber-600 bg-amber-50 p-3">
                <h3 id="anomalies-title" className="font-bold">
                  Anomalies à vérifier
                </h3>
                {preview.anomalies.noQuotientCount > 0 ? (
                  <>
                    <p className="mt-2">
                      {plural(preview.anomalies.noQuotientCount, "famille")} sans quotient familial valable (facturée
                      {preview.anomalies.noQuotientCount > 1 ? "s" : ""} à la tranche la plus haute) :
                    </p>
                    <ul className="ml-6 list-disc">
                      {preview.anomalies.noQuotient.map((family) => (
                        <li key={family.familyId}>
                          <Link href={`/admin/familles/${family.familyId}`} className="text-brand underline">
                            {family.familyName}
                          </Link>{" "}
                          – {plural(family.days, "journée")}
                          {family.reason === "NO_BRACKET" ? " (aucune tranche ne contient son QF)" : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {preview.anomalies.noTariffCount > 0 ? (
                  <>
                    <p className="mt-2">
                      {plural(preview.anomalies.noTariffCount, "journée")} sans tarif pour la tranche (non facturée
                      {preview.anomalies.noTariffCount > 1 ? "s" : ""} : elles le seront au prochain lancement une fois le tarif
                      saisi) :
                    </p>
                    <ul className="ml-6 list-disc">
                      {preview.anomalies.noTariff.map((day) => (
                        <li key={`${day.familyId}-${day.childName}-${day.date}-${day.unit}`}>
                          {day.familyName} – {day.childName} – {formatDay(day.date)} – {day.service} – {day.unit}
                          {day.bracket ? ` (${day.bracket})` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {preview.anomalies.creche.noResources.length > 0 ? (
                  <>
                    <p className="mt-2">
                      {plural(preview.anomalies.creche.noResources.length, "famille")} de crèche sans ressources saisies pour
                      l&apos;année (facturée{preview.anomalies.creche.noResources.length > 1 ? "s" : ""} au plafond PSU) :
                    </p>
                    <ul className="ml-6 list-disc">
                      {preview.anomalies.creche.noResources.map((family) => (
                        <li key={family.familyId}>
                          <Link href={`/admin/familles/${family.familyId}`} className="text-brand underline">
                            {family.familyName}
                          </Link>{" "}
                          – {plural(family.contracts, "contrat")}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {preview.anomalies.creche.noPsuYear.length > 0 ? (
                  <>
                    <p className="mt-2">
                      {plural(preview.anomalies.creche.noPsuYear.length, "contrat")} de crèche non facturé
                      {preview.anomalies.creche.noPsuYear.length > 1 ? "s" : ""} : le barème PSU de{" "}
                      {preview.anomalies.creche.noPsuYear[0].year} n&apos;est pas saisi (
                      <Link href="/admin/petite-enfance/facturation" className="text-brand underline">
                        Barème PSU
                      </Link>
                      ) :
                    </p>
                    <ul className="ml-6 list-disc">
                      {preview.anomalies.creche.noPsuYear.map((contract) => (
                        <li key={contract.contractId}>
                          {contract.familyName} – {contract.childName}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {preview.anomalies.noQuotient.length < preview.anomalies.noQuotientCount ||
                preview.anomalies.noTariff.length < preview.anomalies.noTariffCount ? (
                  <p className="mt-2 text-sm">Seules les premières anomalies sont listées.</p>
                ) : null}
              </section>
            ) : (
              <p>Aucune anomalie.</p>
            )}

            {preview.invoiceCount > 0 ? (
              <>
                <div className="overflow-x-auto">
                  <DataTable
                    className="w-full text-left"
                    caption={`Familles facturées – ${monthLabel(month)}`}
                    look="boxed"
                    columns={["Famille", "Journées", "Montant", "Facture"]}
                  >
                    {preview.families.map((family) => (
                      <tr key={family.familyId} className="border-t border-gray-200">
                        <td className="p-2">{family.familyName}</td>
                        <td className="p-2">{family.days}</td>
                        <td className="p-2">{formatAmount(family.totalCents)}</td>
                        <td className="p-2">{family.rank === 1 ? "Facture du mois" : `Complémentaire (n° ${family.rank})`}</td>
                      </tr>
                    ))}
                  </DataTable>
                </div>
                {preview.families.length < preview.invoiceCount ? (
                  <p className="text-sm">
                    {preview.families.length} premières familles affichées sur {preview.invoiceCount}.
                  </p>
                ) : null}
                <GenerateInvoicesForm
                  action={generateInvoicesAction}
                  regieId={regie.id}
                  month={month}
                  confirmMessage={`Émettre ${plural(preview.invoiceCount, "facture")} ${ofMonthLabel(month)} pour la ${regie.name}, total ${formatAmount(preview.totalCents)} ? Les numéros sont définitifs et les familles sont prévenues par e-mail.`}
                />
              </>
            ) : (
              <p className="font-semibold">Aucune journée à facturer pour ce mois : tout est déjà facturé.</p>
            )}
          </div>
        </Panel>
      ) : (
        <p>Choisissez le mois et la régie, puis « Prévisualiser ».</p>
      )}

      <Panel title="Historique des facturations">
        {runs.length === 0 ? (
          <p>Aucune facturation lancée.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              className="w-full text-left"
              caption="Historique des facturations"
              look="boxed"
              columns={["Lancée le", "Régie", "Mois", "Factures", "Numéros", "Total", "Par"]}
            >
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-gray-200">
                  <td className="p-2">{formatDateTime(run.startedAt)}</td>
                  <td className="p-2">{run.regie.name}</td>
                  <td className="p-2">{monthLabel(run.month)}</td>
                  <td className="p-2">{run.invoiceCount}</td>
                  <td className="p-2">
                    {run.firstNumber}
                    {run.lastNumber && run.lastNumber !== run.firstNumber ? ` à ${run.lastNumber}` : ""}
                  </td>
                  <td className="p-2">{formatAmount(run.totalCents)}</td>
                  <td className="p-2">{run.by ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}

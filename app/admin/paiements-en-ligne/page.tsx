import type { Metadata } from "next";
import Link from "next/link";

import { Pagination, queryString } from "@/components/admin/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { formatAmount } from "@/lib/billing/invoice-state";
import { getDb } from "@/lib/db/client";
import type { PayfipOperationStatus } from "@/lib/db/generated/client";
import { parseChoice, parsePage, type TSearchParams } from "@/lib/http/url-params";
import { listPayfipOperations, STAFF_PAYFIP_PAGE_SIZE } from "@/lib/payfip/operations-query";
import { PAYFIP_STATUS_LABELS } from "@/lib/payfip/status-labels";

import { recheckPayfipAction } from "./actions";
import { RecheckForm } from "./recheck-form";

export const metadata: Metadata = { title: "Paiements en ligne" };

// « Paiements en ligne » (staff): every PayFiP attempt with its state, the invoice and the family,
// the amount, when it was made and settled, why it is to check; « Revérifier » asks PayFiP again
// (an attempt still in progress, expired, or whose notification never came).
const STATES = {
  "en-cours": "INITIATED",
  paye: "PAID",
  refuse: "REFUSED",
  abandonne: "ABANDONED",
  expire: "EXPIRED",
  "a-verifier": "FLAGGED",
} as const satisfies Record<string, PayfipOperationStatus>;
type TStateParam = keyof typeof STATES;
const STATE_PARAMS = Object.keys(STATES) as TStateParam[];
const RECHECKABLE: PayfipOperationStatus[] = ["INITIATED", "EXPIRED"];

export default async function OnlinePaymentsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const query = await searchParams;
  const state = parseChoice(query.etat, STATE_PARAMS);
  const page = parsePage(query.page);
  const { rows, total } = await listPayfipOperations(getDb(), viewer, { status: state ? STATES[state] : null, page });
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAYFIP_PAGE_SIZE));
  const pageHref = (target: number) => `/admin/paiements-en-ligne${queryString({ etat: state, page: target })}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Paiements en ligne" />
      <p className="text-muted">
        Les paiements par carte faits sur PayFiP. Un paiement dont PayFiP n&apos;a pas encore donné le résultat est revérifié
        automatiquement toutes les 5 minutes pendant 3 heures ; « Revérifier » interroge PayFiP tout de suite. Un paiement « À
        vérifier » n&apos;a rien réglé : son montant ou sa référence ne correspond pas à la facture.
      </p>
      <Panel title="Opérations PayFiP">
        <div className="space-y-4">
          <FilterForm action="/admin/paiements-en-ligne" role="search">
            <SelectField
              id="paiements-etat"
              label="État"
              name="etat"
              defaultValue={state ?? ""}
              placeholder="Tous"
              options={STATE_PARAMS.map((value) => ({ value, label: PAYFIP_STATUS_LABELS[STATES[value]] }))}
            />
          </FilterForm>
          <p aria-live="polite">
            {total} paiement(s) en ligne{state ? ` – ${PAYFIP_STATUS_LABELS[STATES[state]].toLowerCase()}` : ""}
          </p>
          {rows.length === 0 ? (
            <p className="text-muted">Aucun paiement en ligne{state ? " dans cet état" : ""}.</p>
          ) : (
            <div role="region" aria-label="Tableau des paiements en ligne" tabIndex={0} className="relative overflow-x-auto">
              <DataTable
                className="w-full min-w-[60rem] text-left text-sm"
                look="boxed"
                caption="Paiements en ligne, du plus récent au plus ancien"
                columns={["Créé le", "Facture", "Famille", "Montant", "État", "Réglé le", "Remarque", "Action"]}
              >
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-gray-200 align-top">
                    <td className="p-2 whitespace-nowrap">{row.createdAt}</td>
                    <td className="p-2">
                      <Link href={`/admin/factures/${row.invoiceId}`} className="text-brand underline">
                        {row.invoiceNumber}
                      </Link>
                    </td>
                    <td className="p-2">
                      <Link href={`/admin/familles/${row.familyId}`} className="text-brand underline">
                        {row.familyName}
                      </Link>
                    </td>
                    <td className="p-2 whitespace-nowrap">{formatAmount(row.amountCents)}</td>
                    <td className="p-2">
                      {PAYFIP_STATUS_LABELS[row.status]}
                      {row.resultrans ? <span className="block text-xs text-muted">PayFiP : {row.resultrans}</span> : null}
                      {row.lastCheckedAt ? (
                        <span className="block text-xs text-muted">vérifié le {row.lastCheckedAt}</span>
                      ) : null}
                    </td>
                    <td className="p-2 whitespace-nowrap">{row.settledAt ?? "—"}</td>
                    <td className="p-2 break-words">
                      {row.flagReason ?? "—"}
                      <span className="block text-xs break-all text-muted">idOp {row.idOp}</span>
                    </td>
                    <td className="p-2">
                      {RECHECKABLE.includes(row.status) ? (
                        <RecheckForm action={recheckPayfipAction} operationId={row.id} invoiceNumber={row.invoiceNumber} />
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
          <Pagination page={page} pageCount={pageCount} href={pageHref} />
        </div>
      </Panel>
    </div>
  );
}

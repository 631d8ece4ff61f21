import type { Metadata } from "next";
import Link from "next/link";

import { InvoiceStateBadge } from "@/components/admin/invoices/invoice-state-badge";
import { Pagination, queryString } from "@/components/admin/pagination";
import { StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/billing-month";
import { formatAmount } from "@/lib/billing/invoice-state";
import { INVOICE_FILTER_STATE_LABELS, INVOICE_FILTER_STATES, ZInvoiceSearchSchema } from "@/lib/billing/staff-invoice.schema";
import { invoiceMonths, invoiceRegieOptions, listInvoicesForStaff } from "@/lib/billing/staff-invoices";
import * as clock from "@/lib/clock";
import { dateToDay, formatDay, parisToday } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText, type TSearchParams } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Factures" };

const regieLabel = (regie: { name: string; active: boolean }) => (regie.active ? regie.name : `${regie.name} (retirée)`);

/** « Régie » (all of them, the withdrawn ones said so), in the search and in the export. */
function RegieField({
  id,
  regies,
  defaultValue,
}: {
  id: string;
  regies: { id: string; name: string; active: boolean }[];
  defaultValue: string | undefined;
}) {
  return (
    <SelectField
      id={id}
      label="Régie"
      name="regie"
      defaultValue={defaultValue ?? ""}
      placeholder="Toutes"
      options={regies.map((regie) => ({ value: regie.id, label: regieLabel(regie) }))}
    />
  );
}

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const db = getDb();
  const filter = ZInvoiceSearchSchema.parse(searchParamsText(await searchParams));
  const today = clock.today();
  const [list, regies, months] = await Promise.all([
    listInvoicesForStaff(db, viewer, filter, today),
    invoiceRegieOptions(db),
    invoiceMonths(db),
  ]);
  const monthOptions = [...new Set([...(filter.mois ? [filter.mois] : []), ...months])]
    .sort()
    .reverse()
    .map((month) => ({ value: month, label: monthLabel(month) }));
  const pageHref = (page: number) => `/admin/factures${queryString({ ...filter, page })}`;
  const exportMonth = filter.mois ?? today.slice(0, 7);

  return (
    <div className="space-y-6">
      <PageHeader title="Factures" />
      <FilterForm action="/admin/factures" role="search">
        <TextField
          id="factures-q"
          label="Famille ou numéro"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          hint="Nom de famille, ou numéro (F-PERI-2026-000001)."
        />
        <SelectField
          id="factures-mois"
          label="Mois facturé"
          name="mois"
          defaultValue={filter.mois ?? ""}
          placeholder="Tous"
          options={monthOptions}
        />
        <RegieField id="factures-regie" regies={regies} defaultValue={filter.regie} />
        <SelectField
          id="factures-etat"
          label="État"
          name="etat"
          defaultValue={filter.etat ?? ""}
          placeholder="Tous"
          options={INVOICE_FILTER_STATES.map((state) => ({ value: state, label: INVOICE_FILTER_STATE_LABELS[state] }))}
        />
      </FilterForm>

      <section aria-labelledby="factures-totaux" className="space-y-2">
        <h2 id="factures-totaux" className="text-lg font-semibold text-brand">
          Sélection
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-live="polite">
          {[
            ["Documents", String(list.totals.count)],
            ["Total facturé", formatAmount(list.totals.totalCents)],
            ["Déjà payé", formatAmount(list.totals.paidCents)],
            ["Reste à payer", formatAmount(list.totals.remainingCents)],
          ].map(([label, value]) => (
            <div key={label} className="rounded bg-white p-3 shadow">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-xl font-bold text-brand">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {list.rows.length === 0 ? (
        <p className="text-muted">Aucune facture ne correspond à ces critères.</p>
      ) : (
        <StaffTable
          label="Tableau des factures"
          className="w-full min-w-[56rem] border-collapse bg-white text-left shadow"
          caption="Factures et avoirs, les plus récents d'abord"
          columns={["Numéro", "Famille", "Régie", "Mois", "Émise le", "Échéance", "Total", "Reste à payer", "État"]}
        >
          {list.rows.map((row) => (
            <tr key={row.id} className="border-t border-gray-200">
              <td className="p-2 whitespace-nowrap">
                <Link href={`/admin/factures/${row.id}`} className="underline">
                  {row.number}
                </Link>
              </td>
              <td className="p-2">
                <Link href={`/admin/familles/${row.family.id}`} className="underline">
                  {row.family.name}
                </Link>
              </td>
              <td className="p-2">{row.regie.name}</td>
              <td className="p-2">
                {monthLabel(row.month)}
                {row.rank > 1 ? ` (complémentaire ${row.rank})` : ""}
              </td>
              <td className="p-2">{formatDay(parisToday(row.issuedAt))}</td>
              <td className="p-2">{row.kind === "INVOICE" ? formatDay(dateToDay(row.dueDate)) : "—"}</td>
              <td className="p-2 text-right whitespace-nowrap">{formatAmount(row.totalCents)}</td>
              <td className="p-2 text-right whitespace-nowrap">{formatAmount(row.remainingCents)}</td>
              <td className="p-2">
                <InvoiceStateBadge state={row.state} />
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} />

      <Panel title="Export pour la comptabilité">
        <form method="get" action="/api/admin/factures/export" className="flex flex-wrap items-end gap-3">
          <TextField id="export-mois" label="Mois" name="mois" type="month" required defaultValue={exportMonth} />
          <RegieField id="export-regie" regies={regies} defaultValue={filter.regie} />
          <button type="submit" name="type" value="factures" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Factures et avoirs émis (CSV)
          </button>
          <button
            type="submit"
            name="type"
            value="paiements"
            className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
          >
            Paiements reçus (CSV)
          </button>
        </form>
        <p className="mt-2 text-sm text-muted">
          Fichiers CSV (séparateur « ; », montants au format 12,50) : les factures et avoirs émis dans le mois, ou les paiements
          reçus dans le mois (guichet et paiement en ligne).
        </p>
      </Panel>
    </div>
  );
}

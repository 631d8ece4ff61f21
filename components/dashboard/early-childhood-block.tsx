import Link from "next/link";

import { CardCell, CardRow, CardTable } from "@/components/ui/card-table";
import { PageLinks } from "@/components/ui/page-links";
import { PageSizeChoice } from "@/components/ui/page-size-choice";
import { Panel } from "@/components/ui/panel";
import {
  EARLY_CHILDHOOD_PAGE_PARAM,
  EARLY_CHILDHOOD_TAB_PARAM,
  type EarlyChildhoodBlockData,
  type EarlyChildhoodTab,
} from "@/lib/early-childhood/family-dashboard-block";

const TABS: { tab: EarlyChildhoodTab; label: string }[] = [
  { tab: "inscriptions", label: "Inscriptions" },
  { tab: "historique", label: "Historique réservations" },
];

const tabHref = (tab: EarlyChildhoodTab, page = 1) => {
  const params = new URLSearchParams();
  if (tab !== "inscriptions") params.set(EARLY_CHILDHOOD_TAB_PARAM, tab);
  if (page > 1) params.set(EARLY_CHILDHOOD_PAGE_PARAM, String(page));
  const query = params.toString();
  return `/espace${query ? `?${query}` : ""}#petite-enfance`;
};

/**
 * PETITE ENFANCE (SPEC §7, the guide's block): tabs « Inscriptions » (requests in progress and
 * contracts in force) and « Historique réservations » (refused, cancelled, closed, ended), table
 * Enfant / Inscription / Planning, « Afficher [n] éléments / page » and the count. The tabs are
 * links (the page reads the tab from the address), the current one marked aria-current.
 */
export function EarlyChildhoodBlock({ data }: { data: EarlyChildhoodBlockData }) {
  const from = (data.page - 1) * data.pageSize + 1;
  const to = from + data.rows.length - 1;
  const returnTo = data.tab === "inscriptions" ? "/espace" : `/espace?${EARLY_CHILDHOOD_TAB_PARAM}=${data.tab}`;
  return (
    <div id="petite-enfance" className="scroll-mt-4">
      <Panel
        title="Petite enfance"
        actions={
          <Link
            href="/espace/petite-enfance/nouvelle"
            className="rounded bg-white px-3 py-1 text-sm font-bold text-brand hover:bg-blue-50"
          >
            Nouvelle demande d&apos;inscription
          </Link>
        }
      >
        <div className="space-y-3">
          {data.awaitingConfirmation.length > 0 ? (
            <div className="rounded border-2 border-accent bg-amber-50 p-3" role="note">
              {data.awaitingConfirmation.map((request) => (
                <p key={request.id}>
                  Une demande de place en crèche attend votre confirmation avant le {request.deadline} :{" "}
                  <Link href={`/espace/petite-enfance/${request.id}`} className="font-semibold text-brand underline">
                    Je confirme ma demande
                  </Link>
                </p>
              ))}
            </div>
          ) : null}
          <nav aria-label="Petite enfance">
            <ul className="flex flex-wrap gap-1 border-b border-gray-300">
              {TABS.map(({ tab, label }) => {
                const current = tab === data.tab;
                return (
                  <li key={tab}>
                    <Link
                      href={tabHref(tab)}
                      aria-current={current ? "page" : undefined}
                      className={`-mb-px inline-block rounded-t border px-3 py-1.5 font-semibold ${
                        current ? "border-gray-300 border-b-white bg-white text-brand" : "border-transparent text-brand underline"
                      }`}
                    >
                      {label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          {data.total === 0 ? (
            <p className="py-1 text-muted">Aucun élément</p>
          ) : (
            <CardTable
              caption={data.tab === "inscriptions" ? "Inscriptions en crèche en cours" : "Historique des inscriptions en crèche"}
              look="ruled"
              columns={["Enfant", "Inscription", "Planning"]}
            >
              {data.rows.map((row) => (
                <CardRow key={row.key}>
                  <CardCell label="Enfant">
                    {row.requestId ? (
                      <Link href={`/espace/petite-enfance/${row.requestId}`} className="text-brand underline">
                        {row.child}
                      </Link>
                    ) : (
                      row.child
                    )}
                  </CardCell>
                  <CardCell label="Inscription">
                    {row.inscription.map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </CardCell>
                  <CardCell label="Planning">{row.planning}</CardCell>
                </CardRow>
              ))}
            </CardTable>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <PageSizeChoice pageSize={data.pageSize} total={data.total} from={from} to={to} returnTo={returnTo} />
            {data.pages > 1 ? (
              <p className="flex gap-3">
                <PageLinks
                  page={data.page}
                  pageCount={data.pages}
                  href={(page) => tabHref(data.tab, page)}
                  linkClassName="text-brand underline"
                />
              </p>
            ) : null}
          </div>
        </div>
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { Pagination, queryString } from "@/components/admin/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { dateToDay, formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AGE_GROUP_LABELS, AGE_GROUPS } from "@/lib/early-childhood/age-group";
import { listCrecheOptions } from "@/lib/early-childhood/creches";
import { listRequestQueue } from "@/lib/early-childhood/staff-requests";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "@/lib/early-childhood/status-labels";
import { parseChoice, parseId, parsePage, parseText, type TSearchParams } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Demandes d'inscription en crèche" };

type Props = { searchParams: Promise<TSearchParams> };

const STATES = [
  "SUBMITTED",
  "UNDER_REVIEW",
  "WAITING_LIST",
  "PLACE_OFFERED",
  "ACCEPTED",
  "REFUSED",
  "CANCELLED",
  "CLOSED",
] as const;

export default async function EarlyChildhoodQueuePage({ searchParams }: Props) {
  const viewer = await staffPage();
  const db = getDb();
  const query = await searchParams;
  const creches = await listCrecheOptions(db, viewer);
  const monthText = parseText(query.mois, 7);
  const filter = {
    crecheId: creches.find((creche) => creche.id === parseId(query.creche))?.id ?? null,
    ageGroup: parseChoice(query.groupe, AGE_GROUPS),
    status: parseChoice(query.etat, STATES),
    month: monthText && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthText) ? monthText : null,
  };
  const list = await listRequestQueue(db, viewer, { ...filter, page: parsePage(query.page) });
  const urlFilter = { creche: filter.crecheId, groupe: filter.ageGroup, etat: filter.status, mois: filter.month };
  const pageHref = (page: number) => `/admin/petite-enfance/demandes${queryString({ ...urlFilter, page })}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Demandes d'inscription en crèche" back={{ href: "/admin/petite-enfance", label: "Petite enfance" }} />
      <p>
        {STATES.filter((state) => list.statusCounts[state])
          .map((state) => `${EARLY_CHILDHOOD_STATUS_LABELS[state]} : ${list.statusCounts[state]}`)
          .join(" · ") || "Aucune demande envoyée."}
      </p>
      <Panel title="Demandes">
        <FilterForm action="/admin/petite-enfance/demandes" className="mb-4">
          <SelectField
            id="filter-creche"
            name="creche"
            label="Crèche (parmi les choix)"
            placeholder="Toutes les crèches"
            defaultValue={filter.crecheId ?? ""}
            options={creches.map((creche) => ({ value: creche.id, label: creche.name }))}
          />
          <SelectField
            id="filter-groupe"
            name="groupe"
            label="Groupe d'âge à l'entrée souhaitée"
            placeholder="Tous les groupes"
            defaultValue={filter.ageGroup ?? ""}
            options={AGE_GROUPS.map((group) => ({ value: group, label: AGE_GROUP_LABELS[group] }))}
          />
          <SelectField
            id="filter-etat"
            name="etat"
            label="État"
            placeholder="Tous les états"
            defaultValue={filter.status ?? ""}
            options={STATES.map((state) => ({ value: state, label: EARLY_CHILDHOOD_STATUS_LABELS[state] }))}
          />
          <TextField id="filter-mois" name="mois" type="month" label="Mois d'entrée souhaité" defaultValue={filter.month ?? ""} />
        </FilterForm>
        <p role="status" className="mb-2 font-semibold">
          {list.total} demande{list.total > 1 ? "s" : ""}
        </p>
        {list.rows.length === 0 ? (
          <p className="text-muted">Aucune demande ne correspond à ces critères.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <DataTable
              className="w-full min-w-[56rem] text-left text-sm"
              caption="Demandes envoyées, de la plus ancienne à la plus récente"
              look="ruled"
              columns={["Envoyée le", "Enfant", "Famille", "Groupe à l'entrée", "Entrée souhaitée", "Crèches demandées", "État"]}
            >
              {list.rows.map((row) => (
                <tr key={row.id} className="border-b border-gray-200 align-top">
                  <td className="py-2 pr-3">{row.submittedAt ? formatDateTime(row.submittedAt) : ""}</td>
                  <td className="py-2 pr-3 font-semibold">
                    <Link href={`/admin/petite-enfance/demandes/${row.id}`} className="text-brand underline hover:no-underline">
                      {row.childLabel}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{row.family.name}</td>
                  <td className="py-2 pr-3">{AGE_GROUP_LABELS[row.ageGroup]}</td>
                  <td className="py-2 pr-3">{formatDay(dateToDay(row.wishedStartDate))}</td>
                  <td className="py-2 pr-3">
                    <ol className="list-decimal pl-4">
                      {row.choices.map((choice) => (
                        <li key={choice.creche.id}>
                          {choice.creche.name}
                          {choice.waitingPosition ? ` (liste d'attente n° ${choice.waitingPosition})` : ""}
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td className="py-2">{EARLY_CHILDHOOD_STATUS_LABELS[row.status]}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} />
      </Panel>
    </div>
  );
}

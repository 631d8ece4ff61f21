import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { dateToDay, formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AGE_GROUP_LABELS } from "@/lib/early-childhood/age-group";
import { listCrecheOptions } from "@/lib/early-childhood/creches";
import { listWaitingList } from "@/lib/early-childhood/staff-requests";
import { parseId, type TSearchParams } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Listes d'attente des crèches" };

type Props = { searchParams: Promise<TSearchParams> };

export default async function WaitingListsPage({ searchParams }: Props) {
  const viewer = await staffPage();
  const db = getDb();
  const query = await searchParams;
  const creches = await listCrecheOptions(db, viewer);
  const creche = creches.find((entry) => entry.id === parseId(query.creche)) ?? creches[0] ?? null;
  const list = creche ? await listWaitingList(db, viewer, creche.id) : [];
  return (
    <div className="space-y-6">
      <PageHeader title="Listes d'attente des crèches" back={{ href: "/admin/petite-enfance", label: "Petite enfance" }} />
      <Panel title={creche ? `Liste d'attente – ${creche.name}` : "Liste d'attente"}>
        <FilterForm action="/admin/petite-enfance/listes-attente" submitLabel="Afficher" className="mb-4">
          <SelectField
            id="filter-creche"
            name="creche"
            label="Crèche"
            defaultValue={creche?.id ?? ""}
            options={creches.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        </FilterForm>
        {list.length === 0 ? (
          <p className="text-muted">Aucune demande en liste d&apos;attente{creche ? " pour cette crèche" : ""}.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <DataTable
              className="w-full min-w-[48rem] text-left text-sm"
              caption={`Liste d'attente de ${creche?.name}, dans l'ordre`}
              look="ruled"
              columns={["Position", "Enfant", "Famille", "Groupe à l'entrée", "Entrée souhaitée", "Choix n°", "Demande du"]}
            >
              {list.map((entry) => (
                <tr key={entry.id} className="border-b border-gray-200">
                  <td className="py-2 pr-3 font-semibold">{entry.position}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/petite-enfance/demandes/${entry.id}`} className="text-brand underline hover:no-underline">
                      {entry.unborn
                        ? `Enfant à naître${entry.unbornFirstName ? ` (${entry.unbornFirstName})` : ""}`
                        : entry.childLabel}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{entry.family.name}</td>
                  <td className="py-2 pr-3">{AGE_GROUP_LABELS[entry.ageGroup]}</td>
                  <td className="py-2 pr-3">{formatDay(dateToDay(entry.wishedStartDate))}</td>
                  <td className="py-2 pr-3">{entry.rank}</td>
                  <td className="py-2">{entry.submittedAt ? formatDateTime(entry.submittedAt) : ""}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { listDocumentTypes, listReviewQueue } from "@/lib/documents/review-documents";
import { parseChoice, type TSearchParams } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Documents à valider" };

type Props = { searchParams: Promise<TSearchParams> };

const DECISIONS = {
  accepte: "Le document a été accepté.",
  refuse: "Le document a été refusé ; le motif a été envoyé par e-mail à la famille.",
};

export default async function DocumentQueuePage({ searchParams }: Props) {
  const viewer = await staffPage();
  const db = getDb();
  const query = await searchParams;
  const decision = parseChoice(query.decision, ["accepte", "refuse"] as const);
  const types = await listDocumentTypes(db);
  const typeId = types.find((type) => type.id === query.type)?.id;
  const queue = await listReviewQueue(db, viewer, { typeId });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Pièces justificatives à valider</h1>
      <p>
        <Link href="/admin/documents/types" className="underline">
          Types de documents demandés aux familles
        </Link>
      </p>
      {decision ? (
        <p role="status" className="rounded bg-green-50 px-4 py-3 font-semibold text-green-900">
          {DECISIONS[decision]}
        </p>
      ) : null}
      <Panel title="File d'attente">
        <FilterForm action="/admin/documents" className="mb-4">
          <SelectField
            id="filter-type"
            label="Type de document"
            name="type"
            defaultValue={typeId}
            placeholder="Tous les types"
            options={types.map((type) => ({
              value: type.id,
              label: `${type.label} (${type.scope === "CHILD" ? "enfant" : "famille"}${type.active ? "" : ", retiré"})`,
            }))}
          />
        </FilterForm>
        {queue.length === 0 ? (
          <p className="text-muted">Aucun document en attente de validation{typeId ? " pour ce type" : ""}.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <DataTable
              className="w-full text-left text-sm"
              caption="Documents transmis en attente de validation, du plus ancien au plus récent"
              look="ruled"
              columns={["Transmis le", "Famille", "Dossier", "Type", "Examiner"]}
            >
              {queue.map((row) => (
                <tr key={row.id} className="border-b border-gray-200">
                  <td className="py-2 pr-3">{formatDateTime(row.uploadedAt)}</td>
                  <td className="py-2 pr-3 font-semibold">{row.familyName}</td>
                  <td className="py-2 pr-3">{row.folder}</td>
                  <td className="py-2 pr-3">
                    {row.typeLabel}
                    <span className="block text-muted">« {row.name} »</span>
                  </td>
                  <td className="py-2">
                    <Link href={`/admin/documents/${row.id}`} className="text-brand underline hover:no-underline">
                      Voir
                      <span className="sr-only">
                        {" "}
                        le document « {row.name} » ({row.typeLabel}) de {row.folder}, famille {row.familyName}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}

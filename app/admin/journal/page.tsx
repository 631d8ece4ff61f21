import type { Metadata } from "next";
import Link from "next/link";

import { Pagination, queryString } from "@/components/admin/pagination";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit/action-labels";
import { listAuditEntries } from "@/lib/audit/journal";
import { ZJournalFilterSchema } from "@/lib/audit/journal.schema";
import { adminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Journal" };

const ROLE_LABELS = { PARENT: "parent", AGENT: "agent", ADMIN: "administrateur" } as const;

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await adminPage();
  const db = getDb();
  const filter = ZJournalFilterSchema.parse(
    Object.fromEntries(Object.entries(searchParamsText(await searchParams)).filter(([, value]) => value)),
  );
  const result = await listAuditEntries(db, viewer, filter);
  const actions = Object.entries(AUDIT_ACTION_LABELS)
    .sort(([, a], [, b]) => a.localeCompare(b, "fr"))
    .map(([value, label]) => ({ value, label }));
  const pageHref = (page: number) => `/admin/journal${queryString({ ...filter, page })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Journal des actions</h1>
      <p className="text-muted">
        Actions du personnel et consultations de données de santé. Lecture seule ; conservation 12 mois.
      </p>
      <FilterForm action="/admin/journal">
        <TextField id="journal-actor" label="Auteur (e-mail)" name="actor" defaultValue={filter.actor} />
        <SelectField
          id="journal-action"
          label="Action"
          name="action"
          defaultValue={filter.action}
          placeholder="Toutes"
          options={actions}
        />
        <TextField id="journal-family" label="Famille (nom)" name="family" defaultValue={filter.family} />
        <TextField id="journal-from" label="Du" name="from" type="date" defaultValue={filter.from} />
        <TextField id="journal-to" label="Au" name="to" type="date" defaultValue={filter.to} />
      </FilterForm>
      <p aria-live="polite">{result.total} entrée(s)</p>
      {result.entries.length === 0 ? (
        <p className="text-muted">Aucune entrée.</p>
      ) : (
        <DataTable
          className="w-full bg-white text-left text-sm shadow"
          look="boxed"
          columns={["Date", "Auteur", "Action", "Famille", "Détails"]}
        >
          {result.entries.map((entry) => (
            <tr key={entry.id} className="border-t border-gray-200 align-top">
              <td className="p-2">{formatDateTime(entry.at)}</td>
              <td className="p-2">
                {entry.actor?.email ?? "—"} {entry.actorRole ? `(${ROLE_LABELS[entry.actorRole]})` : ""}
              </td>
              <td className="p-2">{auditActionLabel(entry.action)}</td>
              <td className="p-2">
                {entry.familyId && entry.familyName ? (
                  <Link href={`/admin/familles/${entry.familyId}`} className="underline">
                    {entry.familyName}
                  </Link>
                ) : entry.familyId ? (
                  "Famille supprimée"
                ) : (
                  "—"
                )}
              </td>
              <td className="p-2 break-words">
                {entry.details.length ? (
                  <ul>
                    {entry.details.map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} />
    </div>
  );
}

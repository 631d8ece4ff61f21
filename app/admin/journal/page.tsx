import type { Metadata } from "next";
import Link from "next/link";

import { Pagination, queryString } from "@/components/admin/pagination";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit/action-labels";
import { listAuditEntries } from "@/lib/audit/journal";
import { ZJournalFilterSchema } from "@/lib/audit/journal.schema";
import { adminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Journal" };

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await adminPage();
  const db = getDb();
  const filter = ZJournalFilterSchema.parse(
    Object.fromEntries(Object.entries(searchParamsText(await searchParams)).filter(([, value]) => value)),
  );
  const result = await listAuditEntries(db, viewer, filter);
  const field = (id: string, label: string, name: keyof typeof filter, type = "text") => (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={(filter[name] as string | undefined) ?? ""}
        className="mt-1 rounded border border-gray-500 px-3 py-2"
      />
    </div>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Journal des actions</h1>
      <p className="text-muted">
        Actions du personnel et consultations de données de santé. Lecture seule ; conservation 12 mois.
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" action="/admin/journal">
        {field("journal-actor", "Auteur (e-mail)", "actor")}
        <div>
          <label htmlFor="journal-action" className="block font-semibold">
            Action
          </label>
          <select
            id="journal-action"
            name="action"
            defaultValue={filter.action ?? ""}
            className="mt-1 rounded border border-gray-500 px-3 py-2"
          >
            <option value="">Toutes</option>
            {Object.entries(AUDIT_ACTION_LABELS)
              .sort(([, a], [, b]) => a.localeCompare(b, "fr"))
              .map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
          </select>
        </div>
        {field("journal-family", "Famille (identifiant)", "familyId")}
        {field("journal-from", "Du", "from", "date")}
        {field("journal-to", "Au", "to", "date")}
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Filtrer
        </button>
      </form>
      <p aria-live="polite">{result.total} entrée(s)</p>
      {result.entries.length === 0 ? (
        <p className="text-muted">Aucune entrée.</p>
      ) : (
        <table className="w-full bg-white text-left text-sm shadow">
          <thead>
            <tr>
              <th scope="col" className="p-2">
                Date
              </th>
              <th scope="col" className="p-2">
                Auteur
              </th>
              <th scope="col" className="p-2">
                Action
              </th>
              <th scope="col" className="p-2">
                Famille
              </th>
              <th scope="col" className="p-2">
                Détails
              </th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((entry) => (
              <tr key={entry.id} className="border-t border-gray-200 align-top">
                <td className="p-2">{formatDateTime(entry.at)}</td>
                <td className="p-2">
                  {entry.actor?.email ?? "—"} {entry.actorRole ? `(${entry.actorRole.toLowerCase()})` : ""}
                </td>
                <td className="p-2">
                  {auditActionLabel(entry.action)}
                  <span className="block text-xs text-muted">{entry.action}</span>
                </td>
                <td className="p-2">
                  {entry.familyId ? (
                    <Link href={`/admin/familles/${entry.familyId}`} className="underline">
                      voir la famille
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="p-2 break-words">
                  {entry.targetType ? <span className="text-muted">{entry.targetType}</span> : null}
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
          </tbody>
        </table>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => `/admin/journal${queryString({ ...filter, page })}`}
      />
    </div>
  );
}

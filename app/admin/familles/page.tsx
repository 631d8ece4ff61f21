import type { Metadata } from "next";
import Link from "next/link";

import { Pagination, queryString } from "@/components/admin/pagination";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { TextField } from "@/components/ui/form/text-field";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { getDb } from "@/lib/db/client";
import { searchFamilies } from "@/lib/families/families";
import { ZFamilySearchSchema } from "@/lib/families/family.schema";
import { searchParamsText } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Familles" };

export default async function FamiliesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await staffPage();
  const db = getDb();
  const params = await searchParams;
  const parsed = ZFamilySearchSchema.safeParse(searchParamsText(params));
  const search = parsed.success ? parsed.data : ZFamilySearchSchema.parse({});
  const result = await searchFamilies(db, viewer, search);
  const sortLink = (field: "name" | "createdAt", label: string) => {
    const active = search.sort.replace("-", "") === field;
    const next = active && !search.sort.startsWith("-") ? `-${field}` : field;
    return (
      <Link href={`/admin/familles${queryString({ q: search.q, sort: next })}`} className="underline">
        {label}
        {active ? (search.sort.startsWith("-") ? " ↓" : " ↑") : ""}
      </Link>
    );
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand">Familles</h1>
        <Link href="/admin/familles/nouvelle" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Créer une famille
        </Link>
      </div>
      <FilterForm action="/admin/familles" role="search" submitLabel="Rechercher">
        <TextField
          id="family-search"
          label="Rechercher (nom, e-mail, enfant, n° allocataire)"
          name="q"
          defaultValue={search.q}
          className="w-80"
        />
        <input type="hidden" name="sort" value={search.sort} />
      </FilterForm>
      <p aria-live="polite">{result.total} famille(s)</p>
      {result.rows.length === 0 ? (
        <p className="text-muted">Aucune famille ne correspond à cette recherche.</p>
      ) : (
        <DataTable
          className="w-full border-collapse bg-white text-left shadow"
          headClassName="bg-gray-100"
          look="boxed"
          columns={[
            { key: "name", label: sortLink("name", "Famille") },
            "Compte",
            "Enfants",
            "N° allocataire",
            "QF",
            { key: "createdAt", label: sortLink("createdAt", "Créée le") },
          ]}
        >
          {result.rows.map((family) => (
            <tr key={family.id} className="border-t border-gray-200">
              <td className="p-2">
                <Link href={`/admin/familles/${family.id}`} className="font-semibold underline">
                  {family.name}
                </Link>
              </td>
              <td className="p-2">
                {family.users.map((user) => (
                  <span key={user.email} className="block">
                    {user.email} {!user.active ? "(désactivé)" : !user.activatedAt ? "(non activé)" : ""}
                  </span>
                ))}
              </td>
              <td className="p-2">{family.children.map(childName).join(", ")}</td>
              <td className="p-2">{family.allowanceNumber ?? ""}</td>
              <td className="p-2">{family.quotientFamilial ?? ""}</td>
              <td className="p-2">{family.createdAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => `/admin/familles${queryString({ q: search.q, sort: search.sort, page })}`}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { ActionForm } from "@/components/admin/action-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { SCHOOL_LEVEL_SHORT_LABELS } from "@/lib/children/child-labels";
import { getDb } from "@/lib/db/client";
import { SCHOOL_KIND_LABELS } from "@/lib/schools/school-levels";
import { listSchoolsForStaff } from "@/lib/schools/schools";

import { deleteSchoolAction } from "./actions";

export const metadata: Metadata = { title: "Écoles" };

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";

// Agents and admins, like the rest of the catalogue: the schools, their levels (the child
// sheet's choices) and what uses them.
export default async function SchoolsPage() {
  const viewer = await staffPage();
  const schools = await listSchoolsForStaff(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Écoles" back={{ href: "/admin/catalogue", label: "Catalogue" }} />
      <p className="max-w-3xl">
        La fiche enfant propose ces écoles et, pour chacune, ses niveaux. Une école qui a des élèves, des établissements ou des
        périodes ne se supprime pas : elle peut être renommée.
      </p>
      <Panel
        title="Écoles"
        actions={
          <Link href="/admin/catalogue/ecoles/nouvelle" className={createLink}>
            Créer une école
          </Link>
        }
      >
        {schools.length === 0 ? (
          <p className="text-muted">Aucune école.</p>
        ) : (
          <div role="region" aria-label="Tableau des écoles" tabIndex={0} className="overflow-x-auto">
            <DataTable
              className="w-full min-w-[48rem] text-left"
              look="boxed"
              headClassName="bg-gray-100"
              caption="Écoles, par nom"
              columns={["Nom", "Type", "Adresse", "Niveaux", "Enfants", "Établissements", "Actions"]}
            >
              {schools.map((school) => {
                const used = school._count.children + school._count.establishments + school._count.eligibleFor > 0;
                return (
                  <tr key={school.id} className="border-t border-gray-200 align-top">
                    <td className="p-2">{school.name}</td>
                    <td className="p-2">{SCHOOL_KIND_LABELS[school.kind]}</td>
                    <td className="p-2">{school.address ?? "—"}</td>
                    <td className="p-2">{school.levels.map((level) => SCHOOL_LEVEL_SHORT_LABELS[level]).join(", ")}</td>
                    <td className="p-2">{school._count.children}</td>
                    <td className="p-2">{school._count.establishments}</td>
                    <td className="space-y-2 p-2">
                      <Link
                        href={`/admin/catalogue/ecoles/${school.id}`}
                        className="underline"
                        aria-label={`Modifier l'école ${school.name}`}
                      >
                        Modifier
                      </Link>
                      {used ? null : (
                        <ActionForm
                          action={deleteSchoolAction}
                          submitLabel="Supprimer"
                          variant="danger"
                          confirmMessage={`Supprimer l'école « ${school.name} » ?`}
                          hiddenFields={{ id: school.id }}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";

import { EditDeleteCell, StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { SCHOOL_LEVEL_SHORT_LABELS } from "@/lib/children/child-labels";
import { getDb } from "@/lib/db/client";
import { SCHOOL_KIND_LABELS } from "@/lib/schools/school-levels";
import { listSchoolsForStaff } from "@/lib/schools/schools";

import { deleteSchoolAction } from "./actions";

export const metadata: Metadata = { title: "Écoles" };

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
      <StaffListPanel
        title="Écoles"
        create={{ href: "/admin/catalogue/ecoles/nouvelle", label: "Créer une école" }}
        isEmpty={schools.length === 0}
        empty="Aucune école."
      >
        <StaffTable
          label="Tableau des écoles"
          className="w-full min-w-[48rem] text-left"
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
                <EditDeleteCell
                  editHref={`/admin/catalogue/ecoles/${school.id}`}
                  editLabel={`Modifier l'école ${school.name}`}
                  remove={
                    used
                      ? undefined
                      : { action: deleteSchoolAction, id: school.id, confirmMessage: `Supprimer l'école « ${school.name} » ?` }
                  }
                />
              </tr>
            );
          })}
        </StaffTable>
      </StaffListPanel>
    </div>
  );
}

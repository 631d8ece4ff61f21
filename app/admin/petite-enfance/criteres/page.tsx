import type { Metadata } from "next";

import { EditDeleteCell, StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { adminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listCriteria } from "@/lib/early-childhood/criteria";

export const metadata: Metadata = { title: "Critères d'admission" };

// Administrators only, as the other settings: the criteria decide who gets a place.
export default async function CriteriaPage() {
  const viewer = await adminPage();
  const criteria = await listCriteria(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Critères d'admission" back={{ href: "/admin/petite-enfance", label: "Petite enfance" }} />
      <p className="max-w-3xl">
        Les critères publiés par la commune classent les candidats de la commission : chaque critère rempli apporte ses points ; à
        égalité, la demande envoyée la première passe devant.
      </p>
      <StaffListPanel title="Critères d'admission" isEmpty={criteria.length === 0} empty="Aucun critère.">
        <StaffTable
          label="Tableau des critères d'admission"
          className="w-full min-w-[48rem] text-left"
          caption="Critères d'admission, dans l'ordre d'affichage"
          columns={["Libellé", "Règle appliquée", "Points", "État", "Actions"]}
        >
          {criteria.map((criterion) => (
            <tr key={criterion.id} className="border-t border-gray-200 align-top">
              <td className="p-2">{criterion.label}</td>
              <td className="p-2 text-sm">{criterion.rule}</td>
              <td className="p-2">{criterion.points}</td>
              <td className="p-2">{criterion.active ? "Appliqué" : "Non appliqué"}</td>
              <EditDeleteCell
                editHref={`/admin/petite-enfance/criteres/${criterion.id}`}
                editLabel={`Modifier le critère ${criterion.label}`}
              />
            </tr>
          ))}
        </StaffTable>
      </StaffListPanel>
    </div>
  );
}

import type { Metadata } from "next";

import { EditDeleteCell, StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { adminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listCreches } from "@/lib/early-childhood/creches";

export const metadata: Metadata = { title: "Crèches" };

// Administrators only (adminPage: an agent reads the French 403), as the régies.
export default async function CrechesPage() {
  const viewer = await adminPage();
  const creches = await listCreches(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Crèches" back={{ href: "/admin/petite-enfance", label: "Petite enfance" }} />
      <p className="max-w-3xl">
        Les places de chaque crèche par groupe d&apos;âge servent au décompte des places libres de la commission. Une crèche qui a
        des demandes ou des contrats ne se supprime pas : décochez « Crèche active » pour la retirer.
      </p>
      <StaffListPanel
        title="Crèches"
        create={{ href: "/admin/petite-enfance/creches/nouvelle", label: "Créer une crèche" }}
        isEmpty={creches.length === 0}
        empty="Aucune crèche."
      >
        <StaffTable
          label="Tableau des crèches"
          className="w-full min-w-[48rem] text-left"
          caption="Crèches, dans l'ordre d'affichage"
          columns={["Nom", "Code", "Horaires", "Régie", "Bébés", "Moyens", "Grands", "Contrats en cours", "État", "Actions"]}
        >
          {creches.map((creche) => (
            <tr key={creche.id} className="border-t border-gray-200 align-top">
              <td className="p-2">
                {creche.name}
                {creche.address ? <span className="block text-muted">{creche.address}</span> : null}
              </td>
              <td className="p-2">{creche.code}</td>
              <td className="p-2">
                {creche.opensAt}–{creche.closesAt}
              </td>
              <td className="p-2">{creche.regie?.name ?? "Aucune"}</td>
              <td className="p-2">{creche.places.BEBES}</td>
              <td className="p-2">{creche.places.MOYENS}</td>
              <td className="p-2">{creche.places.GRANDS}</td>
              <td className="p-2">{creche._count.contracts}</td>
              <td className="p-2">{creche.active ? "Active" : "Retirée"}</td>
              <EditDeleteCell
                editHref={`/admin/petite-enfance/creches/${creche.id}`}
                editLabel={`Modifier la crèche ${creche.name}`}
              />
            </tr>
          ))}
        </StaffTable>
      </StaffListPanel>
    </div>
  );
}

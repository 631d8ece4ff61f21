import type { Metadata } from "next";

import { EditDeleteCell, StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { adminPage } from "@/lib/auth/session";
import { listRegies } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";

import { deleteRegieAction } from "./actions";

export const metadata: Metadata = { title: "Régies" };

// Administrators only (adminPage: an agent reads the French 403): a régie decides where the
// town's money goes (its PayFiP client number) and what its invoices say.
export default async function RegiesPage() {
  const viewer = await adminPage();
  const regies = await listRegies(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Régies" back={{ href: "/admin/catalogue", label: "Catalogue" }} />
      <p className="max-w-3xl">
        Une régie encaisse les factures des activités qu&apos;elle facture : son code figure dans les numéros de facture, son
        numéro client PayFiP permet le paiement en ligne. Une régie qui a déjà facturé ne se supprime pas : décochez « Régie
        active » pour la retirer.
      </p>
      <StaffListPanel
        title="Régies"
        create={{ href: "/admin/catalogue/regies/nouvelle", label: "Créer une régie" }}
        isEmpty={regies.length === 0}
        empty="Aucune régie."
      >
        <StaffTable
          label="Tableau des régies"
          className="w-full min-w-[48rem] text-left"
          caption="Régies, par nom"
          columns={["Nom", "Code", "Paiement en ligne", "Délai", "Activités facturées", "Factures", "État", "Actions"]}
        >
          {regies.map((regie) => (
            <tr key={regie.id} className="border-t border-gray-200 align-top">
              <td className="p-2">{regie.name}</td>
              <td className="p-2">{regie.code}</td>
              <td className="p-2">{regie.payableOnline ? `Oui (numcli ${regie.payfipClientNumber})` : "Non"}</td>
              <td className="p-2">{regie.paymentDeadlineDays} jours</td>
              <td className="p-2">{regie.activities.map((activity) => activity.name).join(", ") || "Aucune"}</td>
              <td className="p-2">{regie._count.invoices}</td>
              <td className="p-2">{regie.active ? "Active" : "Retirée"}</td>
              <EditDeleteCell
                editHref={`/admin/catalogue/regies/${regie.id}`}
                editLabel={`Modifier la régie ${regie.name}`}
                remove={
                  regie._count.invoices === 0
                    ? {
                        action: deleteRegieAction,
                        id: regie.id,
                        confirmMessage: `Supprimer la régie « ${regie.name} » ? Ses activités ne seront plus facturées par aucune régie.`,
                      }
                    : undefined
                }
              />
            </tr>
          ))}
        </StaffTable>
      </StaffListPanel>
    </div>
  );
}

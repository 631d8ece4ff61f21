import type { Metadata } from "next";
import Link from "next/link";

import { ActionForm } from "@/components/admin/action-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { listRegies } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";

import { deleteRegieAction } from "./actions";

export const metadata: Metadata = { title: "Régies" };

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";

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
      <Panel
        title="Régies"
        actions={
          <Link href="/admin/catalogue/regies/nouvelle" className={createLink}>
            Créer une régie
          </Link>
        }
      >
        {regies.length === 0 ? (
          <p className="text-muted">Aucune régie.</p>
        ) : (
          <div role="region" aria-label="Tableau des régies" tabIndex={0} className="overflow-x-auto">
            <DataTable
              className="w-full min-w-[48rem] text-left"
              look="boxed"
              headClassName="bg-gray-100"
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
                  <td className="space-y-2 p-2">
                    <Link
                      href={`/admin/catalogue/regies/${regie.id}`}
                      className="underline"
                      aria-label={`Modifier la régie ${regie.name}`}
                    >
                      Modifier
                    </Link>
                    {regie._count.invoices === 0 ? (
                      <ActionForm
                        action={deleteRegieAction}
                        submitLabel="Supprimer"
                        variant="danger"
                        confirmMessage={`Supprimer la régie « ${regie.name} » ? Ses activités ne seront plus facturées par aucune régie.`}
                        hiddenFields={{ id: regie.id }}
                      />
                    ) : null}
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

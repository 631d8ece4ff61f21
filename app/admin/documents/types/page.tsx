import type { Metadata } from "next";
import Link from "next/link";

import { ActionForm } from "@/components/admin/action-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDocumentTypesForStaff } from "@/lib/documents/document-types";

import { deleteDocumentTypeAction } from "./actions";

export const metadata: Metadata = { title: "Types de documents" };

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";

// Agents and admins: the types of supporting documents families are asked for (SPEC §5).
export default async function DocumentTypesPage() {
  const viewer = await staffPage();
  const types = await listDocumentTypesForStaff(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Types de documents" back={{ href: "/admin/documents", label: "Documents à valider" }} />
      <p className="max-w-3xl">
        Les familles choisissent l&apos;un de ces types en envoyant un justificatif. Un type obligatoire fait partie du dossier
        (de chaque enfant ou de la famille), pour tous ou seulement pour les services cochés. Un type déjà utilisé ne se supprime
        pas : retirez-le (« Type proposé aux familles » décoché), ses documents restent consultables.
      </p>
      <Panel
        title="Types de documents"
        actions={
          <Link href="/admin/documents/types/nouveau" className={createLink}>
            Créer un type de document
          </Link>
        }
      >
        {types.length === 0 ? (
          <p className="text-muted">Aucun type de document.</p>
        ) : (
          <div role="region" aria-label="Tableau des types de documents" tabIndex={0} className="overflow-x-auto">
            <DataTable
              className="w-full min-w-[48rem] text-left"
              look="boxed"
              headClassName="bg-gray-100"
              caption="Types de documents, proposés puis retirés"
              columns={["Nom", "Concerne", "Obligatoire", "Aide aux familles", "Documents", "État", "Actions"]}
            >
              {types.map((type) => (
                <tr key={type.id} className="border-t border-gray-200 align-top">
                  <td className="p-2">{type.label}</td>
                  <td className="p-2">{type.scope === "CHILD" ? "Un enfant" : "La famille"}</td>
                  <td className="p-2">
                    {type.mandatory
                      ? type.activities.length
                        ? `Pour ${type.activities.map((activity) => activity.name).join(", ")}`
                        : "Pour tous"
                      : "Non"}
                  </td>
                  <td className="p-2">{type.helpText ?? "—"}</td>
                  <td className="p-2">{type.documentCount}</td>
                  <td className="p-2">{type.active ? "Proposé" : "Retiré"}</td>
                  <td className="space-y-2 p-2">
                    <Link
                      href={`/admin/documents/types/${type.id}`}
                      className="underline"
                      aria-label={`Modifier le type de document ${type.label}`}
                    >
                      Modifier
                    </Link>
                    {type.documentCount === 0 ? (
                      <ActionForm
                        action={deleteDocumentTypeAction}
                        submitLabel="Supprimer"
                        variant="danger"
                        confirmMessage={`Supprimer le type de document « ${type.label} » ?`}
                        hiddenFields={{ id: type.id }}
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

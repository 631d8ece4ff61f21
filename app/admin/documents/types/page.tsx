import type { Metadata } from "next";

import { EditDeleteCell, StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDocumentTypesForStaff } from "@/lib/documents/document-types";

import { deleteDocumentTypeAction } from "./actions";

export const metadata: Metadata = { title: "Types de documents" };

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
      <StaffListPanel
        title="Types de documents"
        create={{ href: "/admin/documents/types/nouveau", label: "Créer un type de document" }}
        isEmpty={types.length === 0}
        empty="Aucun type de document."
      >
        <StaffTable
          label="Tableau des types de documents"
          className="w-full min-w-[48rem] text-left"
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
              <EditDeleteCell
                editHref={`/admin/documents/types/${type.id}`}
                editLabel={`Modifier le type de document ${type.label}`}
                remove={
                  type.documentCount === 0
                    ? {
                        action: deleteDocumentTypeAction,
                        id: type.id,
                        confirmMessage: `Supprimer le type de document « ${type.label} » ?`,
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

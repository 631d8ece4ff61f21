import { DataTable } from "@/components/ui/data-table";
import type { ActionResult } from "@/lib/auth/action";
import { formatDateTime } from "@/lib/dates/calendar-day";
import type { FamilyDocumentRow } from "@/lib/documents/family-documents";

import { DeleteDocumentButton } from "./delete-document-button";
import { DocumentStatus } from "./document-status";

type Props = {
  documents: FamilyDocumentRow[];
  /** Absent on the dashboard's summary: deleting happens on the documents page. */
  deleteAction?: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
  caption: string;
};

/** Mes documents: Dossier, type, date, état, Voir (and Supprimer while not accepted). */
export function MyDocuments({ documents, deleteAction, caption }: Props) {
  if (documents.length === 0) return <p className="text-muted">Aucun document transmis pour le moment.</p>;
  return (
    <div className="relative overflow-x-auto">
      <DataTable
        className="w-full min-w-[32rem] text-left text-sm"
        caption={caption}
        look="ruled"
        columns={["Dossier", "Document", "Transmis le", "État", "Voir", ...(deleteAction ? ["Action"] : [])]}
      >
        {documents.map((document) => {
          const description = `le document « ${document.typeLabel} » (${document.folder}) du ${formatDateTime(document.uploadedAt)}`;
          return (
            <tr key={document.id} className="border-b border-gray-200 align-top" data-testid={`document-${document.id}`}>
              <td className="py-2 pr-3 font-semibold">{document.folder}</td>
              <td className="py-2 pr-3">
                {document.typeLabel}
                <span className="block break-all text-xs text-muted">{document.originalName}</span>
              </td>
              <td className="py-2 pr-3">{formatDateTime(document.uploadedAt)}</td>
              <td className="py-2 pr-3">
                <DocumentStatus status={document.status} refusalReason={document.refusalReason} />
              </td>
              <td className="py-2 pr-3">
                <a
                  href={`/api/documents/${document.id}`}
                  target="_blank"
                  rel="noopener"
                  className="text-brand underline hover:no-underline"
                >
                  Voir<span className="sr-only"> {description} (nouvel onglet)</span>
                </a>
              </td>
              {deleteAction ? (
                <td className="py-2">
                  {document.status !== "ACCEPTED" ? (
                    <DeleteDocumentButton documentId={document.id} description={description} action={deleteAction} />
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}

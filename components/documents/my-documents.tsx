import { CardCell, cardLinkClassName, CardRow, CardTable } from "@/components/ui/card-table";
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

/** Mes documents: Dossier, type, date, état, Voir (and Supprimer while not accepted); one card per document on a phone. */
export function MyDocuments({ documents, deleteAction, caption }: Props) {
  if (documents.length === 0) return <p className="text-muted">Aucun document transmis pour le moment.</p>;
  return (
    <div className="relative sm:overflow-x-auto">
      <CardTable
        tableClassName="sm:min-w-[32rem]"
        caption={caption}
        look="ruled"
        columns={["Dossier", "Document", "Transmis le", "État", "Voir", ...(deleteAction ? ["Action"] : [])]}
      >
        {documents.map((document) => {
          const description = `le document « ${document.typeLabel} » (${document.folder}) nommé « ${document.name} », du ${formatDateTime(document.uploadedAt)}`;
          return (
            <CardRow key={document.id} testId={`document-${document.id}`}>
              <CardCell label="Dossier" className="font-semibold">
                {document.folder}
              </CardCell>
              <CardCell label="Document">
                <span className="font-semibold">{document.name}</span>
                <span className="block">{document.typeLabel}</span>
                <span className="block break-all text-xs text-muted">{document.originalName}</span>
              </CardCell>
              <CardCell label="Transmis le">{formatDateTime(document.uploadedAt)}</CardCell>
              <CardCell label="État" first>
                <DocumentStatus status={document.status} refusalReason={document.refusalReason} />
              </CardCell>
              <CardCell>
                <a
                  href={`/api/documents/${document.id}`}
                  target="_blank"
                  rel="noopener"
                  className={`text-brand underline hover:no-underline ${cardLinkClassName}`}
                >
                  Voir<span className="sr-only"> {description} (nouvel onglet)</span>
                </a>
              </CardCell>
              {deleteAction ? (
                <CardCell raised>
                  {document.status !== "ACCEPTED" ? (
                    <DeleteDocumentButton documentId={document.id} description={description} action={deleteAction} />
                  ) : null}
                </CardCell>
              ) : null}
            </CardRow>
          );
        })}
      </CardTable>
    </div>
  );
}

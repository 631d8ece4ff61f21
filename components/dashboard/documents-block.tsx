import Link from "next/link";

import { MyDocuments } from "@/components/documents/my-documents";
import { PageSizeChoice } from "@/components/ui/page-size-choice";
import { Panel } from "@/components/ui/panel";
import type { FamilyDocumentRow } from "@/lib/documents/family-documents";

/**
 * PIÈCES JUSTIFICATIVES À FOURNIR: Ajouter un document, and Mes documents (Dossier, Voir): the
 * family's `pageSize` latest documents (the session's « Afficher [n] éléments / page »); the page
 * loads them all, newest first (a family has a few dozen at most).
 */
export function DocumentsBlock({ documents, pageSize }: { documents: FamilyDocumentRow[]; pageSize: number }) {
  return (
    <Panel
      title="Pièces justificatives à fournir"
      actions={
        <Link href="/espace/documents" className="rounded bg-white px-3 py-1 text-sm font-bold text-brand hover:bg-blue-50">
          Ajouter un document
        </Link>
      }
    >
      <h3 className="mb-2 font-semibold">Mes documents</h3>
      <MyDocuments documents={documents.slice(0, pageSize)} caption="Mes documents (les plus récents)" />
      {documents.length > 0 ? (
        <div className="mt-2 text-sm">
          <PageSizeChoice
            pageSize={pageSize}
            total={documents.length}
            from={1}
            to={Math.min(pageSize, documents.length)}
            returnTo="/espace"
          />
        </div>
      ) : null}
      {documents.length > 0 ? (
        <p className="mt-3">
          <Link href="/espace/documents" className="text-brand underline hover:no-underline">
            {documents.length > pageSize ? "Voir tous mes documents" : "Gérer mes documents"}
          </Link>
        </p>
      ) : null}
    </Panel>
  );
}

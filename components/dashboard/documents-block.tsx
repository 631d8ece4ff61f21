import Link from "next/link";

import { MyDocuments } from "@/components/documents/my-documents";
import { Panel } from "@/components/ui/panel";
import type { FamilyDocumentRow } from "@/lib/documents/family-documents";

export const DOCUMENTS_SHOWN = 5;

/**
 * PIÈCES JUSTIFICATIVES À FOURNIR: Ajouter un document, and Mes documents (Dossier, Voir). The
 * page loads the family's DOCUMENTS_SHOWN + 1 latest documents (one more tells whether there are others).
 */
export function DocumentsBlock({ documents }: { documents: FamilyDocumentRow[] }) {
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
      <MyDocuments documents={documents.slice(0, DOCUMENTS_SHOWN)} caption="Mes documents (les plus récents)" />
      {documents.length > 0 ? (
        <p className="mt-3">
          <Link href="/espace/documents" className="text-brand underline hover:no-underline">
            {documents.length > DOCUMENTS_SHOWN ? "Voir tous mes documents" : "Gérer mes documents"}
          </Link>
        </p>
      ) : null}
    </Panel>
  );
}

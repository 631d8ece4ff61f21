import Link from "next/link";
import { MyDocuments } from "@/components/documents/my-documents";
import { Panel } from "@/components/ui/panel";
import type { ParentViewer } from "@/lib/auth/session";
import { listFamilyDocuments } from "@/lib/documents/family-documents";

const SHOWN = 5;

/** PIÈCES JUSTIFICATIVES À FOURNIR: Ajouter un document, and Mes documents (Dossier, Voir). */
export async function DocumentsBlock({ viewer }: { viewer: ParentViewer }) {
  const documents = await listFamilyDocuments(viewer, SHOWN + 1);
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
      <MyDocuments documents={documents.slice(0, SHOWN)} caption="Mes documents (les plus récents)" />
      {documents.length > 0 ? (
        <p className="mt-3">
          <Link href="/espace/documents" className="text-brand underline hover:no-underline">
            {documents.length > SHOWN ? "Voir tous mes documents" : "Gérer mes documents"}
          </Link>
        </p>
      ) : null}
    </Panel>
  );
}

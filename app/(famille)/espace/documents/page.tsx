import type { Metadata } from "next";
import Link from "next/link";
import { MyDocuments } from "@/components/documents/my-documents";
import { UploadDocumentForm } from "@/components/documents/upload-document-form";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getUploadChoices, listFamilyDocuments } from "@/lib/documents/family-documents";
import { deleteDocumentAction } from "./actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Pièces justificatives" };

type Props = { searchParams: Promise<{ concerne?: string; type?: string }> };

export default async function FamilyDocumentsPage({ searchParams }: Props) {
  const viewer = await parentPage();
  const db = getDb();
  const [choices, documents, query] = await Promise.all([getUploadChoices(db, viewer), listFamilyDocuments(db, viewer), searchParams]);
  // Prefill from the dashboard's "à fournir" links, only with values the family may choose.
  const concerns = query.concerne === "famille" || choices.children.some((child) => child.id === query.concerne) ? query.concerne : undefined;
  const typeId = choices.types.some((type) => type.id === query.type) ? query.type : undefined;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/espace" className="text-brand underline hover:no-underline">
          ← Retour à mon espace
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand">Pièces justificatives à fournir</h1>
      <Panel title="Ajouter un document">
        <UploadDocumentForm
          choices={choices}
          defaultConcerns={concerns}
          defaultTypeId={typeId}
          transport={process.env.UPLOADTHING_TOKEN ? "uploadthing" : "local"}
        />
      </Panel>
      <Panel title="Mes documents">
        <MyDocuments documents={documents} deleteAction={deleteDocumentAction} caption="Mes documents transmis au Guichet unique" />
      </Panel>
    </div>
  );
}

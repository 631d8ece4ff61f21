import type { Metadata } from "next";

import { MyDocuments } from "@/components/documents/my-documents";
import { UploadDocumentForm } from "@/components/documents/upload-document-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getUploadChoices, listFamilyDocuments } from "@/lib/documents/family-documents";

import { deleteDocumentAction } from "./actions";

export const metadata: Metadata = { title: "Pièces justificatives" };

type Props = { searchParams: Promise<{ concerne?: string; type?: string }> };

export default async function FamilyDocumentsPage({ searchParams }: Props) {
  const viewer = await parentPage();
  const db = getDb();
  const [choices, documents, query] = await Promise.all([
    getUploadChoices(db, viewer),
    listFamilyDocuments(db, viewer),
    searchParams,
  ]);
  // Prefill from the dashboard's "à fournir" links, only with values the family may choose.
  const concerns =
    query.concerne === "famille" || choices.children.some((child) => child.id === query.concerne) ? query.concerne : undefined;
  const typeId = choices.types.some((type) => type.id === query.type) ? query.type : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title="Pièces justificatives à fournir" back={{ href: "/espace", label: "Retour à mon espace" }} />
      <Panel title="Ajouter un document">
        <UploadDocumentForm
          choices={choices}
          defaultConcerns={concerns}
          defaultTypeId={typeId}
          transport={process.env.UPLOADTHING_TOKEN ? "uploadthing" : "local"}
        />
      </Panel>
      <Panel title="Mes documents">
        <MyDocuments
          documents={documents}
          deleteAction={deleteDocumentAction}
          caption="Mes documents transmis au Guichet unique"
        />
      </Panel>
    </div>
  );
}

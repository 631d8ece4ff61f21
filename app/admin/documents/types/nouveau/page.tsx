import type { Metadata } from "next";

import { DocumentTypeForm } from "@/components/admin/document-type-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listActivityChoices } from "@/lib/catalogue/catalogue";
import { getDb } from "@/lib/db/client";

import { createDocumentTypeAction } from "../actions";

export const metadata: Metadata = { title: "Créer un type de document" };

export default async function NewDocumentTypePage() {
  await staffPage();
  const activities = await listActivityChoices(getDb());
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer un type de document" back={{ href: "/admin/documents/types", label: "Types de documents" }} />
      <Panel title="Type de document">
        <DocumentTypeForm action={createDocumentTypeAction} activities={activities} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { DocumentTypeForm } from "@/components/admin/document-type-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listActivityChoices } from "@/lib/catalogue/catalogue";
import { getDb } from "@/lib/db/client";
import { getDocumentType } from "@/lib/documents/document-types";
import { parseId } from "@/lib/http/url-params";

import { updateDocumentTypeAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const type = id ? await getDocumentType(getDb(), await staffPage(), id) : null;
  return { title: type ? `Modifier le type de document ${type.label}` : "Modifier un type de document" };
}

export default async function EditDocumentTypePage({ params }: Props) {
  const { db, record: type } = await loadStaffRecord(params, getDocumentType);
  const activities = await listActivityChoices(db);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={`Modifier le type de document ${type.label}`}
        back={{ href: "/admin/documents/types", label: "Types de documents" }}
      />
      <Panel title="Type de document">
        <DocumentTypeForm action={updateDocumentTypeAction} activities={activities} type={type} />
      </Panel>
    </div>
  );
}

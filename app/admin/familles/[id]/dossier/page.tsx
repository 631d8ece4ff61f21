import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FamilyRecordForm } from "@/components/family/family-record-form";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { describeConsentState } from "@/lib/families/consent-labels";
import { getFamilyRecordForStaff } from "@/lib/families/family-editing";
import { requireId } from "@/lib/http/url-params";

import { saveFamilyRecordStaffAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier le dossier famille" };

export default async function StaffFamilyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const id = requireId((await params).id);
  const record = await getFamilyRecordForStaff(db, viewer, id);
  if (!record) notFound();
  const familyHref = `/admin/familles/${id}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Modifier le dossier famille – ${record.familyName || "sans nom"}`}
        back={{ href: familyHref, label: "Retour à la fiche famille" }}
      />
      <p>Corrigez les rubriques nécessaires, puis cliquez sur « Enregistrer ». La modification est enregistrée au journal.</p>
      <FamilyRecordForm
        mode="staff"
        defaultValues={record.values}
        consents={record.consents.map(describeConsentState)}
        action={saveFamilyRecordStaffAction}
        cancelHref={familyHref}
      />
    </div>
  );
}

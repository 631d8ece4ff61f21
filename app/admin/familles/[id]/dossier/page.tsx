import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { FamilyRecordForm } from "@/components/family/family-record-form";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { describeConsentState } from "@/lib/families/consent-labels";
import { getFamilyRecordForStaff } from "@/lib/families/family-editing";
import { staffFamilyTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { saveFamilyRecordStaffAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffFamilyTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Modifier le dossier – ${subject}` : "Modifier le dossier famille" };
}

export default async function StaffFamilyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, record } = await loadStaffRecord(params, getFamilyRecordForStaff);
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

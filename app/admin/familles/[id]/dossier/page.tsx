import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FamilyRecordForm } from "@/components/family/family-record-form";
import { getFamilyRecordForStaff } from "@/lib/families/family-editing";
import { staffPage } from "@/lib/auth/session";
import { describeConsentState } from "@/lib/families/consent-labels";
import { saveFamilyRecordStaffAction } from "../../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Modifier le dossier famille" };

export default async function StaffFamilyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const record = await getFamilyRecordForStaff(db, viewer, id);
  if (!record) notFound();
  const familyHref = `/admin/familles/${id}`;
  return (
    <div className="space-y-4">
      <p>
        <Link href={familyHref} className="text-brand underline">
          ← Retour à la fiche famille
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand">Modifier le dossier famille – {record.familyName || "sans nom"}</h1>
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

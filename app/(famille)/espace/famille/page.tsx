import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FamilyRecordForm } from "@/components/family/family-record-form";
import { PageHeader } from "@/components/layout/page-header";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getFamilyRecord } from "@/lib/families/family-record";

import { saveFamilyRecordAction } from "./actions";

export const metadata: Metadata = { title: "Informations de la famille" };

export default async function FamilyRecordPage() {
  const viewer = await parentPage();
  const db = getDb();
  const record = await getFamilyRecord(db, viewer);
  if (!record) notFound();
  const body = (kind: string) => record.consentTexts.find((text) => text.kind === kind)?.body ?? null;
  return (
    <div className="space-y-4">
      <PageHeader title="Modifier les informations de la famille" back={{ href: "/espace", label: "Retour à mon espace" }} />
      <p>Vérifiez, modifiez et complétez chaque rubrique, puis cliquez sur « Enregistrer ».</p>
      <FamilyRecordForm
        defaultValues={record.values}
        renewed={record.renewedKinds.length > 0}
        statements={{
          reglements: { kind: "REGLEMENTS", body: body("REGLEMENTS") },
          attestation: { kind: "ATTESTATION_HONNEUR", body: body("ATTESTATION_HONNEUR") },
          signature: { kind: "SIGNATURE_NUMERIQUE", body: body("SIGNATURE_NUMERIQUE") },
          protection: { kind: "PROTECTION_DONNEES", body: body("PROTECTION_DONNEES") },
        }}
        action={saveFamilyRecordAction}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { createEstablishmentAction } from "../../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Créer un établissement" };

export default async function NewEstablishmentPage() {
  await staffPage();
  const db = getDb();
  const schools = await listSchools(db);
  return (
    <div className="max-w-2xl space-y-4">
      <p><Link href="/admin/catalogue" className="underline">← Retour au catalogue</Link></p>
      <h1 className="text-2xl font-bold text-brand">Créer un établissement</h1>
      <Panel title="Établissement">
        <EstablishmentForm action={createEstablishmentAction} schools={schools} />
      </Panel>
    </div>
  );
}

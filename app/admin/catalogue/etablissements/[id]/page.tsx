import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getEstablishment } from "@/lib/catalogue/catalogue-admin";
import { updateEstablishmentAction } from "../../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Modifier un établissement" };

export default async function EditEstablishmentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const [establishment, schools] = await Promise.all([getEstablishment(db, viewer, id), listSchools(db)]);
  if (!establishment) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <p><Link href="/admin/catalogue" className="underline">← Retour au catalogue</Link></p>
      <h1 className="text-2xl font-bold text-brand">Modifier l&apos;établissement {establishment.name}</h1>
      <Panel title="Établissement">
        <EstablishmentForm action={updateEstablishmentAction} schools={schools} establishment={establishment} />
      </Panel>
    </div>
  );
}

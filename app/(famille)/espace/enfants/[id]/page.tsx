import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildSheetForm } from "@/components/children/child-sheet-form";
import { parentPage } from "@/lib/auth/session";
import { getChildSheet } from "@/lib/children/child-sheet";
import { saveChildSheetAction } from "../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Fiche enfant" };

export default async function ChildSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await parentPage();
  const db = getDb();
  const { id } = await params;
  const sheet = await getChildSheet(db, viewer, id); // scoped to the viewer's family
  if (!sheet) notFound();
  return (
    <div className="space-y-4">
      <p>
        <Link href="/espace" className="text-brand underline">
          ← Retour à mon espace
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand">Fiche enfant – {sheet.displayName}</h1>
      <p>Remplissez impérativement et précisément chaque rubrique, cochez « J&apos;accepte », puis cliquez sur « Enregistrer ».</p>
      <ChildSheetForm defaultValues={sheet.values} schools={sheet.schools} authorisationsText={sheet.authorisationsText} action={saveChildSheetAction} />
    </div>
  );
}

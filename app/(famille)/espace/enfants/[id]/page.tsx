import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ChildSheetForm } from "@/components/children/child-sheet-form";
import { PageHeader } from "@/components/layout/page-header";
import { parentPage } from "@/lib/auth/session";
import { getChildSheet } from "@/lib/children/child-sheet";
import { getDb } from "@/lib/db/client";
import { familyChildName } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";

import { saveChildSheetAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const name = id ? await familyChildName(getDb(), await parentPage(), id) : null;
  return { title: name ? `Fiche enfant – ${name}` : "Fiche enfant" };
}

export default async function ChildSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await parentPage();
  const db = getDb();
  const id = requireId((await params).id);
  const sheet = await getChildSheet(db, viewer, id); // scoped to the viewer's family
  if (!sheet) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={`Fiche enfant – ${sheet.displayName}`} back={{ href: "/espace", label: "Retour à mon espace" }} />
      <p>
        Remplissez impérativement et précisément chaque rubrique, cochez « J&apos;accepte », puis cliquez sur « Enregistrer ».
      </p>
      <ChildSheetForm
        defaultValues={sheet.values}
        schools={sheet.schools}
        authorisationsText={sheet.authorisationsText}
        action={saveChildSheetAction}
      />
    </div>
  );
}

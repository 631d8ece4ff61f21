import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { EstablishmentForm } from "@/components/admin/establishment-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getEstablishment } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";
import { requireId } from "@/lib/http/url-params";

import { updateEstablishmentAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier un établissement" };

export default async function EditEstablishmentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const id = requireId((await params).id);
  const [establishment, schools] = await Promise.all([getEstablishment(db, viewer, id), listSchools(db)]);
  if (!establishment) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={`Modifier l'établissement ${establishment.name}`}
        back={{ href: "/admin/catalogue", label: "Retour au catalogue" }}
      />
      <Panel title="Établissement">
        <EstablishmentForm action={updateEstablishmentAction} schools={schools} establishment={establishment} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";

import { EstablishmentForm } from "@/components/admin/establishment-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getDb } from "@/lib/db/client";

import { createEstablishmentAction } from "../../actions";

export const metadata: Metadata = { title: "Créer un établissement" };

export default async function NewEstablishmentPage() {
  await staffPage();
  const db = getDb();
  const schools = await listSchools(db);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer un établissement" back={{ href: "/admin/catalogue", label: "Retour au catalogue" }} />
      <Panel title="Établissement">
        <EstablishmentForm action={createEstablishmentAction} schools={schools} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getEstablishment } from "@/lib/catalogue/catalogue-admin";

import { updateEstablishmentAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier un établissement" };

export default async function EditEstablishmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, record: establishment } = await loadStaffRecord(params, getEstablishment);
  const schools = await listSchools(db);
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

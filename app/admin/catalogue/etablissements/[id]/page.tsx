import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getEstablishment } from "@/lib/catalogue/catalogue-admin";

import { updateEstablishmentAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier un établissement" };

export default async function EditEstablishmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, record: establishment } = await loadStaffRecord(params, getEstablishment);
  const schools = await listSchools(db);
  return (
    <CatalogueFormPage title={`Modifier l'établissement ${establishment.name}`} panel="Établissement">
      <EstablishmentForm action={updateEstablishmentAction} schools={schools} establishment={establishment} />
    </CatalogueFormPage>
  );
}

import type { Metadata } from "next";

import { EstablishmentForm } from "@/components/admin/establishment-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
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
    <CatalogueFormPage title="Créer un établissement" panel="Établissement">
      <EstablishmentForm action={createEstablishmentAction} schools={schools} />
    </CatalogueFormPage>
  );
}

import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getEstablishment } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";
import { staffEstablishmentName } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { updateEstablishmentAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffEstablishmentName(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Modifier l'établissement ${subject}` : "Modifier un établissement" };
}

export default async function EditEstablishmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, record: establishment } = await loadStaffRecord(params, getEstablishment);
  const schools = await listSchools(db);
  return (
    <CatalogueFormPage title={`Modifier l'établissement ${establishment.name}`} panel="Établissement">
      <EstablishmentForm action={updateEstablishmentAction} schools={schools} establishment={establishment} />
    </CatalogueFormPage>
  );
}

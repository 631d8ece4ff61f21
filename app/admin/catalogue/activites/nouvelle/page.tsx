import type { Metadata } from "next";

import { ActivityForm } from "@/components/admin/activity-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { staffPage } from "@/lib/auth/session";

import { createActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage() {
  await staffPage();
  return (
    <CatalogueFormPage title="Créer une activité" panel="Activité">
      <ActivityForm action={createActivityAction} />
    </CatalogueFormPage>
  );
}

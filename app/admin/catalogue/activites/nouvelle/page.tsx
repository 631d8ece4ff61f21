import type { Metadata } from "next";

import { ActivityForm } from "@/components/admin/activity-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { staffPage } from "@/lib/auth/session";
import { listRegieOptions } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";

import { createActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage() {
  const viewer = await staffPage();
  const regies = await listRegieOptions(getDb());
  return (
    <CatalogueFormPage title="Créer une activité" panel="Activité">
      <ActivityForm action={createActivityAction} regies={regies} canChooseRegie={viewer.role === "ADMIN"} />
    </CatalogueFormPage>
  );
}

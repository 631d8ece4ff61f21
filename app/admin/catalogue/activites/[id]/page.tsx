import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { ActivityForm } from "@/components/admin/activity-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { getActivity } from "@/lib/catalogue/catalogue-admin";

import { updateActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier une activité" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: activity } = await loadStaffRecord(params, getActivity);
  return (
    <CatalogueFormPage title={`Modifier l'activité ${activity.name}`} panel="Activité">
      <ActivityForm action={updateActivityAction} activity={activity} />
    </CatalogueFormPage>
  );
}

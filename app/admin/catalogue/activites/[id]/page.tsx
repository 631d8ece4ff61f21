import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { ActivityForm } from "@/components/admin/activity-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { getActivity } from "@/lib/catalogue/catalogue-admin";

import { updateActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier une activité" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: activity } = await loadStaffRecord(params, getActivity);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={`Modifier l'activité ${activity.name}`}
        back={{ href: "/admin/catalogue", label: "Retour au catalogue" }}
      />
      <Panel title="Activité">
        <ActivityForm action={updateActivityAction} activity={activity} />
      </Panel>
    </div>
  );
}

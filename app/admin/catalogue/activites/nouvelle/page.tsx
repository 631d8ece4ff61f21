import type { Metadata } from "next";

import { ActivityForm } from "@/components/admin/activity-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";

import { createActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage() {
  await staffPage();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer une activité" back={{ href: "/admin/catalogue", label: "Retour au catalogue" }} />
      <Panel title="Activité">
        <ActivityForm action={createActivityAction} />
      </Panel>
    </div>
  );
}

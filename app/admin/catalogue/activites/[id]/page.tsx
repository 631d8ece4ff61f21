import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActivityForm } from "@/components/admin/activity-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getActivity } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";
import { requireId } from "@/lib/http/url-params";

import { updateActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier une activité" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const id = requireId((await params).id);
  const activity = await getActivity(db, viewer, id);
  if (!activity) notFound();
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

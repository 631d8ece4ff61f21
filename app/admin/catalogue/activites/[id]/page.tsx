import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityForm } from "@/components/admin/activity-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getActivity } from "@/lib/catalogue/catalogue-admin";
import { updateActivityAction } from "../../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Modifier une activité" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const activity = await getActivity(db, viewer, id);
  if (!activity) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <p><Link href="/admin/catalogue" className="underline">← Retour au catalogue</Link></p>
      <h1 className="text-2xl font-bold text-brand">Modifier l&apos;activité {activity.name}</h1>
      <Panel title="Activité">
        <ActivityForm action={updateActivityAction} activity={activity} />
      </Panel>
    </div>
  );
}

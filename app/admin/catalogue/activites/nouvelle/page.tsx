import type { Metadata } from "next";
import Link from "next/link";
import { ActivityForm } from "@/components/admin/activity-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { createActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage() {
  await staffPage();
  return (
    <div className="max-w-2xl space-y-4">
      <p><Link href="/admin/catalogue" className="underline">← Retour au catalogue</Link></p>
      <h1 className="text-2xl font-bold text-brand">Créer une activité</h1>
      <Panel title="Activité">
        <ActivityForm action={createActivityAction} />
      </Panel>
    </div>
  );
}

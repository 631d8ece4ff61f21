import type { Metadata } from "next";

import { RegieForm } from "@/components/admin/regie-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { listActivitiesWithRegie } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";

import { createRegieAction } from "../actions";

export const metadata: Metadata = { title: "Créer une régie" };

export default async function NewRegiePage() {
  const viewer = await adminPage();
  const activities = await listActivitiesWithRegie(getDb(), viewer);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer une régie" back={{ href: "/admin/catalogue/regies", label: "Régies" }} />
      <Panel title="Régie">
        <RegieForm action={createRegieAction} activities={activities} />
      </Panel>
    </div>
  );
}

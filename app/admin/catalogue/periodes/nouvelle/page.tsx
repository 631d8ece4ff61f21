import type { Metadata } from "next";

import { PeriodForm } from "@/components/admin/period-form";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { listActivities, listEstablishments } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";

import { createPeriodAction } from "../../actions";

export const metadata: Metadata = { title: "Créer une période" };

export default async function NewPeriodPage() {
  await staffPage();
  const db = getDb();
  const [establishments, activities, schools] = await Promise.all([listEstablishments(db), listActivities(db), listSchools(db)]);
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title="Créer une période" back={{ href: "/admin/catalogue", label: "Retour au catalogue" }} />
      <p className="text-muted">Les unités, capacités et tarifs s&apos;ajoutent ensuite depuis la page de la période.</p>
      <PeriodForm
        action={createPeriodAction}
        establishments={establishments.map(({ id, name, active }) => ({ id, name: active ? name : `${name} (inactif)` }))}
        activities={activities.map(({ id, name }) => ({ id, name }))}
        schools={schools}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PeriodForm } from "@/components/admin/period-form";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { listSchools } from "@/lib/catalogue/catalogue";
import { getPeriodForEdit, listActivities, listEstablishments } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";
import { staffPeriodTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";

import { updatePeriodAction } from "../../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffPeriodTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Modifier la période ${subject}` : "Modifier la période" };
}

export default async function EditPeriodPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const id = requireId((await params).id);
  const [period, establishments, activities, schools] = await Promise.all([
    getPeriodForEdit(db, viewer, id),
    listEstablishments(db),
    listActivities(db),
    listSchools(db),
  ]);
  if (!period) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader
        title={`Modifier la période ${period.establishment.name} – ${period.name}`}
        back={{ href: `/admin/catalogue/periodes/${period.id}`, label: "Retour à la période" }}
      />
      <p className="text-muted">
        Les dates et les jours d&apos;ouverture ne peuvent pas être modifiés de façon à exclure des jours déjà réservés : annulez
        d&apos;abord ces réservations (par exemple en ajoutant une fermeture, qui prévient les familles).
      </p>
      <PeriodForm
        action={updatePeriodAction}
        establishments={establishments.map(({ id: establishmentId, name, active }) => ({
          id: establishmentId,
          name: active ? name : `${name} (inactif)`,
        }))}
        activities={activities.map(({ id: activityId, name }) => ({ id: activityId, name }))}
        schools={schools}
        period={period}
      />
    </div>
  );
}

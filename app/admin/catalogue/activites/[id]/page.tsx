import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { ActivityForm } from "@/components/admin/activity-form";
import { CatalogueFormPage } from "@/components/layout/catalogue-form-page";
import { staffPage } from "@/lib/auth/session";
import { listRegieOptions } from "@/lib/billing/regies";
import { getActivity } from "@/lib/catalogue/catalogue-admin";
import { getDb } from "@/lib/db/client";
import { staffActivityName } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { updateActivityAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffActivityName(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Modifier l'activité ${subject}` : "Modifier une activité" };
}

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: activity, viewer, db } = await loadStaffRecord(params, getActivity);
  const regies = await listRegieOptions(db, activity.regieId);
  return (
    <CatalogueFormPage title={`Modifier l'activité ${activity.name}`} panel="Activité">
      <ActivityForm action={updateActivityAction} activity={activity} regies={regies} canChooseRegie={viewer.role === "ADMIN"} />
    </CatalogueFormPage>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RegieForm } from "@/components/admin/regie-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { getRegie, listActivitiesWithRegie } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/http/url-params";

import { updateRegieAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const regie = id ? await getRegie(getDb(), await adminPage(), id) : null;
  return { title: regie ? `Modifier la régie ${regie.name}` : "Modifier une régie" };
}

export default async function EditRegiePage({ params }: Props) {
  const viewer = await adminPage();
  const db = getDb();
  const id = parseId((await params).id);
  const regie = id ? await getRegie(db, viewer, id) : null;
  if (!regie) notFound();
  const activities = await listActivitiesWithRegie(db, viewer);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={`Modifier la régie ${regie.name}`} back={{ href: "/admin/catalogue/regies", label: "Régies" }} />
      <Panel title="Régie">
        <RegieForm action={updateRegieAction} activities={activities} regie={regie} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CreateUnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getPeriodForNewUnit } from "@/lib/catalogue/units";
import { getDb } from "@/lib/db/client";
import { requireId } from "@/lib/http/url-params";

import { createUnitAction } from "../actions";

export const metadata: Metadata = { title: "Ajouter une unité" };

export default async function NewUnitPage({ searchParams }: { searchParams: Promise<{ periode?: string | string[] }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const periode = requireId((await searchParams).periode);
  const period = await getPeriodForNewUnit(db, viewer, periode);
  if (!period) notFound();
  const title = `${period.establishment} – ${period.name}`;
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Ajouter une unité" back={{ href: `/admin/catalogue/periodes/${period.id}`, label: title }} />
      <Panel title={title}>
        <p className="mb-3 text-muted">Les tarifs et les capacités par jour se règlent ensuite sur la page de l&apos;unité.</p>
        <CreateUnitForm action={createUnitAction} periodId={period.id} sortOrder={period.nextSortOrder} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CreateUnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getPeriodForNewUnit } from "@/lib/catalogue/units";
import { getDb } from "@/lib/db/client";
import { staffPeriodTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";

import { createUnitAction } from "../actions";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<{ periode?: string | string[] }>;
}): Promise<Metadata> {
  const id = parseId((await searchParams).periode);
  const period = id ? await staffPeriodTitle(getDb(), await staffPage(), id) : null;
  return { title: period ? `Ajouter une unité – ${period}` : "Ajouter une unité" };
}

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

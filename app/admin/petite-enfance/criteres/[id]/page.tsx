import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { StaffCriterionForm } from "@/components/early-childhood/staff-criterion-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCriterion } from "@/lib/early-childhood/criteria";
import { parseId } from "@/lib/http/url-params";

import { updateCriterionAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const criterion = id ? await getCriterion(getDb(), await adminPage(), id) : null;
  return { title: criterion ? `Modifier le critère ${criterion.label}` : "Modifier un critère d'admission" };
}

export default async function EditCriterionPage({ params }: Props) {
  const viewer = await adminPage();
  const id = parseId((await params).id);
  const criterion = id ? await getCriterion(getDb(), viewer, id) : null;
  if (!criterion) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={`Modifier le critère ${criterion.label}`}
        back={{ href: "/admin/petite-enfance/criteres", label: "Critères d'admission" }}
      />
      <p>
        <span className="font-semibold">Règle appliquée :</span> {criterion.rule}
      </p>
      <Panel title="Critère d'admission">
        <StaffCriterionForm action={updateCriterionAction} criterion={criterion} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { StaffCrecheForm } from "@/components/early-childhood/staff-creche-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { listRegieOptions } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";
import { getCreche } from "@/lib/early-childhood/creches";
import { parseId } from "@/lib/http/url-params";

import { updateCrecheAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const creche = id ? await getCreche(getDb(), await adminPage(), id) : null;
  return { title: creche ? `Modifier la crèche ${creche.name}` : "Modifier une crèche" };
}

export default async function EditCrechePage({ params }: Props) {
  const viewer = await adminPage();
  const db = getDb();
  const id = parseId((await params).id);
  const creche = id ? await getCreche(db, viewer, id) : null;
  if (!creche) notFound();
  const regies = await listRegieOptions(db, creche.regieId);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={`Modifier la crèche ${creche.name}`}
        back={{ href: "/admin/petite-enfance/creches", label: "Crèches" }}
      />
      <Panel title="Crèche">
        <StaffCrecheForm action={updateCrecheAction} regies={regies} creche={creche} />
      </Panel>
    </div>
  );
}

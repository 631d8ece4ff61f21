import type { Metadata } from "next";

import { StaffCrecheForm } from "@/components/early-childhood/staff-creche-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { listRegieOptions } from "@/lib/billing/regies";
import { getDb } from "@/lib/db/client";

import { createCrecheAction } from "../actions";

export const metadata: Metadata = { title: "Créer une crèche" };

export default async function NewCrechePage() {
  await adminPage();
  const regies = await listRegieOptions(getDb());
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer une crèche" back={{ href: "/admin/petite-enfance/creches", label: "Crèches" }} />
      <Panel title="Crèche">
        <StaffCrecheForm action={createCrecheAction} regies={regies} />
      </Panel>
    </div>
  );
}

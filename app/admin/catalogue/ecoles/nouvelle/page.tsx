import type { Metadata } from "next";

import { SchoolForm } from "@/components/admin/school-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";

import { createSchoolAction } from "../actions";

export const metadata: Metadata = { title: "Créer une école" };

export default async function NewSchoolPage() {
  await staffPage();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Créer une école" back={{ href: "/admin/catalogue/ecoles", label: "Écoles" }} />
      <Panel title="École">
        <SchoolForm action={createSchoolAction} />
      </Panel>
    </div>
  );
}

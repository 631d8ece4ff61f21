import type { Metadata } from "next";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { SchoolForm } from "@/components/admin/school-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/http/url-params";
import { getSchool } from "@/lib/schools/schools";

import { updateSchoolAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const school = id ? await getSchool(getDb(), await staffPage(), id) : null;
  return { title: school ? `Modifier l'école ${school.name}` : "Modifier une école" };
}

export default async function EditSchoolPage({ params }: Props) {
  const { record: school } = await loadStaffRecord(params, getSchool);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={`Modifier l'école ${school.name}`} back={{ href: "/admin/catalogue/ecoles", label: "Écoles" }} />
      <Panel title="École">
        <SchoolForm action={updateSchoolAction} school={school} />
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ChildSheetForm } from "@/components/children/child-sheet-form";
import { PageHeader } from "@/components/layout/page-header";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { describeConsentState } from "@/lib/families/consent-labels";
import { getChildSheetForStaff } from "@/lib/families/family-editing";
import { staffChildTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";

import { saveChildSheetStaffAction } from "../../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string; childId: string }> }): Promise<Metadata> {
  const ids = await params;
  const [familyId, childId] = [parseId(ids.id), parseId(ids.childId)];
  const child = familyId && childId ? await staffChildTitle(getDb(), await staffPage(), familyId, childId) : null;
  return { title: child ? `Modifier la fiche enfant – ${child}` : "Modifier la fiche enfant" };
}

// Opening this page reads the child's medical section: getChildSheetForStaff audits it.
export default async function StaffChildSheetPage({ params }: { params: Promise<{ id: string; childId: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const route = await params;
  const [id, childId] = [requireId(route.id), requireId(route.childId)];
  const sheet = await getChildSheetForStaff(db, viewer, id, childId); // the child of that family only
  if (!sheet) notFound();
  const familyHref = `/admin/familles/${id}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Modifier la fiche enfant – ${sheet.displayName}`}
        back={{ href: familyHref, label: `Retour à la fiche famille ${sheet.familyName}` }}
      />
      <p>
        Corrigez les rubriques nécessaires, puis cliquez sur « Enregistrer ».{" "}
        <span className="font-semibold">
          Les informations médicales sont confidentielles : leur consultation est enregistrée au journal.
        </span>
      </p>
      <ChildSheetForm
        mode="staff"
        defaultValues={sheet.values}
        authorisations={sheet.authorisations}
        schools={sheet.schools}
        consent={describeConsentState(sheet.consent)}
        action={saveChildSheetStaffAction}
        cancelHref={familyHref}
      />
    </div>
  );
}

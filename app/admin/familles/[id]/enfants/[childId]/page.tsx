import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildSheetForm } from "@/components/children/child-sheet-form";
import { getChildSheetForStaff } from "@/lib/families/family-editing";
import { staffPage } from "@/lib/auth/session";
import { describeConsentState } from "@/lib/families/consent-labels";
import { saveChildSheetStaffAction } from "../../../actions";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Modifier la fiche enfant" };

// Opening this page reads the child's medical section: getChildSheetForStaff audits it.
export default async function StaffChildSheetPage({ params }: { params: Promise<{ id: string; childId: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const { id, childId } = await params;
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(id) || !uuid.test(childId)) notFound();
  const sheet = await getChildSheetForStaff(db, viewer, id, childId); // the child of that family only
  if (!sheet) notFound();
  const familyHref = `/admin/familles/${id}`;
  return (
    <div className="space-y-4">
      <p>
        <Link href={familyHref} className="text-brand underline">
          ← Retour à la fiche famille {sheet.familyName}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand">Modifier la fiche enfant – {sheet.displayName}</h1>
      <p>
        Corrigez les rubriques nécessaires, puis cliquez sur « Enregistrer ».{" "}
        <span className="font-semibold">Les informations médicales sont confidentielles : leur consultation est enregistrée au journal.</span>
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

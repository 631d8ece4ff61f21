import type { Metadata } from "next";
import Link from "next/link";

import { StaffListPanel, StaffTable } from "@/components/admin/staff-list";
import { PageHeader } from "@/components/layout/page-header";
import { adminPage } from "@/lib/auth/session";
import { CONSENT_KIND_PLACES, CONSENT_KIND_TITLES, consentKindSlug } from "@/lib/consents/consent-kinds";
import { listConsentTexts } from "@/lib/consents/consent-texts";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Textes d'engagement" };

const families = (count: number) => (count === 0 ? "Aucune famille" : count === 1 ? "1 famille" : `${count} familles`);

// Administrators only (adminPage: an agent reads the French 403): the statements families accept,
// each with its version in force; a change is a new version (its page: preview, publish, history).
export default async function ConsentTextsPage() {
  const viewer = await adminPage();
  const texts = await listConsentTexts(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Textes d'engagement" back={{ href: "/admin/contenus", label: "Contenus" }} />
      <p className="max-w-3xl">
        Les familles acceptent ces textes dans leur espace. Modifier un texte publie une nouvelle version : les familles qui
        avaient accepté la précédente devront accepter la nouvelle à leur prochaine visite, et leur acceptation précédente est
        conservée avec sa date.
      </p>
      <StaffListPanel title="Textes en vigueur">
        <StaffTable
          label="Tableau des textes d'engagement"
          className="w-full min-w-[40rem] text-left"
          caption="Textes d'engagement et leur version en vigueur"
          columns={["Texte", "Où la famille le lit", "Version en vigueur", "Publiée le", "Acceptée par", "Actions"]}
        >
          {texts.map((text) => (
            <tr key={text.kind} className="border-t border-gray-200 align-top" data-testid={`consent-text-${text.kind}`}>
              <td className="p-2 font-semibold">{CONSENT_KIND_TITLES[text.kind]}</td>
              <td className="p-2">{CONSENT_KIND_PLACES[text.kind]}</td>
              <td className="p-2">{text.current ? `Version ${text.current.version}` : "Aucun texte publié"}</td>
              <td className="p-2">
                {text.current ? formatDateTime(text.current.publishedAt) : "—"}
                {text.current?.publishedBy ? (
                  <span className="block text-sm text-muted">par {text.current.publishedBy}</span>
                ) : null}
              </td>
              <td className="p-2">{text.current ? families(text.current.acceptedFamilies) : "—"}</td>
              <td className="p-2">
                <Link
                  href={`/admin/contenus/consentements/${consentKindSlug(text.kind)}`}
                  className="underline"
                  aria-label={`Modifier le texte « ${CONSENT_KIND_TITLES[text.kind]} » et voir ses versions`}
                >
                  Modifier / historique
                </Link>
              </td>
            </tr>
          ))}
        </StaffTable>
      </StaffListPanel>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ConsentTextForm } from "@/components/admin/consent-text-form";
import { ConsentBody } from "@/components/consents/consent-body";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { CONSENT_KIND_PLACES, CONSENT_KIND_TITLES, consentKindFromSlug } from "@/lib/consents/consent-kinds";
import { consentTextHistory } from "@/lib/consents/consent-texts";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";

import { publishConsentTextAction } from "../actions";

type Params = { params: Promise<{ kind: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const kind = consentKindFromSlug((await params).kind);
  return { title: kind ? `Texte d'engagement « ${CONSENT_KIND_TITLES[kind]} »` : "Texte d'engagement introuvable" };
}

const families = (count: number) => (count === 0 ? "aucune famille" : count === 1 ? "1 famille" : `${count} familles`);

// One statement: « Publier une nouvelle version » (preview first), then its history, the version
// in force first. Administrators only.
export default async function ConsentTextPage({ params }: Params) {
  const viewer = await adminPage();
  const kind = consentKindFromSlug((await params).kind);
  if (!kind) notFound();
  const versions = await consentTextHistory(getDb(), viewer, kind);
  const current = versions[0];
  const title = CONSENT_KIND_TITLES[kind];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Texte d'engagement « ${title} »`}
        back={{ href: "/admin/contenus/consentements", label: "Textes d'engagement" }}
      />
      <p>Lu par la famille : {CONSENT_KIND_PLACES[kind]}.</p>
      <Panel title="Publier une nouvelle version">
        <ConsentTextForm
          action={publishConsentTextAction}
          kind={kind}
          currentVersion={current?.version ?? 0}
          currentBody={current?.body ?? ""}
        />
      </Panel>
      <Panel title="Historique des versions">
        {versions.length === 0 ? (
          <p className="text-muted">Aucune version publiée.</p>
        ) : (
          <ol className="divide-y divide-gray-200">
            {versions.map((version, index) => (
              <li key={version.version} className="space-y-2 py-3" data-testid={`consent-version-${version.version}`}>
                <h3 className="font-semibold">
                  Version {version.version}
                  {index === 0 ? " (en vigueur)" : ""}
                </h3>
                <p className="text-sm text-muted">
                  Publiée le {formatDateTime(version.publishedAt)}
                  {version.publishedBy ? ` par ${version.publishedBy}` : ""} — acceptée par {families(version.acceptedFamilies)}
                </p>
                <ConsentBody body={version.body} className="space-y-2 border-l-4 border-gray-300 pl-3" />
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}

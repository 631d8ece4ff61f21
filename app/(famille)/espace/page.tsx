import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";

import { AccountBlock } from "@/components/dashboard/account-block";
import { ChildrenBlock } from "@/components/dashboard/children-block";
import { CompletenessBlock } from "@/components/dashboard/completeness-block";
import { DocumentsBlock } from "@/components/dashboard/documents-block";
import { EarlyChildhoodBlock } from "@/components/dashboard/early-childhood-block";
import { InvoicesBlock } from "@/components/dashboard/invoices-block";
import { RenewedConsentsBanner } from "@/components/dashboard/renewed-consents-banner";
import { ReservationsBlock } from "@/components/dashboard/reservations-block";
import { Panel } from "@/components/ui/panel";
import { parentPage, type ParentViewer } from "@/lib/auth/session";
import { familyInvoicesToPay } from "@/lib/billing/family-invoices";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listFamilyDocuments } from "@/lib/documents/family-documents";
import {
  EARLY_CHILDHOOD_PAGE_PARAM,
  EARLY_CHILDHOOD_TAB_PARAM,
  loadEarlyChildhoodBlock,
  parseEarlyChildhoodTab,
} from "@/lib/early-childhood/family-dashboard-block";
import { getFamilyDashboard } from "@/lib/families/dashboard";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { readPageSize } from "@/lib/http/page-size";
import { parsePage, type TSearchParams } from "@/lib/http/url-params";
import { listReservations } from "@/lib/reservations/reservations-query";

export const metadata: Metadata = { title: "Mon espace" };

// The guide's dashboard: one block per area, each owned by its feature and loading its own data.
// The family's heading, children and completeness come first; the list blocks stream in behind
// Suspense as their query answers (a slow one no longer holds the page's first bytes).
export default async function FamilyDashboardPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await parentPage();
  const db = getDb();
  const pageSize = await readPageSize();
  const query = await searchParams;
  const earlyChildhood = {
    tab: parseEarlyChildhoodTab(query[EARLY_CHILDHOOD_TAB_PARAM]),
    page: parsePage(query[EARLY_CHILDHOOD_PAGE_PARAM]),
  };
  const [dashboard, completeness] = await Promise.all([
    getFamilyDashboard(db, viewer, clock.now()),
    loadCompleteness(db, viewer.familyId),
  ]);
  if (!dashboard || !completeness) notFound();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Famille {dashboard.familyName}</h1>
      <RenewedConsentsBanner completeness={completeness} />
      <div className="grid gap-6 md:grid-cols-2">
        <AccountBlock />
        <ChildrenBlock items={dashboard.children} />
      </div>
      <CompletenessBlock completeness={completeness} />
      <Suspense fallback={<LoadingBlock title="Petite enfance" />}>
        <EarlyChildhoodSection viewer={viewer} {...earlyChildhood} pageSize={pageSize} />
      </Suspense>
      <Suspense fallback={<LoadingBlock title="Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances" />}>
        <ReservationsSection viewer={viewer} pageSize={pageSize} />
      </Suspense>
      <Suspense fallback={<LoadingBlock title="Factures" />}>
        <InvoicesSection viewer={viewer} />
      </Suspense>
      <Suspense fallback={<LoadingBlock title="Pièces justificatives à fournir" />}>
        <DocumentsSection viewer={viewer} pageSize={pageSize} />
      </Suspense>
    </div>
  );
}

function LoadingBlock({ title }: { title: string }) {
  return (
    <Panel title={title}>
      <p className="text-sm text-muted" role="status">
        Chargement…
      </p>
    </Panel>
  );
}

async function ReservationsSection({ viewer, pageSize }: { viewer: ParentViewer; pageSize: number }) {
  return <ReservationsBlock list={await listReservations(getDb(), viewer, {}, 1, pageSize)} />;
}

async function InvoicesSection({ viewer }: { viewer: ParentViewer }) {
  return <InvoicesBlock invoices={await familyInvoicesToPay(getDb(), viewer, clock.today())} />;
}

async function DocumentsSection({ viewer, pageSize }: { viewer: ParentViewer; pageSize: number }) {
  return <DocumentsBlock documents={await listFamilyDocuments(getDb(), viewer)} pageSize={pageSize} />;
}

async function EarlyChildhoodSection({
  viewer,
  tab,
  page,
  pageSize,
}: {
  viewer: ParentViewer;
  tab: ReturnType<typeof parseEarlyChildhoodTab>;
  page: number;
  pageSize: number;
}) {
  return <EarlyChildhoodBlock data={await loadEarlyChildhoodBlock(getDb(), viewer, tab, page, pageSize)} />;
}

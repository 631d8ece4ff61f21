import type { Metadata } from "next";
import Link from "next/link";

import { InvoicesTable } from "@/components/billing/invoices-table";
import { CertificateFamilyList } from "@/components/early-childhood/certificate-family-list";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { listFamilyInvoices } from "@/lib/billing/family-invoices";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listFamilyCertificates } from "@/lib/early-childhood/certificates";
import { readPageSize } from "@/lib/http/page-size";
import { parsePage, type TSearchParams } from "@/lib/http/url-params";

export const metadata: Metadata = { title: "Mes factures" };

// « Mes factures » (issue #14 point 4): the family's monthly invoices, newest first, 5, 10 or 25 a page (the session's choice).
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await parentPage();
  const query = await searchParams;
  const db = getDb();
  const list = await listFamilyInvoices(db, viewer, parsePage(query.page), clock.today(), await readPageSize());
  const certificates = await listFamilyCertificates(db, viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Mes factures</h1>
      <Panel title="Factures">
        <div className="space-y-4">
          <p className="text-sm">
            Les factures de restauration scolaire et du périscolaire se paient en ligne (PayFiP) ; celles des accueils de loisirs,
            de Jeunesse et de Sports vacances se règlent auprès du Guichet unique.
          </p>
          <InvoicesTable {...list} pageHref={(page) => `/espace/factures?page=${page}`} returnTo="/espace/factures" />
        </div>
      </Panel>
      <CertificateFamilyList certificates={certificates} />
      <Link href="/espace" className="inline-block rounded border border-brand px-5 py-2 font-bold text-brand">
        Retour à mon espace
      </Link>
    </div>
  );
}

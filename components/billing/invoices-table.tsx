import Link from "next/link";

import { PayOnlineForm } from "@/components/billing/pay-online-form";
import { CardCell, CardRow } from "@/components/ui/card-table";
import { PagedCardTable } from "@/components/ui/paged-card-table";
import type { FamilyInvoiceList } from "@/lib/billing/family-invoices";
import { formatAmount } from "@/lib/billing/invoice-state";

import { InvoicePdfLink } from "./invoice-pdf-link";
import { InvoiceStateBadge } from "./invoice-state-badge";
import { PaymentsReceived } from "./payments-received";

type Props = FamilyInvoiceList & {
  /** Builds the link of another page. */
  pageHref: (page: number) => string;
  /** The page the « Afficher [n] éléments / page » choice goes back to. */
  returnTo: string;
};

const COLUMNS = ["Facture", "Émise le", "Échéance", "Montant", "Reste à payer", "État", "Paiements reçus", "Actions"];

/**
 * « Mes factures »: one row per invoice (one card on a phone, its state first), the credit note
 * that cancels it under its title, the payments received, and its PDF, page and « Payer en ligne ».
 */
export function InvoicesTable({ items, total, page, pages, pageSize, pageHref, returnTo }: Props) {
  return (
    <PagedCardTable
      list={{ total, page, pages, pageSize, shown: items.length }}
      empty={<>Aucune facture pour l&apos;instant.</>}
      label="Tableau des factures"
      navLabel="Pages des factures"
      caption="Vos factures, de la plus récente à la plus ancienne"
      columns={COLUMNS}
      tableClassName="sm:min-w-[52rem]"
      pageHref={pageHref}
      returnTo={returnTo}
    >
      {items.map((invoice) => (
        <CardRow key={invoice.id} testId={`facture-${invoice.number}`}>
          <CardCell>
            <span className="block font-bold">{invoice.title}</span>
            <span className="block">
              N° <span className="font-mono">{invoice.number}</span>
            </span>
            <span className="block text-muted">{invoice.regie}</span>
            {invoice.creditNote ? (
              <span className="mt-1 block">
                Annulée par l&apos;avoir n° <span className="font-mono">{invoice.creditNote.number}</span> du{" "}
                {invoice.creditNote.issuedOn} ({formatAmount(invoice.creditNote.totalCents)}) –{" "}
                <InvoicePdfLink invoice={invoice.creditNote} />
              </span>
            ) : null}
          </CardCell>
          <CardCell label="Émise le">{invoice.issuedOn}</CardCell>
          <CardCell label="Échéance">{invoice.dueOn}</CardCell>
          <CardCell label="Montant" className="whitespace-nowrap">
            {formatAmount(invoice.totalCents)}
          </CardCell>
          <CardCell label="Reste à payer" className="font-semibold whitespace-nowrap">
            {formatAmount(invoice.remainingCents)}
          </CardCell>
          <CardCell label="État" first>
            <InvoiceStateBadge state={invoice.state} />
          </CardCell>
          <CardCell label="Paiements reçus">
            <PaymentsReceived payments={invoice.payments} />
          </CardCell>
          <CardCell>
            <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <Link
                href={`/espace/factures/${invoice.id}`}
                className="whitespace-nowrap text-brand underline hover:no-underline"
                aria-label={`Voir la facture n° ${invoice.number}`}
              >
                <span aria-hidden="true">🔍 </span>Voir
              </Link>
              <InvoicePdfLink invoice={invoice} />
              {invoice.payOnline ? <PayOnlineForm invoiceId={invoice.id} remainingCents={invoice.remainingCents} /> : null}
            </span>
          </CardCell>
        </CardRow>
      ))}
    </PagedCardTable>
  );
}

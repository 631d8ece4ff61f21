import Link from "next/link";

import { InvoiceStateBadge } from "@/components/billing/invoice-state-badge";
import { PayOnlineForm } from "@/components/billing/pay-online-form";
import { CardCell, CardRow, CardTable } from "@/components/ui/card-table";
import { Panel } from "@/components/ui/panel";
import type { InvoicesToPay } from "@/lib/billing/family-invoices";
import { formatAmount } from "@/lib/billing/invoice-state";

const COLUMNS = ["N°", "Mois", "Reste à payer", "Échéance", "État", "Actions"];

/** FACTURES: the invoices left to pay, the oldest due first, with « Payer en ligne » and « Voir mes factures » (the page loads them). */
export function InvoicesBlock({ invoices }: { invoices: InvoicesToPay }) {
  return (
    <Panel
      title="Factures"
      actions={
        <Link href="/espace/factures" className="rounded bg-white px-3 py-1 text-sm font-bold text-brand hover:bg-blue-50">
          Voir mes factures
        </Link>
      }
    >
      {invoices.total === 0 ? (
        <p className="text-muted">Aucune facture à payer.</p>
      ) : (
        <div className="space-y-3">
          <h3 className="font-semibold">{invoices.total === 1 ? "1 facture à payer" : `${invoices.total} factures à payer`}</h3>
          <CardTable caption="Les factures à payer, la plus ancienne échéance d'abord" look="ruled" columns={COLUMNS}>
            {invoices.items.map((invoice) => (
              <CardRow key={invoice.id} testId={`facture-a-payer-${invoice.number}`}>
                <CardCell label="N°" className="font-mono">
                  {invoice.number}
                </CardCell>
                <CardCell label="Mois">{invoice.title}</CardCell>
                <CardCell label="Reste à payer" className="font-semibold whitespace-nowrap">
                  {formatAmount(invoice.remainingCents)}
                </CardCell>
                <CardCell label="Échéance">{invoice.dueOn}</CardCell>
                <CardCell label="État" first>
                  <InvoiceStateBadge state={invoice.state} />
                </CardCell>
                <CardCell>
                  <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
                    <Link
                      href={`/espace/factures/${invoice.id}`}
                      className="whitespace-nowrap text-brand underline hover:no-underline"
                      aria-label={`Voir la facture n° ${invoice.number}`}
                    >
                      Voir
                    </Link>
                    {invoice.payOnline ? (
                      <PayOnlineForm invoiceId={invoice.id} remainingCents={invoice.remainingCents} />
                    ) : (
                      <span className="text-sm">À régler au Guichet unique</span>
                    )}
                  </span>
                </CardCell>
              </CardRow>
            ))}
          </CardTable>
          {invoices.total > invoices.items.length ? (
            <p>
              <Link href="/espace/factures" className="text-brand underline hover:no-underline">
                Voir les {invoices.total} factures à payer
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </Panel>
  );
}

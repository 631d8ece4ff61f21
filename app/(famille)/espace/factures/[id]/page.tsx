import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { InvoicePdfLink } from "@/components/billing/invoice-pdf-link";
import { InvoiceStateBadge } from "@/components/billing/invoice-state-badge";
import { PayOnlineForm } from "@/components/billing/pay-online-form";
import { PaymentsReceived } from "@/components/billing/payments-received";
import { CardCell, CardRow, CardTable } from "@/components/ui/card-table";
import { parentPage } from "@/lib/auth/session";
import { getFamilyInvoice } from "@/lib/billing/family-invoices";
import { formatAmount } from "@/lib/billing/invoice-state";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { familyInvoiceTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const title = id ? await familyInvoiceTitle(getDb(), await parentPage(), id) : null;
  return { title: title ?? "Facture" };
}

const LINE_COLUMNS = ["Enfant", "Service", "Date", "Prestation", "Quantité", "Prix unitaire", "Montant"];

// One invoice (or credit note) of the family: its facts, lines by child then service, payments,
// PDF and « Payer en ligne ». Another family's id answers 404, as an unknown one.
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await parentPage();
  const id = requireId((await params).id);
  const invoice = await getFamilyInvoice(getDb(), viewer, id, clock.today());
  if (!invoice) notFound();
  const creditNote = invoice.kind === "CREDIT_NOTE";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand">
          {creditNote ? "Avoir" : "Facture"} n° {invoice.number}
        </h1>
        <p className="text-lg">{invoice.title}</p>
      </div>
      <section aria-labelledby="facture-resume" className="space-y-3 rounded-lg bg-white p-4 shadow">
        <h2 id="facture-resume" className="sr-only">
          Résumé
        </h2>
        <ul className="space-y-1">
          <li>
            État : <InvoiceStateBadge state={invoice.state} />
          </li>
          <li>Régie : {invoice.regie}</li>
          <li>Émise le {invoice.issuedOn}</li>
          {creditNote ? null : <li>À payer avant le {invoice.dueOn}</li>}
          <li>
            {creditNote ? "Montant de l'avoir" : "Montant"} : <strong>{formatAmount(invoice.totalCents)}</strong>
          </li>
          {creditNote ? null : (
            <>
              <li>Déjà payé : {formatAmount(invoice.paidCents)}</li>
              <li>
                Reste à payer : <strong>{formatAmount(invoice.remainingCents)}</strong>
              </li>
            </>
          )}
          {invoice.cancels ? (
            <li>
              Cet avoir annule la{" "}
              <Link href={`/espace/factures/${invoice.cancels.id}`} className="text-brand underline">
                facture n° {invoice.cancels.number}
              </Link>
            </li>
          ) : null}
          {invoice.creditNote ? (
            <li>
              Annulée par l&apos;
              <Link href={`/espace/factures/${invoice.creditNote.id}`} className="text-brand underline">
                avoir n° {invoice.creditNote.number}
              </Link>{" "}
              du {invoice.creditNote.issuedOn}
            </li>
          ) : null}
          {invoice.cancelReason ? <li>Motif : {invoice.cancelReason}</li> : null}
        </ul>
        <p className="flex flex-wrap items-center gap-4">
          <InvoicePdfLink invoice={invoice} label="Télécharger le PDF" />
          {invoice.payOnline ? <PayOnlineForm invoiceId={invoice.id} remainingCents={invoice.remainingCents} /> : null}
        </p>
        {!creditNote && invoice.remainingCents > 0 && !invoice.payOnline ? (
          <p className="text-sm">À régler auprès du Guichet unique (espèces, chèque, CESU ou virement).</p>
        ) : null}
      </section>

      <section aria-labelledby="facture-lignes" className="space-y-2">
        <h2 id="facture-lignes" className="text-xl font-bold text-brand">
          Détail
        </h2>
        {invoice.lines.length === 0 ? (
          <p className="text-muted">Aucune ligne.</p>
        ) : (
          <div role="region" aria-label="Détail de la facture" tabIndex={0} className="relative sm:overflow-x-auto">
            <CardTable
              tableClassName="sm:min-w-[44rem]"
              caption="Les journées facturées, par enfant puis par service"
              look="brand"
              columns={LINE_COLUMNS}
            >
              {invoice.lines.map((line) => (
                <CardRow key={line.id}>
                  <CardCell label="Enfant" first>
                    {line.childName}
                  </CardCell>
                  <CardCell label="Service">{line.serviceLabel}</CardCell>
                  <CardCell label="Date">{line.date ?? "—"}</CardCell>
                  <CardCell label="Prestation">
                    {line.unitLabel}
                    {line.pricing ? <span className="block text-xs text-muted">{line.pricing}</span> : null}
                  </CardCell>
                  <CardCell label="Quantité">{line.quantity}</CardCell>
                  <CardCell label="Prix unitaire" className="whitespace-nowrap">
                    {formatAmount(line.unitPriceCents)}
                  </CardCell>
                  <CardCell label="Montant" className="whitespace-nowrap">
                    {formatAmount(line.amountCents)}
                  </CardCell>
                </CardRow>
              ))}
            </CardTable>
          </div>
        )}
      </section>

      {creditNote ? null : (
        <section aria-labelledby="facture-paiements" className="space-y-2">
          <h2 id="facture-paiements" className="text-xl font-bold text-brand">
            Paiements reçus
          </h2>
          <PaymentsReceived payments={invoice.payments} />
        </section>
      )}

      <Link href="/espace/factures" className="inline-block rounded border border-brand px-5 py-2 font-bold text-brand">
        Retour à mes factures
      </Link>
    </div>
  );
}

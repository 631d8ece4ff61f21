import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CancelInvoiceForm } from "@/components/admin/billing/cancel-invoice-form";
import { InvoiceStateBadge } from "@/components/admin/invoices/invoice-state-badge";
import { ManualPaymentForm } from "@/components/admin/invoices/manual-payment-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/billing-month";
import { formatAmount } from "@/lib/billing/invoice-state";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/payment-methods";
import { getInvoiceForStaff } from "@/lib/billing/staff-invoices";
import { formatEuros } from "@/lib/catalogue/unit-rules";
import * as clock from "@/lib/clock";
import { dateToDay, formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/http/url-params";
import { PAYFIP_STATUS_LABELS } from "@/lib/payfip/status-labels";

import { cancelInvoiceAction } from "../../facturation/actions";
import { recordPaymentAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

async function loadInvoice(params: Props["params"]) {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  return id ? getInvoiceForStaff(getDb(), viewer, id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const invoice = await loadInvoice(params);
  return {
    title: invoice
      ? `${invoice.kind === "INVOICE" ? "Facture" : "Avoir"} ${invoice.number} – famille ${invoice.family.name}`
      : "Facture",
  };
}

export default async function InvoicePage({ params }: Props) {
  const invoice = await loadInvoice(params);
  if (!invoice) notFound();
  const isInvoice = invoice.kind === "INVOICE";
  const title = `${isInvoice ? "Facture" : "Avoir"} ${invoice.number}`;
  const facts: [string, React.ReactNode][] = [
    [
      "Famille",
      <Link key="family" href={`/admin/familles/${invoice.family.id}`} className="underline">
        {invoice.family.name}
      </Link>,
    ],
    ["Facturé à", invoice.billingName],
    ["Régie", invoice.regie.name],
    ["Mois", `${monthLabel(invoice.month)}${invoice.rank > 1 ? ` (facture complémentaire ${invoice.rank})` : ""}`],
    ["Émise le", formatDay(invoice.issuedDay)],
    ...(isInvoice ? ([["Échéance", formatDay(invoice.dueDay)]] as [string, string][]) : []),
    ["Paiement en ligne", invoice.payableOnline ? "Oui (PayFiP)" : "Non : à régler auprès du Guichet unique"],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={title} back={{ href: "/admin/factures", label: "Factures" }} />
      <div className="flex flex-wrap items-center gap-3">
        <InvoiceStateBadge state={invoice.state} />
        <a href={`/api/factures/${invoice.id}/pdf`} className="font-semibold text-brand underline">
          Télécharger la facture (PDF)
        </a>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={isInvoice ? "La facture" : "L'avoir"}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {invoice.creditNote ? (
            <p className="mt-3">
              Annulée{invoice.cancelledAt ? ` le ${formatDateTime(invoice.cancelledAt)}` : ""} par l&apos;avoir{" "}
              <Link href={`/admin/factures/${invoice.creditNote.id}`} className="underline">
                {invoice.creditNote.number}
              </Link>
              {invoice.cancelReason ? ` – motif : ${invoice.cancelReason}` : ""}.
            </p>
          ) : null}
          {invoice.cancels ? (
            <p className="mt-3">
              Annule la facture{" "}
              <Link href={`/admin/factures/${invoice.cancels.id}`} className="underline">
                {invoice.cancels.number}
              </Link>
              {invoice.cancelReason ? ` – motif : ${invoice.cancelReason}` : ""}.
            </p>
          ) : null}
        </Panel>
        <Panel title="Montants">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
            <dt className="font-semibold">Total</dt>
            <dd className="text-right">{formatAmount(invoice.totalCents)}</dd>
            {isInvoice ? (
              <>
                <dt className="font-semibold">Déjà payé</dt>
                <dd className="text-right">{formatAmount(invoice.paidCents)}</dd>
                <dt className="font-semibold">Reste à payer</dt>
                <dd className="text-right font-bold">{formatAmount(invoice.remainingCents)}</dd>
              </>
            ) : null}
          </dl>
        </Panel>
      </div>

      <Panel title="Détail">
        {invoice.groups.length === 0 ? (
          <p className="text-muted">Aucune ligne.</p>
        ) : (
          <div className="space-y-4">
            {invoice.groups.map((group) => (
              <section key={`${group.childName}|${group.serviceLabel}`} aria-label={`${group.childName} – ${group.serviceLabel}`}>
                <h3 className="font-semibold">
                  {group.childName} – {group.serviceLabel}
                </h3>
                <div
                  role="region"
                  aria-label={`Lignes de ${group.childName}, ${group.serviceLabel}`}
                  tabIndex={0}
                  className="overflow-x-auto"
                >
                  <DataTable
                    className="w-full min-w-[40rem] text-left text-sm"
                    look="ruled"
                    columns={["Date", "Unité", "Tranche", "Quantité", "Prix unitaire", "Montant"]}
                  >
                    {group.lines.map((line) => (
                      <tr key={line.id} className="border-b border-gray-200">
                        <td className="py-1 pr-3">{line.date ? formatDay(dateToDay(line.date)) : "—"}</td>
                        <td className="py-1 pr-3">{line.unitLabel}</td>
                        <td className="py-1 pr-3">
                          {line.bracketLabel ?? "—"}
                          {line.quotientFamilial === null ? " (sans QF)" : ` (QF ${line.quotientFamilial})`}
                        </td>
                        <td className="py-1 pr-3">{line.quantity}</td>
                        <td className="py-1 pr-3 whitespace-nowrap">{formatAmount(line.unitPriceCents)}</td>
                        <td className="py-1 text-right whitespace-nowrap">{formatAmount(line.amountCents)}</td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row" colSpan={5} className="py-1 pr-3 text-right font-semibold">
                        Sous-total
                      </th>
                      <td className="py-1 text-right font-semibold whitespace-nowrap">{formatAmount(group.totalCents)}</td>
                    </tr>
                  </DataTable>
                </div>
              </section>
            ))}
          </div>
        )}
      </Panel>

      {isInvoice ? (
        <Panel title="Paiements">
          {invoice.payments.length === 0 ? (
            <p className="text-muted">Aucun paiement reçu.</p>
          ) : (
            <div role="region" aria-label="Tableau des paiements" tabIndex={0} className="overflow-x-auto">
              <DataTable
                className="w-full min-w-[40rem] text-left text-sm"
                look="ruled"
                caption="Paiements reçus, dans l'ordre"
                columns={["Reçu le", "Mode", "N° de quittance ou de chèque", "Enregistré par", "Montant"]}
              >
                {invoice.payments.map((payment) => (
                  <tr key={payment.id} className="border-b border-gray-200">
                    <td className="py-1 pr-3">{formatDay(payment.receivedDay)}</td>
                    <td className="py-1 pr-3">
                      {PAYMENT_METHOD_LABELS[payment.method]}
                      {payment.idOp ? ` (idOp ${payment.idOp})` : ""}
                    </td>
                    <td className="py-1 pr-3">{payment.receiptNumber ?? "—"}</td>
                    <td className="py-1 pr-3">{payment.recordedBy ?? "—"}</td>
                    <td className="py-1 text-right whitespace-nowrap">{formatAmount(payment.amountCents)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
        </Panel>
      ) : null}

      {invoice.payable ? (
        <Panel title="Enregistrer un paiement">
          <ManualPaymentForm
            action={recordPaymentAction}
            invoiceId={invoice.id}
            remaining={formatEuros(invoice.remainingCents)}
            today={clock.today()}
          />
        </Panel>
      ) : null}

      {isInvoice ? (
        <Panel title="Paiements en ligne (PayFiP)">
          {invoice.payfipOperations.length === 0 ? (
            <p className="text-muted">Aucune tentative de paiement en ligne.</p>
          ) : (
            <div role="region" aria-label="Tableau des opérations PayFiP" tabIndex={0} className="overflow-x-auto">
              <DataTable
                className="w-full min-w-[36rem] text-left text-sm"
                look="ruled"
                caption="Opérations PayFiP de cette facture"
                columns={["Créée le", "idOp", "Montant", "État"]}
              >
                {invoice.payfipOperations.map((operation) => (
                  <tr key={operation.id} className="border-b border-gray-200">
                    <td className="py-1 pr-3">{formatDateTime(operation.createdAt)}</td>
                    <td className="py-1 pr-3 break-all">{operation.idOp}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatAmount(operation.amountCents)}</td>
                    <td className="py-1">
                      {PAYFIP_STATUS_LABELS[operation.status]}
                      {operation.flagReason ? ` – ${operation.flagReason}` : ""}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
          <p className="mt-2">
            <Link href="/admin/paiements-en-ligne" className="underline">
              Toutes les transactions PayFiP
            </Link>
          </p>
        </Panel>
      ) : null}

      {isInvoice && invoice.status !== "CANCELLED" ? (
        <Panel title="Annuler la facture">
          <p className="mb-3 text-muted">
            L&apos;annulation émet un avoir numéroté et libère les journées pour une nouvelle facturation. Une facture qui a reçu
            un paiement ne s&apos;annule pas.
          </p>
          <CancelInvoiceForm action={cancelInvoiceAction} invoiceId={invoice.id} number={invoice.number} />
        </Panel>
      ) : null}
    </div>
  );
}

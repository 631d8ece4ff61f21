import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PayOnlineForm } from "@/components/billing/pay-online-form";
import { parentPage } from "@/lib/auth/session";
import { formatAmount, INVOICE_STATE_LABELS } from "@/lib/billing/invoice-state";
import { getDb } from "@/lib/db/client";
import { requireId } from "@/lib/http/url-params";
import { familyPaymentOperation } from "@/lib/payfip/operations-query";

export const metadata: Metadata = { title: "Résultat du paiement en ligne" };

// Where the parent lands back from PayFiP (app/api/payfip/retour settled the attempt first):
// the result of this attempt, and the invoice's state. Only the family's own attempts.
export default async function PaymentResultPage({ params }: { params: Promise<{ operationId: string }> }) {
  const viewer = await parentPage();
  const id = requireId((await params).operationId);
  const payment = await familyPaymentOperation(getDb(), viewer, id);
  if (!payment) notFound();
  const { invoice } = payment;

  const result = {
    PAID: {
      title: "Votre paiement a été accepté",
      text: `Le paiement de ${formatAmount(payment.amountCents)} est enregistré sur la facture ${invoice.number}.`,
      tone: "bg-green-50 text-green-900",
    },
    REFUSED: {
      title: "Votre paiement a été refusé",
      text: "La banque a refusé le paiement : rien n'a été débité. La facture reste à payer ; vous pouvez réessayer avec une autre carte ou la régler auprès du Guichet unique.",
      tone: "bg-red-50 text-red-900",
    },
    ABANDONED: {
      title: "Paiement abandonné",
      text: "Vous avez abandonné le paiement sur PayFiP : rien n'a été débité. La facture reste à payer.",
      tone: "bg-amber-50 text-amber-900",
    },
    EXPIRED: {
      title: "Paiement non abouti",
      text: "Le paiement n'a pas abouti dans le délai imparti : rien n'a été débité. La facture reste à payer.",
      tone: "bg-amber-50 text-amber-900",
    },
    INITIATED: {
      title: "Paiement en cours de vérification",
      text: "PayFiP ne nous a pas encore transmis le résultat de votre paiement. Il apparaîtra sur vos factures dans quelques minutes ; inutile de payer une seconde fois.",
      tone: "bg-blue-50 text-blue-900",
    },
    FLAGGED: {
      title: "Paiement en cours de vérification",
      text: "Votre paiement doit être vérifié par le Guichet unique, qui reviendra vers vous si nécessaire. Inutile de payer une seconde fois.",
      tone: "bg-blue-50 text-blue-900",
    },
  }[payment.status];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">{result.title}</h1>
      <div role="status" className={`rounded px-4 py-3 ${result.tone}`}>
        <p>{result.text}</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Facture</dt>
        <dd>{invoice.number}</dd>
        <dt className="font-semibold">État de la facture</dt>
        <dd>
          <strong>{INVOICE_STATE_LABELS[invoice.state]}</strong>
        </dd>
        {invoice.remainingCents > 0 ? (
          <>
            <dt className="font-semibold">Reste à payer</dt>
            <dd>{formatAmount(invoice.remainingCents)}</dd>
          </>
        ) : null}
      </dl>
      {invoice.payable && (payment.status === "REFUSED" || payment.status === "ABANDONED" || payment.status === "EXPIRED") ? (
        <PayOnlineForm invoiceId={invoice.id} remainingCents={invoice.remainingCents} />
      ) : null}
      <p>
        <Link href="/espace/factures" className="font-semibold text-brand underline">
          Retour à mes factures
        </Link>
      </p>
    </div>
  );
}

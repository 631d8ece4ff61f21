"use client";

import { payOnlineAction } from "@/app/(famille)/espace/factures/payment-actions";
import { ButtonActionForm } from "@/components/ui/form/button-action-form";
import { formatAmount } from "@/lib/billing/invoice-state";
import { ZPayOnlineSchema } from "@/lib/payfip/payfip.schema";

// « Payer en ligne » for one invoice (SPEC §8): the server action creates the PayFiP operation
// and sends the parent to PayFiP's secure page (or, when an earlier attempt turns out paid, says
// so and refreshes the page). A refusal is announced under the button; the invoice stays payable.
export function PayOnlineForm({ invoiceId, remainingCents }: { invoiceId: string; remainingCents: number }) {
  return (
    <ButtonActionForm
      action={payOnlineAction}
      schema={ZPayOnlineSchema}
      hiddenFields={{ invoiceId }}
      success={{
        message: (data) => data.message,
        className: "rounded bg-green-50 px-4 py-3 font-semibold text-green-900",
        focus: true,
      }}
      className="space-y-2"
      buttonClassName="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
      busy
      label={`Payer en ligne ${formatAmount(remainingCents)}`}
      pendingLabel="Redirection vers PayFiP…"
    >
      <p className="text-sm text-gray-700">
        Paiement sécurisé par carte bancaire sur PayFiP, le service de paiement de l&apos;État.
      </p>
    </ButtonActionForm>
  );
}

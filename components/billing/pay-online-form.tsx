"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import { payOnlineAction } from "@/app/(famille)/espace/factures/payment-actions";
import { ActionError } from "@/components/ui/form/action-error";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import { formatAmount } from "@/lib/billing/invoice-state";
import { ZPayOnlineSchema } from "@/lib/payfip/payfip.schema";

// « Payer en ligne » for one invoice (SPEC §8): the server action creates the PayFiP operation
// and sends the parent to PayFiP's secure page (or, when an earlier attempt turns out paid, says
// so and refreshes the page). A refusal is announced under the button; the invoice stays payable.
export function PayOnlineForm({ invoiceId, remainingCents }: { invoiceId: string; remainingCents: number }) {
  const router = useRouter();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const { result, pending, post } = useCheckedAction(payOnlineAction, ZPayOnlineSchema, () => {
    requestAnimationFrame(() => messageRef.current?.focus());
    router.refresh();
  });
  const amount = formatAmount(remainingCents);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post(new FormData(event.currentTarget));
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
      >
        {pending ? "Redirection vers PayFiP…" : `Payer en ligne ${amount}`}
      </button>
      <p className="text-sm text-gray-700">
        Paiement sécurisé par carte bancaire sur PayFiP, le service de paiement de l&apos;État.
      </p>
      <div role="status" aria-live="polite">
        {result?.ok ? (
          <p ref={messageRef} tabIndex={-1} className="rounded bg-green-50 px-4 py-3 font-semibold text-green-900">
            {result.data.message}
          </p>
        ) : null}
      </div>
      <ActionError result={result} />
    </form>
  );
}

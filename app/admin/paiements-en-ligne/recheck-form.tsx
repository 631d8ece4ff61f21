"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import { ZRecheckPayfipSchema } from "@/lib/payfip/payfip.schema";

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ message: string }>>;
  operationId: string;
  invoiceNumber: string;
};

/** « Revérifier » one PayFiP operation: the result is announced beside the button, which keeps the focus. */
export function RecheckForm({ action, operationId, invoiceNumber }: Props) {
  const router = useRouter();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const { result, pending, post } = useCheckedAction(action, ZRecheckPayfipSchema, () => router.refresh());

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post(new FormData(event.currentTarget));
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-1">
      <input type="hidden" name="operationId" value={operationId} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded border border-brand bg-white px-3 py-2 font-semibold text-brand hover:bg-blue-50 disabled:opacity-70"
      >
        {pending ? "Patientez…" : "Revérifier"}
        <span className="sr-only"> le paiement de la facture {invoiceNumber}</span>
      </button>
      <div role="status" aria-live="polite">
        {result?.ok ? (
          <p ref={messageRef} className="text-sm text-green-900">
            {result.data.message}
          </p>
        ) : null}
      </div>
      <ActionError result={result} />
    </form>
  );
}

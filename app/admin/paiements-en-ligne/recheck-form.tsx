"use client";

import { ButtonActionForm } from "@/components/ui/form/button-action-form";
import type { ActionResult } from "@/lib/auth/action";
import { ZRecheckPayfipSchema } from "@/lib/payfip/payfip.schema";

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ message: string }>>;
  operationId: string;
  invoiceNumber: string;
};

/** « Revérifier » one PayFiP operation: the result is announced beside the button, which keeps the focus. */
export function RecheckForm({ action, operationId, invoiceNumber }: Props) {
  return (
    <ButtonActionForm
      action={action}
      schema={ZRecheckPayfipSchema}
      hiddenFields={{ operationId }}
      success={{ message: (data) => data.message, className: "text-sm text-green-900" }}
      className="space-y-1"
      buttonClassName="rounded border border-brand bg-white px-3 py-2 font-semibold text-brand hover:bg-blue-50 disabled:opacity-70"
      busy
      label="Revérifier"
      pendingLabel="Patientez…"
      srLabel={<> le paiement de la facture {invoiceNumber}</>}
    />
  );
}

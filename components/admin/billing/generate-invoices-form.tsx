"use client";

import { useState } from "react";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { formatAmount } from "@/lib/billing/invoice-state";
import { ZInvoicingSchema } from "@/lib/billing/invoicing.schema";

type Issued = { invoiceCount: number; totalCents: number; firstNumber: string | null; lastNumber: string | null };

/** « Générer les factures » of the previewed month and régie, with a confirmation; then what was issued. */
export function GenerateInvoicesForm({
  action,
  regieId,
  month,
  confirmMessage,
}: {
  action: FormDataAction;
  regieId: string;
  month: string;
  confirmMessage: string;
}) {
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm
        action={action}
        schema={ZInvoicingSchema}
        submitLabel="Générer les factures"
        confirmMessage={confirmMessage}
        hiddenFields={{ regieId, month }}
        onSuccess={(data) => setIssued(data as Issued)}
      />
      <div role="status" aria-live="polite">
        {issued ? (
          <p className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
            {issued.invoiceCount === 0
              ? "Aucune nouvelle journée à facturer pour ce mois : aucune facture n'a été émise."
              : `${issued.invoiceCount} facture${issued.invoiceCount > 1 ? "s" : ""} émise${issued.invoiceCount > 1 ? "s" : ""} : ` +
                `${issued.firstNumber}${issued.lastNumber !== issued.firstNumber ? ` à ${issued.lastNumber}` : ""}, ` +
                `total ${formatAmount(issued.totalCents)}. Les familles sont prévenues par e-mail.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}

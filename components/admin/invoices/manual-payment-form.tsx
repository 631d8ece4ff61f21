"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/payment-methods";
import { MANUAL_PAYMENT_METHODS, ZManualPaymentSchema } from "@/lib/billing/staff-invoice.schema";

/**
 * « Enregistrer un paiement »: a payment received at the Guichet unique. The amount starts at
 * what remains (a partial payment is typed over it); the server refuses more than that.
 */
export function ManualPaymentForm({
  action,
  invoiceId,
  remaining,
  today,
}: {
  action: FormDataAction;
  invoiceId: string;
  /** What remains to pay, as typed: « 12,50 ». */
  remaining: string;
  today: string;
}) {
  return (
    <ActionForm
      action={action}
      schema={ZManualPaymentSchema}
      submitLabel="Enregistrer le paiement"
      successMessage="Le paiement a été enregistré."
      hiddenFields={{ invoiceId }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="method"
          label="Mode de paiement"
          required
          placeholder="Choisir…"
          options={MANUAL_PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))}
        />
        <TextField
          name="amount"
          label="Montant (€)"
          required
          inputMode="decimal"
          defaultValue={remaining}
          hint={`Par exemple 12,50 ; au plus ${remaining} € (le reste à payer).`}
        />
        <TextField name="receivedOn" label="Reçu le" type="date" required defaultValue={today} />
        <TextField
          name="receiptNumber"
          label="N° de quittance ou de chèque"
          hint="Obligatoire pour les espèces, les chèques et les CESU ; facultatif pour un virement."
        />
      </div>
    </ActionForm>
  );
}

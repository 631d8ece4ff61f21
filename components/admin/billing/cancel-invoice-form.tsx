"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { TextField } from "@/components/ui/form/text-field";
import { ZCancelInvoiceSchema } from "@/lib/billing/invoicing.schema";

/** « Annuler la facture »: issues a credit note (avoir) and frees the invoice's days for the next run. */
export function CancelInvoiceForm({ action, invoiceId, number }: { action: FormDataAction; invoiceId: string; number: string }) {
  return (
    <ActionForm
      action={action}
      schema={ZCancelInvoiceSchema}
      submitLabel="Annuler la facture (avoir)"
      successMessage="Facture annulée : l'avoir est émis et ses journées seront refacturées au prochain lancement."
      confirmMessage={`Annuler la facture ${number} ? Un avoir numéroté sera émis ; cette opération ne peut pas être défaite.`}
      variant="danger"
      hiddenFields={{ invoiceId }}
    >
      <TextField label="Motif de l'annulation" name="reason" required multiline rows={2} />
    </ActionForm>
  );
}

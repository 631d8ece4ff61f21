"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZManualPaymentSchema } from "@/lib/billing/staff-invoice.schema";
import { recordManualPayment } from "@/lib/billing/staff-invoices";

/** « Enregistrer un paiement »: the invoice's page and the list show what remains. */
export const recordPaymentAction = staffAction(ZManualPaymentSchema, async (input, viewer, db) => {
  const result = await recordManualPayment(db, viewer, input);
  revalidatePath(`/admin/factures/${input.invoiceId}`);
  revalidatePath("/admin/factures");
  return result;
});

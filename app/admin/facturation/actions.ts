"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { cancelInvoice } from "@/lib/billing/credit-note";
import { generateInvoices } from "@/lib/billing/invoicing-run";
import { ZCancelInvoiceSchema, ZInvoicingSchema } from "@/lib/billing/invoicing.schema";

// « Facturation »: agents and admins issue the month's invoices of a régie, and cancel an invoice
// with a credit note (the form sits on the staff invoice page).

export const generateInvoicesAction = staffAction(ZInvoicingSchema, async (input, viewer, db) => {
  const result = await generateInvoices(db, viewer, input);
  revalidatePath("/admin/facturation");
  return {
    invoiceCount: result.invoiceCount,
    totalCents: result.totalCents,
    firstNumber: result.firstNumber,
    lastNumber: result.lastNumber,
  };
});

export const cancelInvoiceAction = staffAction(ZCancelInvoiceSchema, async (input, viewer, db) => {
  const result = await cancelInvoice(db, viewer, input);
  revalidatePath(`/admin/factures/${input.invoiceId}`);
  revalidatePath("/admin/facturation");
  return result;
});

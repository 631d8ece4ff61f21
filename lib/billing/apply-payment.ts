import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

// The one place money is recorded against an invoice, whoever received it (a manual payment at
// the Guichet unique, or a PayFiP operation settled as paid). It runs inside the caller's
// transaction, locks the invoice row, refuses a cancelled invoice or more than what remains,
// and keeps paidCents / status / paidAt in step with the payments.

type Tx = Prisma.TransactionClient;

export type PaymentInput = {
  invoiceId: string;
  method: "PAYFIP" | "ESPECES" | "CHEQUE" | "CESU" | "VIREMENT";
  amountCents: number;
  receivedAt: Date;
  receiptNumber?: string | null;
  recordedByUserId?: string | null;
  payfipOperationId?: string | null;
};

export async function applyPayment(tx: Tx, input: PaymentInput): Promise<{ paymentId: string; paidInFull: boolean }> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError("INVALID", "Le montant du paiement doit être positif.");
  }
  const [invoice] = await tx.$queryRaw<{ kind: string; status: string; totalCents: number; paidCents: number }[]>`
    SELECT "kind", "status", "totalCents", "paidCents" FROM "Invoice" WHERE "id" = ${input.invoiceId} FOR UPDATE`;
  if (!invoice || invoice.kind !== "INVOICE") throw new AppError("NOT_FOUND", "Facture introuvable.");
  if (invoice.status === "CANCELLED")
    throw new AppError("INVOICE_CANCELLED", "Cette facture est annulée : elle ne se paie plus.");
  const remaining = invoice.totalCents - invoice.paidCents;
  if (remaining <= 0) throw new AppError("INVOICE_PAID", "Cette facture est déjà entièrement payée.");
  if (input.amountCents > remaining) {
    throw new AppError("OVERPAYMENT", "Le montant dépasse ce qui reste à payer sur cette facture.");
  }
  const payment = await tx.payment.create({
    data: {
      invoiceId: input.invoiceId,
      method: input.method,
      amountCents: input.amountCents,
      receivedAt: input.receivedAt,
      receiptNumber: input.receiptNumber ?? null,
      recordedByUserId: input.recordedByUserId ?? null,
      payfipOperationId: input.payfipOperationId ?? null,
    },
    select: { id: true },
  });
  const paidInFull = input.amountCents === remaining;
  await tx.invoice.update({
    where: { id: input.invoiceId },
    data: {
      paidCents: { increment: input.amountCents },
      ...(paidInFull ? { status: "PAID", paidAt: input.receivedAt } : {}),
    },
  });
  return { paymentId: payment.id, paidInFull };
}

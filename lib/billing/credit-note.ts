import "server-only";

import crypto from "node:crypto";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import { dayToDate, parisToday } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { INVOICE_LINE_SHOWN } from "./invoice-lines";
import { invoiceNumber, invoiceReference } from "./invoice-number";

// Cancelling an invoice (SPEC §8, issue #14 points 2 and 7): a numbered credit note (avoir,
// A-<régie>-<année>-<n>, its own gap-free series from the locked InvoiceCounter row) mirrors
// the invoice's lines with negative amounts; the invoice becomes CANCELLED and its days are free
// to be billed again by the next run (their lines' billedDayId is cleared; the credit note's
// lines keep reservationDayId for history) — and so are its crèche contracts' months
// (billedContractKey cleared, contractId kept). An invoice that received money is not cancelled
// here: the payments would have to be refunded first.

export type CancelInvoiceInput = { invoiceId: string; reason: string };

export async function cancelInvoice(
  db: PrismaClient,
  viewer: StaffViewer,
  input: CancelInvoiceInput,
  options: { now?: Date } = {},
): Promise<{ creditNoteId: string; number: string }> {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  const issueDay = parisToday(now);
  const year = Number(issueDay.slice(0, 4));
  const reason = input.reason.trim();
  if (!reason) throw new AppError("INVALID", "Indiquez le motif de l'annulation.");

  return db.$transaction(async (tx) => {
    // The invoice's row lock: a payment being recorded (applyPayment) and this cancellation are serialised.
    const [invoice] = await tx.$queryRaw<{ kind: string; status: string; paidCents: number }[]>`
      SELECT "kind", "status", "paidCents" FROM "Invoice" WHERE "id" = ${input.invoiceId} FOR UPDATE`;
    if (!invoice || invoice.kind !== "INVOICE") throw new AppError("NOT_FOUND", "Facture introuvable.");
    if (invoice.status === "CANCELLED") throw new AppError("INVOICE_CANCELLED", "Cette facture est déjà annulée.");
    const payments = await tx.payment.count({ where: { invoiceId: input.invoiceId } });
    if (payments > 0 || invoice.paidCents > 0) {
      throw new AppError(
        "INVOICE_PAID",
        "Cette facture a déjà reçu un paiement : elle ne peut pas être annulée par un avoir tant que ce paiement n'est pas remboursé.",
      );
    }
    const pending = await tx.payfipOperation.count({ where: { invoiceId: input.invoiceId, status: "INITIATED" } });
    if (pending > 0) {
      throw new AppError(
        "PAYMENT_IN_PROGRESS",
        "Un paiement en ligne est en cours sur cette facture : attendez son résultat (ou « Revérifier ») avant de l'annuler.",
      );
    }
    const original = await tx.invoice.findUniqueOrThrow({
      where: { id: input.invoiceId },
      select: {
        number: true,
        regieId: true,
        regie: { select: { code: true } },
        familyId: true,
        month: true,
        rank: true,
        totalCents: true,
        billingName: true,
        billingAddress: true,
        payerEmail: true,
        lines: {
          select: {
            ...INVOICE_LINE_SHOWN,
            reservationDayId: true,
            childId: true,
            unitId: true,
            contractId: true,
            taxEligible: true,
          },
        },
      },
    });

    await tx.$executeRaw`
      INSERT INTO "InvoiceCounter" ("regieId", "year", "kind", "lastNumber") VALUES (${original.regieId}, ${year}, 'CREDIT_NOTE', 0)
      ON CONFLICT DO NOTHING`;
    const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
      SELECT "lastNumber" FROM "InvoiceCounter"
       WHERE "regieId" = ${original.regieId} AND "year" = ${year} AND "kind" = 'CREDIT_NOTE' FOR UPDATE`;
    const sequence = counter.lastNumber + 1;
    const number = invoiceNumber("CREDIT_NOTE", original.regie.code, year, sequence);
    await tx.invoiceCounter.update({
      where: { regieId_year_kind: { regieId: original.regieId, year, kind: "CREDIT_NOTE" } },
      data: { lastNumber: sequence },
    });

    // The days first leave the invoice (free to be billed again), then the credit note mirrors its lines.
    await tx.invoiceLine.updateMany({
      where: { invoiceId: input.invoiceId },
      data: { billedDayId: null, billedContractKey: null },
    });
    const creditNoteId = crypto.randomUUID();
    await tx.invoice.create({
      data: {
        id: creditNoteId,
        kind: "CREDIT_NOTE",
        number,
        reference: invoiceReference(number),
        regieId: original.regieId,
        year,
        sequence,
        familyId: original.familyId,
        month: original.month,
        rank: original.rank,
        cancelsId: input.invoiceId,
        cancelReason: reason,
        payableOnline: false,
        status: "ISSUED",
        totalCents: -original.totalCents,
        issuedAt: now,
        dueDate: dayToDate(issueDay),
        billingName: original.billingName,
        billingAddress: original.billingAddress,
        payerEmail: original.payerEmail,
        lines: {
          createMany: {
            data: original.lines.map((line) => ({
              ...line,
              billedDayId: null,
              unitPriceCents: -line.unitPriceCents,
              amountCents: -line.amountCents,
            })),
          },
        },
      },
    });
    await tx.invoice.update({
      where: { id: input.invoiceId },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
    });
    await writeAudit(tx, viewer, {
      action: "invoice.cancel",
      familyId: original.familyId,
      targetType: "Invoice",
      targetId: input.invoiceId,
      details: { invoice: original.number, creditNote: number, totalCents: original.totalCents, reason },
    });
    return { creditNoteId, number };
  });
}

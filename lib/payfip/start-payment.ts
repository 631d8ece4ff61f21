import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/billing-month";
import { remainingCents } from "@/lib/billing/invoice-state";
import * as clock from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import { creerPaiementSecurise, PayfipError } from "./client";
import { callbackUrls, paymentPageUrl, type PayfipConfig } from "./config";
import { settleOperation } from "./settlement";

// « Payer en ligne » (SPEC §8): a parent starts a PayFiP payment of what remains on one of the
// family's invoices. The invoice is looked for among the family's own (another family's id finds
// nothing: « Facture introuvable »); only an invoice of a régie payable online, with its PayFiP
// client number, not cancelled, with something left to pay. Before a new idOp, the earlier
// attempts still open are re-checked with PayFiP: one that turns out paid is settled (and the
// parent reads « Cette facture vient d'être payée »), one still in progress blocks a second
// payment. A refusal by PayFiP writes nothing: the invoice stays payable.

export const JUST_PAID_MESSAGE = "Cette facture vient d'être payée.";
export const IN_PROGRESS_MESSAGE =
  "Un paiement en ligne de cette facture est déjà en cours. S'il a été interrompu, vous pourrez recommencer d'ici une vingtaine de minutes.";
export const PAYFIP_REFUSED_MESSAGE =
  "Le service de paiement PayFiP a refusé de préparer ce paiement. Réessayez plus tard ou réglez cette facture auprès du Guichet unique.";
export const PAYFIP_UNAVAILABLE_MESSAGE =
  "Le service de paiement PayFiP ne répond pas pour le moment. Réessayez dans quelques minutes ou réglez cette facture auprès du Guichet unique.";

export type StartPaymentResult = { kind: "redirect"; url: string; operationId: string } | { kind: "paid" };

export async function startPayment(
  db: DbClient,
  config: PayfipConfig,
  viewer: ParentViewer,
  invoiceId: string,
  /** The portal's public address (NEXTAUTH_URL or the request's origin): PayFiP calls us back there. */
  appUrl: string,
): Promise<StartPaymentResult> {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, familyId: viewer.familyId, kind: "INVOICE" },
    select: {
      id: true,
      kind: true,
      status: true,
      number: true,
      reference: true,
      month: true,
      totalCents: true,
      paidCents: true,
      payableOnline: true,
      payerEmail: true,
      regie: { select: { payableOnline: true, payfipClientNumber: true } },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "Facture introuvable.");
  if (invoice.status === "CANCELLED")
    throw new AppError("INVOICE_CANCELLED", "Cette facture est annulée : elle ne se paie plus.");
  const numcli = invoice.regie.payfipClientNumber;
  if (!invoice.payableOnline || !invoice.regie.payableOnline || !numcli) {
    throw new AppError("NOT_PAYABLE_ONLINE", "Cette facture ne se paie pas en ligne : réglez-la auprès du Guichet unique.");
  }
  if (remainingCents(invoice) <= 0) throw new AppError("INVOICE_PAID", "Cette facture est déjà entièrement payée.");

  // Never pay twice: the attempts still open are asked again before a new one.
  const open = await db.payfipOperation.findMany({
    where: { invoiceId: invoice.id, status: "INITIATED" },
    select: { idOp: true },
  });
  for (const { idOp } of open) {
    const settled = await settleOperation(db, config, idOp, "restart");
    if (settled?.status === "PAID") return { kind: "paid" };
    if (settled?.status === "INITIATED") throw new AppError("PAYMENT_IN_PROGRESS", IN_PROGRESS_MESSAGE);
  }
  const fresh = await db.invoice.findUniqueOrThrow({
    where: { id: invoice.id },
    select: { status: true, totalCents: true, paidCents: true, kind: true },
  });
  const amountCents = remainingCents(fresh);
  if (amountCents <= 0) return { kind: "paid" };

  const exer = Number(clock.today().slice(0, 4));
  const mel = invoice.payerEmail ?? viewer.email;
  const { urlnotif, urlredirect } = callbackUrls(appUrl);
  let idOp: string;
  try {
    idOp = await creerPaiementSecurise(config, {
      exer,
      mel,
      montantCents: amountCents,
      numcli,
      objet: `Facture ${invoice.number} ${monthLabel(invoice.month)}`,
      refdet: invoice.reference,
      saisie: config.saisie,
      urlnotif,
      urlredirect,
    });
  } catch (error) {
    if (error instanceof PayfipError) {
      console.warn(`[payfip] creerPaiementSecurise refusé pour ${invoice.number} : ${error.kind} ${error.message}`);
      if (error.kind === "fault" || error.kind === "invalid") throw new AppError("PAYFIP_REFUSED", PAYFIP_REFUSED_MESSAGE);
      throw new AppError("PAYFIP_UNAVAILABLE", PAYFIP_UNAVAILABLE_MESSAGE);
    }
    throw error;
  }

  // Two clicks at once each got an idOp: the invoice's row lock lets one of them be stored; the
  // other idOp is never shown to anyone (PayFiP forgets it after 15 minutes).
  const operation = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Invoice" WHERE "id" = ${invoice.id} FOR UPDATE`;
    const other = await tx.payfipOperation.count({ where: { invoiceId: invoice.id, status: "INITIATED" } });
    if (other > 0) throw new AppError("PAYMENT_IN_PROGRESS", IN_PROGRESS_MESSAGE);
    return tx.payfipOperation.create({
      data: {
        idOp,
        invoiceId: invoice.id,
        amountCents,
        payerEmail: mel,
        saisie: config.saisie,
        refdet: invoice.reference,
        exer,
        createdAt: clock.now(),
        createdByUserId: viewer.userId,
      },
      select: { id: true },
    });
  });
  return { kind: "redirect", url: paymentPageUrl(config, idOp), operationId: operation.id };
}

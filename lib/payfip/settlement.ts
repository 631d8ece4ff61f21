import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { applyPayment } from "@/lib/billing/apply-payment";
import { formatAmount } from "@/lib/billing/invoice-state";
import * as clock from "@/lib/clock";
import type { DbClient, Tx } from "@/lib/db/client";
import type { PayfipOperationStatus, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { isPayfipFault, PayfipError, recupererDetailPaiementSecurise } from "./client";
import type { PayfipConfig } from "./config";
import type { PaiementDetail } from "./soap";
import { parisTransactionInstant, parseMontant } from "./validation";

// Settles one PayFiP operation (SPEC §8, DESIGN « Money »): whoever asks — the notification, the
// parent's return, the polling job, staff's « Revérifier », or the start of a new attempt — the
// result is re-read from PayFiP (recupererDetailPaiementSecurise: nothing that came with the
// request is trusted), then applied in one transaction holding the operation's row lock, so the
// invoice is paid once whatever the order and however many ask at once:
//   P / V → PAID, and the payment through applyPayment (the only way money lands on an invoice);
//   R / Z → REFUSED; A → ABANDONED; P1 → EXPIRED; P5 → still INITIATED, EXPIRED from 20 minutes;
//   paid for another amount, another reference or more than remains → FLAGGED: pays nothing, staff decide.
// An operation already settled is left as it is (idempotent); an EXPIRED one may still be
// re-checked (a payer slower than 20 minutes), never a PAID, REFUSED, ABANDONED or FLAGGED one.

export type SettlementSource = "notification" | "return" | "poll" | "staff" | "restart";

/** P5 for this long after creation: PayFiP will never have a result (its idOp lives 15 minutes). */
export const P5_EXPIRY_MS = 20 * 60 * 1000;

const SETTLEABLE: PayfipOperationStatus[] = ["INITIATED", "EXPIRED"];

export type SettlementResult = {
  operationId: string;
  invoiceId: string;
  status: PayfipOperationStatus;
  /** Whether this call changed the operation's state. */
  changed: boolean;
  flagReason: string | null;
};

type Reading = { kind: "detail"; detail: PaiementDetail } | { kind: "pending" } | { kind: "unknown" }; // P1

const SOURCE_LABELS: Record<SettlementSource, string> = {
  notification: "notification PayFiP",
  return: "retour du payeur",
  poll: "vérification automatique",
  staff: "revérification par le guichet",
  restart: "nouvelle tentative de paiement",
};

async function readFromPayfip(config: PayfipConfig, idOp: string): Promise<Reading> {
  try {
    return { kind: "detail", detail: await recupererDetailPaiementSecurise(config, { idOp }) };
  } catch (error) {
    if (isPayfipFault(error, "P5")) return { kind: "pending" };
    if (isPayfipFault(error, "P1")) return { kind: "unknown" };
    if (error instanceof PayfipError) {
      throw new AppError(
        "PAYFIP_UNAVAILABLE",
        "Le service de paiement PayFiP ne répond pas pour le moment. Réessayez dans quelques minutes.",
      );
    }
    throw error;
  }
}

type LockedOperation = {
  id: string;
  invoiceId: string;
  status: PayfipOperationStatus;
  amountCents: number;
  refdet: string;
  createdAt: Date;
  checkCount: number;
};

/**
 * Settles the operation `idOp` (null when no operation has that id). Throws AppError
 * PAYFIP_UNAVAILABLE when PayFiP cannot be asked (nothing is changed then).
 */
export async function settleOperation(
  db: DbClient,
  config: PayfipConfig,
  idOp: string,
  source: SettlementSource,
  viewer: StaffViewer | null = null,
): Promise<SettlementResult | null> {
  const operation = await db.payfipOperation.findUnique({
    where: { idOp },
    select: { id: true, invoiceId: true, status: true, flagReason: true },
  });
  if (!operation) return null;
  const unchanged = { operationId: operation.id, invoiceId: operation.invoiceId, changed: false };
  if (!SETTLEABLE.includes(operation.status)) return { ...unchanged, status: operation.status, flagReason: operation.flagReason };

  // Outside the transaction: no call to PayFiP while a row is locked.
  const reading = await readFromPayfip(config, idOp);
  const at = clock.now();

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedOperation[]>`
      SELECT "id", "invoiceId", "status"::text AS "status", "amountCents", "refdet", "createdAt", "checkCount"
      FROM "PayfipOperation" WHERE "id" = ${operation.id} FOR UPDATE`;
    const seen = {
      lastCheckedAt: at,
      checkCount: { increment: 1 },
      ...(source === "notification" ? { notifiedAt: at } : {}),
    };
    if (!SETTLEABLE.includes(locked.status)) {
      // Settled by another request meanwhile.
      const current = await tx.payfipOperation.findUniqueOrThrow({
        where: { id: locked.id },
        select: { status: true, flagReason: true },
      });
      return { ...unchanged, ...current };
    }
    const decision = await decide(tx, locked, reading, at);
    if (decision.status === locked.status && !decision.detail) {
      await tx.payfipOperation.update({ where: { id: locked.id }, data: seen });
      return { ...unchanged, status: locked.status, flagReason: null };
    }
    let paymentId: string | null = null;
    if (decision.status === "PAID") {
      ({ paymentId } = await applyPayment(tx, {
        invoiceId: locked.invoiceId,
        method: "PAYFIP",
        amountCents: locked.amountCents,
        receivedAt: decision.receivedAt ?? at,
        payfipOperationId: locked.id,
      }));
    }
    await tx.payfipOperation.update({
      where: { id: locked.id },
      data: {
        ...seen,
        status: decision.status,
        flagReason: decision.flagReason,
        ...(decision.detail
          ? { resultrans: decision.detail.resultrans || null, detail: decision.detail as unknown as Prisma.InputJsonValue }
          : {}),
        settledAt: decision.status === "INITIATED" ? null : at,
      },
    });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: locked.invoiceId },
      select: { familyId: true, number: true },
    });
    await tx.auditLog.create({
      data: {
        at,
        actorUserId: viewer?.userId ?? null,
        actorRole: viewer?.role ?? null,
        action: "payfip.settle",
        familyId: invoice.familyId,
        targetType: "PayfipOperation",
        targetId: locked.id,
        details: {
          invoice: invoice.number,
          idOp,
          from: locked.status,
          to: decision.status,
          resultrans: decision.detail?.resultrans ?? null,
          amount: formatAmount(locked.amountCents),
          source: SOURCE_LABELS[source],
          ...(decision.flagReason ? { flagReason: decision.flagReason } : {}),
          ...(paymentId ? { paymentId } : {}),
        },
      },
    });
    return { ...unchanged, changed: true, status: decision.status, flagReason: decision.flagReason };
  });
}

type Decision = {
  status: PayfipOperationStatus;
  detail: PaiementDetail | null;
  flagReason: string | null;
  receivedAt?: Date | null;
};

async function decide(tx: Tx, operation: LockedOperation, reading: Reading, at: Date): Promise<Decision> {
  if (reading.kind === "unknown") return { status: "EXPIRED", detail: null, flagReason: null };
  if (reading.kind === "pending") {
    const expired = at.getTime() - operation.createdAt.getTime() >= P5_EXPIRY_MS;
    return { status: expired ? "EXPIRED" : operation.status, detail: null, flagReason: null };
  }
  const { detail } = reading;
  switch (detail.resultrans) {
    case "R":
    case "Z":
      return { status: "REFUSED", detail, flagReason: null };
    case "A":
      return { status: "ABANDONED", detail, flagReason: null };
    case "P":
    case "V": {
      const flagReason = await paidMismatch(tx, operation, detail);
      if (flagReason) return { status: "FLAGGED", detail, flagReason };
      return { status: "PAID", detail, flagReason: null, receivedAt: parisTransactionInstant(detail.dattrans, detail.heurtrans) };
    }
    default:
      return {
        status: "FLAGGED",
        detail,
        flagReason: `Résultat PayFiP inconnu (« ${detail.resultrans} ») : aucun paiement enregistré.`,
      };
  }
}

/** Why a payment PayFiP reports as made must not land on the invoice (French, for staff), or null. */
async function paidMismatch(tx: Tx, operation: LockedOperation, detail: PaiementDetail): Promise<string | null> {
  const invoice = await tx.invoice.findFirst({
    where: { reference: detail.refdet },
    select: { id: true, status: true, totalCents: true, paidCents: true },
  });
  if (!invoice || detail.refdet !== operation.refdet || invoice.id !== operation.invoiceId) {
    return `Référence PayFiP « ${detail.refdet} » inconnue ou différente de celle de l'opération (« ${operation.refdet} ») : paiement à rapprocher.`;
  }
  const montant = parseMontant(detail.montant);
  if (montant !== operation.amountCents) {
    return `Montant payé sur PayFiP (${montant === null ? detail.montant : formatAmount(montant)}) différent du montant demandé (${formatAmount(operation.amountCents)}) : paiement à rapprocher.`;
  }
  if (invoice.status === "CANCELLED")
    return "Facture annulée avant l'arrivée du paiement PayFiP : paiement à rembourser ou à réaffecter.";
  const remaining = invoice.totalCents - invoice.paidCents;
  if (operation.amountCents > remaining) {
    return `Le paiement PayFiP (${formatAmount(operation.amountCents)}) dépasse ce qui restait à payer (${formatAmount(Math.max(0, remaining))}) : paiement à rembourser ou à réaffecter.`;
  }
  return null;
}

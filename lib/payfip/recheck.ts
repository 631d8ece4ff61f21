import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import type { PayfipConfig } from "./config";
import { settleOperation } from "./settlement";
import { PAYFIP_STATUS_LABELS } from "./status-labels";

/** « Revérifier » (staff): asks PayFiP again about one operation and says, in French, what it found. */
export async function recheckOperation(
  db: DbClient,
  config: PayfipConfig,
  viewer: StaffViewer,
  operationId: string,
): Promise<{ message: string }> {
  assertStaffViewer(viewer);
  const operation = await db.payfipOperation.findUnique({
    where: { id: operationId },
    select: { idOp: true, invoice: { select: { number: true } } },
  });
  if (!operation) throw new AppError("NOT_FOUND", "Paiement en ligne introuvable.");
  const result = await settleOperation(db, config, operation.idOp, "staff", viewer);
  if (!result) throw new AppError("NOT_FOUND", "Paiement en ligne introuvable.");
  const state = PAYFIP_STATUS_LABELS[result.status].toLowerCase();
  const message = result.changed
    ? `Paiement de la facture ${operation.invoice.number} revérifié : il est maintenant « ${state} ».`
    : `Paiement de la facture ${operation.invoice.number} revérifié : toujours « ${state} ».`;
  return { message };
}

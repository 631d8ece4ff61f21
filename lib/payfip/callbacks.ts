import "server-only";

import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import type { PayfipConfig } from "./config";
import { settleOperation, type SettlementResult } from "./settlement";

// What PayFiP sends back — the notification (server to server, urlnotif) and the parent's
// browser (urlredirect) — carries only the operation's id: `idop` or `idOp`, in a form body or in
// the query string. Nothing else in the request is read (a forged « resultrans=P » changes
// nothing): the result always comes from recupererDetailPaiementSecurise (settlement.ts).

const ID_OP = /^[A-Za-z0-9_-]{1,64}$/;

/** The operation's id from the query string or a form body (idop or idOp), or null. */
export async function readIdOp(request: Request): Promise<string | null> {
  const url = new URL(request.url);
  let value = url.searchParams.get("idop") ?? url.searchParams.get("idOp");
  if (!value && request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      try {
        const form = await request.formData();
        const field = form.get("idop") ?? form.get("idOp");
        value = typeof field === "string" ? field : null;
      } catch {
        value = null;
      }
    }
  }
  const trimmed = value?.trim() ?? "";
  return ID_OP.test(trimmed) ? trimmed : null;
}

export type CallbackOutcome =
  | { kind: "settled"; result: SettlementResult }
  | { kind: "unknown" }
  /** PayFiP could not be asked: the operation stays as it was (the poller settles it later). */
  | { kind: "unavailable"; operationId: string | null };

export async function settleFromCallback(
  db: DbClient,
  config: PayfipConfig,
  idOp: string | null,
  source: "notification" | "return",
): Promise<CallbackOutcome> {
  if (!idOp) return { kind: "unknown" };
  try {
    const result = await settleOperation(db, config, idOp, source);
    return result ? { kind: "settled", result } : { kind: "unknown" };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "PAYFIP_UNAVAILABLE")) throw error;
    const operation = await db.payfipOperation.findUnique({ where: { idOp }, select: { id: true } });
    return { kind: "unavailable", operationId: operation?.id ?? null };
  }
}

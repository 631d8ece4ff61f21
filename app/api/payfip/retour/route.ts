import { getDb } from "@/lib/db/client";
import { readIdOp, settleFromCallback } from "@/lib/payfip/callbacks";
import { payfipConfigFromEnv } from "@/lib/payfip/config";

// The parent's return from PayFiP (urlredirect): PayFiP sends the browser back with a POST form
// carrying idop (a GET with ?idop= is accepted too). A cross-site POST carries no SameSite=Lax
// session cookie, so the operation is settled here without a session (the result is re-read
// from PayFiP, as for the notification), then the browser is sent (303, a GET, relative: whatever the portal's host) to the parents'
// page of the attempt, which requires the session and the family's ownership.
async function handle(request: Request) {
  const idOp = await readIdOp(request);
  const outcome = await settleFromCallback(getDb(), payfipConfigFromEnv(), idOp, "return");
  const operationId =
    outcome.kind === "settled" ? outcome.result.operationId : outcome.kind === "unavailable" ? outcome.operationId : null;
  const target = operationId ? `/espace/factures/paiement/${operationId}` : "/espace/factures";
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}

export const GET = handle;
export const POST = handle;

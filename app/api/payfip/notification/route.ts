import { getDb } from "@/lib/db/client";
import { readIdOp, settleFromCallback } from "@/lib/payfip/callbacks";
import { payfipConfigFromEnv } from "@/lib/payfip/config";

// PayFiP's notification (urlnotif): a form POST carrying only the operation's id (idop or idOp,
// in the body or the query string), no session. The result is re-read from PayFiP, never taken
// from the request. The answer is always the same short 200 — known id or not, settled or PayFiP
// unreachable — so the address tells a caller nothing; an unknown id is logged, and an operation
// PayFiP could not confirm is left to the polling job.
const ok = () =>
  new Response("OK", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function POST(request: Request) {
  const idOp = await readIdOp(request);
  const outcome = await settleFromCallback(getDb(), payfipConfigFromEnv(), idOp, "notification");
  if (outcome.kind === "unknown") console.warn(`[payfip] notification pour une opération inconnue : ${JSON.stringify(idOp)}`);
  if (outcome.kind === "unavailable")
    console.warn(`[payfip] notification ${idOp} : PayFiP injoignable, la vérification automatique prendra le relais`);
  return ok();
}

/** PayFiP posts; a GET (a probe, a misconfiguration) is answered the same, and settles nothing. */
export function GET() {
  return ok();
}

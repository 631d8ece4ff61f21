// PayFiP's configuration (README « Configuration »): PAYFIP_URL is the base of the web service and
// of the payer's page — https://www.payfip.gouv.fr in production, the local stand-in elsewhere
// (npm run payfip:standin, started by npm run dev) — PAYFIP_SAISIE the mode of the operations
// (T test, X activation, W production) and PAYFIP_TIMEOUT_MS how long a call may take.
import { PAYFIP_PATHS } from "./soap";
import { isSaisie, type Saisie } from "./validation";

export const PAYFIP_PRODUCTION_URL = "https://www.payfip.gouv.fr";
export const DEFAULT_STANDIN_PORT = 4510;
export const DEFAULT_TIMEOUT_MS = 10_000;

export type PayfipConfig = { baseUrl: string; saisie: Saisie; timeoutMs: number };

type Env = Record<string, string | undefined>;

export class PayfipConfigError extends Error {}

export function standinUrl(env: Env = process.env): string {
  const port = Number(env.PAYFIP_STANDIN_PORT?.trim() || DEFAULT_STANDIN_PORT);
  return `http://127.0.0.1:${port}`;
}

export function payfipConfigFromEnv(env: Env = process.env): PayfipConfig {
  const production = env.NODE_ENV === "production";
  const rawUrl = env.PAYFIP_URL?.trim();
  const baseUrl = (rawUrl || (production ? PAYFIP_PRODUCTION_URL : standinUrl(env))).replace(/\/+$/, "");
  const rawSaisie = env.PAYFIP_SAISIE?.trim() || (production ? "W" : "T");
  if (!isSaisie(rawSaisie))
    throw new PayfipConfigError(`PAYFIP_SAISIE="${rawSaisie}" : T (test), X (activation) ou W (production).`);
  const timeoutMs = Number(env.PAYFIP_TIMEOUT_MS?.trim() || DEFAULT_TIMEOUT_MS);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new PayfipConfigError(`PAYFIP_TIMEOUT_MS="${env.PAYFIP_TIMEOUT_MS}" n'est pas un délai.`);
  return { baseUrl, saisie: rawSaisie, timeoutMs };
}

/** Where the parent pays: <PAYFIP_URL>/tpa/paiementws.web?idop=<idOp>. */
export function paymentPageUrl(config: Pick<PayfipConfig, "baseUrl">, idOp: string): string {
  return `${config.baseUrl}${PAYFIP_PATHS.paymentPage}?idop=${encodeURIComponent(idOp)}`;
}

/** Our two addresses PayFiP calls back: the notification (server to server) and the parent's return. */
export function callbackUrls(appUrl: string): { urlnotif: string; urlredirect: string } {
  const base = appUrl.replace(/\/+$/, "");
  return { urlnotif: `${base}/api/payfip/notification`, urlredirect: `${base}/api/payfip/retour` };
}

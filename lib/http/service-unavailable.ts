// The answer while the database cannot be reached (proxy.ts): status 503, the French message,
// an HTML page in the site's colours for a page, JSON for a route handler under /api. The page
// cannot be the app's own layout (it reads the town's settings from the database) nor its
// stylesheet (a hashed build file): it is one self-contained page, its style allowed by hash.
import crypto from "node:crypto";

import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { DEFAULT_TOWN_SETTINGS } from "@/lib/town/town-settings-fields";

/** Seconds a client or a load balancer may wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

const STYLE = [
  `body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:#f4f6fa;color:#1f2937;`,
  `font-family:"Marianne","Segoe UI","Helvetica Neue",Arial,"Liberation Sans",system-ui,sans-serif}`,
  `header{background:${DEFAULT_TOWN_SETTINGS.primaryColor};color:#fff}`,
  `.bar{max-width:72rem;margin:0 auto;padding:.75rem 1.5rem;font-size:1.125rem;font-weight:700;letter-spacing:.025em;text-transform:uppercase}`,
  `main{flex:1;width:100%;max-width:72rem;margin:0 auto;padding:1.5rem;box-sizing:border-box}`,
  `.panel{background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:1.5rem;max-width:40rem}`,
  `h1{margin:0 0 .75rem;font-size:1.5rem;color:${DEFAULT_TOWN_SETTINGS.primaryColor}}p{margin:0 0 .5rem;line-height:1.5}`,
  `a{color:${DEFAULT_TOWN_SETTINGS.primaryColor}}:focus-visible{outline:3px solid #f5a300;outline-offset:2px}`,
].join("");

const STYLE_HASH = crypto.createHash("sha256").update(STYLE).digest("base64");

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Service momentanément indisponible – ${DEFAULT_TOWN_SETTINGS.portalName}</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="bar">${DEFAULT_TOWN_SETTINGS.portalName}</div></header>
<main id="contenu">
<div class="panel" role="alert">
<h1>Service momentanément indisponible</h1>
<p>${SERVICE_UNAVAILABLE_MESSAGE}</p>
<p>Vos démarches déjà enregistrées ne sont pas perdues. <a href="">Recharger la page</a></p>
</div>
</main>
</body>
</html>
`;

const commonHeaders = {
  "Retry-After": String(RETRY_AFTER_SECONDS),
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** The 503 for a route handler: `{ ok: false, error }`, as the portal's JSON routes answer an error. */
export function serviceUnavailableJson(): Response {
  return Response.json({ ok: false, error: SERVICE_UNAVAILABLE_MESSAGE }, { status: 503, headers: commonHeaders });
}

/** The 503 for a page, or for a route handler when `pathname` is under /api. */
export function serviceUnavailableResponse(pathname: string): Response {
  if (pathname === "/api" || pathname.startsWith("/api/")) return serviceUnavailableJson();
  return new Response(PAGE, {
    status: 503,
    headers: {
      ...commonHeaders,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      "X-Frame-Options": "DENY",
    },
  });
}

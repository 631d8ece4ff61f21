// The pages' Content-Security-Policy, built per request by proxy.ts with a fresh nonce (Next.js
// reads the nonce from the request's CSP header and puts it on every script it renders).
// Pure: the caller passes the nonce, the mode and the environment.

type Env = Record<string, string | undefined>;

export type PagePolicyOptions = {
  nonce: string;
  /** `next dev`: React needs eval there (and only there) to rebuild server error stacks. */
  development: boolean;
  /** Extra origins the browser may fetch from (the UploadThing ingest server). */
  connectSources?: string[];
};

/** A fresh random nonce: 128 bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pageContentSecurityPolicy({ nonce, development, connectSources = [] }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (the town's colour on <html>, React's style props) have no nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(" ")}`,
    // The staff review page frames a document from /api/documents/<id> (same origin).
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(development ? [] : ["upgrade-insecure-requests"]),
  ];
  return directives.join("; ");
}

/**
 * Where the browser sends files when the portal stores them on UploadThing: the ingest server
 * (presigned PUT, then a HEAD to resume). Nothing when UPLOADTHING_TOKEN is unset (local disk).
 * UPLOADTHING_INGEST_URL overrides it, as in UploadThing's SDK; otherwise the token names the
 * ingest host (default ingest.uploadthing.com) and the region is a subdomain of it.
 */
export function uploadThingConnectSources(env: Env): string[] {
  if (!env.UPLOADTHING_TOKEN) return [];
  if (env.UPLOADTHING_INGEST_URL) {
    try {
      return [new URL(env.UPLOADTHING_INGEST_URL).origin];
    } catch {
      return [];
    }
  }
  return [`https://*.${tokenIngestHost(env.UPLOADTHING_TOKEN)}`];
}

function tokenIngestHost(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { ingestHost?: unknown };
    if (typeof decoded.ingestHost === "string" && /^[a-z0-9.-]+$/i.test(decoded.ingestHost)) return decoded.ingestHost;
  } catch {
    // not a JSON token: UploadThing will refuse it anyway
  }
  return "ingest.uploadthing.com";
}

/**
 * For routes that send back a stored file (documents, services' documents, the logo): the file
 * is shown on its own, in a sandbox (no script, no form, an opaque origin), and may load
 * nothing but itself. `frameAncestors` says who may frame it.
 */
export function storedFileContentSecurityPolicy(frameAncestors: "'self'" | "'none'"): string {
  return [
    "sandbox",
    "default-src 'none'",
    // What the browser's own viewers may need to show an image or a PDF (Chromium's PDF viewer
    // works under this policy, framed in the review page: tests/e2e/security-headers.test.ts).
    "img-src 'self' data: blob:",
    "style-src 'unsafe-inline'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

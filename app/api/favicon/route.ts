import crypto from "node:crypto";

import { getDb } from "@/lib/db/client";
import { storedFileContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { readTownIcon } from "@/lib/town/town-icon";

// The town's icon, public: /favicon.ico is rewritten here (next.config.ts), and every page links
// it (app/layout.tsx). A new logo or colour shows within five minutes; the ETag spares the bytes.
export async function GET(request: Request) {
  const icon = await readTownIcon(getDb());
  const etag = `"${crypto.createHash("sha256").update(icon.bytes).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": icon.mimeType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": storedFileContentSecurityPolicy("'none'"),
    "Cache-Control": "public, max-age=300",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(icon.bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, "Content-Length": String(icon.bytes.length) },
  });
}

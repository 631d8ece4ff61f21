import type { NextRequest } from "next/server";

import { currentViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readDocumentFor } from "@/lib/documents/download-document";
import { contentDisposition } from "@/lib/documents/file-name";
import { parseId } from "@/lib/http/url-params";
import { storedFileContentSecurityPolicy } from "@/lib/security/content-security-policy";

// A supporting document's bytes, for its own family or for staff only. Anyone else — another
// family, a visitor, an unknown id — gets the same 404 and no bytes. Staff views are audited.
const notFound = () =>
  new Response("Document introuvable", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const db = getDb();
  const id = parseId((await params).id);
  if (!id) return notFound();
  const document = await readDocumentFor(db, await currentViewer(), id);
  if (!document) return notFound();
  const disposition = request.nextUrl.searchParams.has("telecharger") ? "attachment" : "inline";
  return new Response(document.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": document.mimeType,
      "Content-Length": String(document.bytes.length),
      "Content-Disposition": contentDisposition(disposition, document.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Viewable inside the portal's own pages (the staff review page), nowhere else, and in a
      // sandbox: a file that holds HTML or script runs nothing on the portal's origin.
      "X-Frame-Options": "SAMEORIGIN",
      "Content-Security-Policy": storedFileContentSecurityPolicy("'self'"),
    },
  });
}

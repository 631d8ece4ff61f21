import { NextResponse } from "next/server";

import { readServiceDocument } from "@/lib/content/service-documents";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/http/url-params";
import { storedFileContentSecurityPolicy } from "@/lib/security/content-security-policy";

// Public on purpose: the home page lists the services' règlements, tarifs and programmes.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = getDb();
  const id = parseId((await params).id);
  if (!id) return new NextResponse("Document introuvable", { status: 404 });
  const document = await readServiceDocument(db, id);
  if (!document) return new NextResponse("Document introuvable", { status: 404 });
  const asciiName = document.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new NextResponse(new Uint8Array(document.bytes), {
    headers: {
      "content-type": document.mimeType,
      "content-disposition": `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.originalName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": storedFileContentSecurityPolicy("'none'"),
      "cache-control": "public, max-age=300",
    },
  });
}

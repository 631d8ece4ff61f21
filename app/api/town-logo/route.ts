import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/client";
import { storedFileContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { readTownLogo } from "@/lib/town/town-logo";

// Public on purpose: the logo is in the header of every page, the login page included. The
// page links it with ?v=<last change> so a new logo shows at once despite the cache.
export async function GET() {
  const db = getDb();
  const logo = await readTownLogo(db);
  if (!logo) return new NextResponse("Aucun logo", { status: 404 });
  return new NextResponse(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.mimeType,
      "x-content-type-options": "nosniff",
      "content-security-policy": storedFileContentSecurityPolicy("'none'"),
      "cache-control": "public, max-age=3600",
    },
  });
}

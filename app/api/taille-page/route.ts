import { NextResponse, type NextRequest } from "next/server";

import { currentViewer } from "@/lib/auth/session";
import { secureCookies } from "@/lib/auth/session-cookie";
import { PAGE_SIZE_COOKIE, pageSizeReturnPath, parsePageSize } from "@/lib/http/page-size";

// The « Afficher [n] éléments / page » form (components/ui/page-size-choice.tsx) is a GET here:
// the choice is kept for the session (a cookie without Max-Age), then the list is shown again
// from its first page. A visitor is sent to the login page and nothing is set.
/**
 * A 303 to a path of this site, its Location relative: behind a proxy or a standalone server the
 * request's own URL may name another host (localhost for 127.0.0.1), and the pages' CSP
 * « form-action 'self' » would then stop the form's redirect.
 */
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } });

export async function GET(request: NextRequest) {
  const viewer = await currentViewer();
  if (!viewer) return seeOther("/connexion");
  const params = request.nextUrl.searchParams;
  const response = seeOther(pageSizeReturnPath(params.get("retour")));
  response.cookies.set(PAGE_SIZE_COOKIE, String(parsePageSize(params.get("taille"))), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

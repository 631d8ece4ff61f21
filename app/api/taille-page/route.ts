import { NextResponse, type NextRequest } from "next/server";

import { currentViewer } from "@/lib/auth/session";
import { secureCookies } from "@/lib/auth/session-cookie";
import { PAGE_SIZE_COOKIE, pageSizeReturnPath, parsePageSize } from "@/lib/http/page-size";

// The « Afficher [n] éléments / page » form (components/ui/page-size-choice.tsx) is a GET here:
// the choice is kept for the session (a cookie without Max-Age), then the list is shown again
// from its first page. A visitor is sent to the login page and nothing is set.
export async function GET(request: NextRequest) {
  const viewer = await currentViewer();
  if (!viewer) return NextResponse.redirect(new URL("/connexion", request.url), 303);
  const params = request.nextUrl.searchParams;
  const response = NextResponse.redirect(new URL(pageSizeReturnPath(params.get("retour")), request.url), 303);
  response.cookies.set(PAGE_SIZE_COOKIE, String(parsePageSize(params.get("taille"))), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

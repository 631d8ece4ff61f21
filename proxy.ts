import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

// A first gate only: every page, action and route handler checks the session and role again
// in the data-access layer (lib/auth/session.ts). Here we just send signed-out visitors to the
// login page and keep parents out of /admin early.
export async function proxy(request: NextRequest) {
  const token = await getToken({
    req: request,
    secret: authSecret(),
  });
  const { pathname } = request.nextUrl;
  if (!token) {
    const login = new URL("/connexion", request.url);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  if (pathname.startsWith("/admin") && token.role !== "AGENT" && token.role !== "ADMIN") {
    return new NextResponse("Page introuvable", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*", "/espace/:path*"] };

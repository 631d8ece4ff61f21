import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import { authSecret } from "@/lib/auth/secret";
import { databaseAvailable } from "@/lib/db/availability";
import { serviceUnavailableResponse } from "@/lib/http/service-unavailable";
import { newNonce, pageContentSecurityPolicy, uploadThingConnectSources } from "@/lib/security/content-security-policy";
import { pathDoesNotDecode, urlCarriesNulByte } from "@/lib/security/url-guard";
import { askedPageCopy, servedPageCopy } from "@/lib/server/page-copy";

// Runs on every page and route handler (see the matcher): turns away an address that carries a
// NUL byte or does not decode (Next.js would answer 500 before any of our code runs); answers 503
// while the database is down; then, on pages, puts a per-request nonce Content-Security-Policy and gates /admin and /espace.
export async function proxy(request: NextRequest) {
  if (urlCarriesNulByte(request.nextUrl) || pathDoesNotDecode(request.nextUrl)) {
    return new NextResponse("Adresse invalide.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // While the database does not answer, a page or a route handler would fail half-way: the 503
  // page (JSON under /api) instead. A server action goes on: it returns the same message in its
  // own result, which its form shows (lib/auth/action.ts). /api/health answers for itself.
  if (!isServerAction(request) && request.nextUrl.pathname !== "/api/health" && !(await databaseAvailable())) {
    return serviceUnavailableResponse(request.nextUrl.pathname);
  }
  // Route handlers set their own headers and check their own session (their bodies stay under the
  // 10 MB the proxy buffers: documents 2 Mo, service documents 1 Mo, logo 500 Ko).
  if (isUnder(request.nextUrl.pathname, "/api")) return NextResponse.next();
  const gate = await authGate(request);
  if (gate) return gate;

  // Next.js takes the nonce from the request's CSP header and sets it on the scripts it renders
  // (nonce CSP, https://nextjs.org/docs/app/guides/content-security-policy).
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    connectSources: uploadThingConnectSources(process.env),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // The signed-out home and login pages, from this instance's copies (lib/server/page-copy.ts).
  const copied = askedPageCopy(request);
  const served = copied ? servedPageCopy(copied, nonce) : null;
  if (served) {
    served.headers.set("Content-Security-Policy", policy);
    return new NextResponse(served.html, { status: 200, headers: served.headers });
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// A first gate only: every page, action and route handler checks the session and role again
// in the data-access layer (lib/auth/session.ts). Here we just send signed-out visitors to the
// login page and keep parents out of /admin early.
async function authGate(request: NextRequest): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (!isUnder(pathname, "/admin") && !isUnder(pathname, "/espace")) return null;
  const token = await getToken({
    req: request,
    secret: authSecret(),
  });
  if (!token) {
    const login = new URL("/connexion", request.url);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  if (isUnder(pathname, "/admin") && token.role !== "AGENT" && token.role !== "ADMIN") {
    return new NextResponse("Page introuvable", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return null;
}

/** A server action's call (React posts it with this header): its result is not a page. */
const isServerAction = (request: NextRequest) => request.method === "POST" && request.headers.has("next-action");

/** What the former matchers "/admin/:path*" and "/espace/:path*" matched. */
const isUnder = (pathname: string, section: string) => pathname === section || pathname.startsWith(`${section}/`);

export const config = {
  // Every page and route handler; not Next's static files and images, nor the icon.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$).*)"],
};

import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { authOptions } from "@/lib/auth/auth-options";

const handler = NextAuth(authOptions);

// next-auth checks a `?callbackUrl=` itself and answers 500 ("problem with the server
// configuration") to one that is not a single http(s) address or path: a list, "b",
// "javascript:…", a NUL byte. Those get a 400 here, before it reads them.
function unreadableCallbackUrl(request: NextRequest): boolean {
  const values = request.nextUrl.searchParams.getAll("callbackUrl");
  if (values.length !== 1) return values.length > 1;
  try {
    const url = new URL(values[0], values[0].startsWith("/") ? request.nextUrl.origin : undefined);
    return url.protocol !== "http:" && url.protocol !== "https:";
  } catch {
    return true;
  }
}

function guarded(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  if (unreadableCallbackUrl(request)) {
    return new Response("Adresse invalide.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return handler(request, context);
}

export { guarded as GET, guarded as POST };

import "server-only";

import type { NextAuthOptions } from "next-auth";

import { getDb } from "@/lib/db/client"; // entry point: next-auth calls these callbacks per request, like a route handler

import { authSecret } from "./secret";
import { readUserSession, revokeUserSession, SESSION_LIMITS } from "./user-sessions";

// next-auth keeps the session cookie's format and its /api/auth routes (and, later, the
// FranceConnect provider). Signing in is ours (app/(public)/connexion/actions.ts: throttling,
// the staff second factor, a server-side session row): there is deliberately no credentials
// provider here, so /api/auth/callback/credentials cannot bypass the second factor.
class SessionEnded extends Error {}

export const authOptions: NextAuthOptions = {
  // The cookie never outlives the longest absolute session; the database decides before that.
  session: {
    strategy: "jwt",
    maxAge: SESSION_LIMITS.PARENT.absoluteMs / 1000,
    updateAge: SESSION_LIMITS.PARENT.absoluteMs / 1000,
  },
  pages: { signIn: "/connexion", error: "/connexion", signOut: "/" },
  secret: authSecret(),
  providers: [],
  callbacks: {
    // /api/auth/session answers only for a live server-side session; an ended one (signed out,
    // expired, idle) makes next-auth clear the cookie and answer {}.
    async jwt({ token }) {
      const live = typeof token.sid === "string" ? await readUserSession(getDb(), token.sid) : { ended: "unknown" as const };
      if ("ended" in live || live.user.id !== token.sub || live.user.sessionVersion !== token.sessionVersion)
        throw new SessionEnded();
      return token;
    },
  },
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEnded) return;
      console.error(`[next-auth] ${code}`, metadata);
    },
  },
  events: {
    // next-auth's own sign-out route ends the server-side session too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeUserSession(getDb(), token.sid);
    },
  },
};

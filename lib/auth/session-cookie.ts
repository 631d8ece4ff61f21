import "server-only";

import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";

import * as clock from "@/lib/clock";
import type { Role } from "@/lib/db/generated/client";

import { authSecret } from "./secret";

// The session cookie: next-auth's encrypted JWT (so next-auth's own routes and proxy.ts read it
// as before), carrying the UserSession id that every request checks in the database.

export type SessionClaims = {
  sub: string;
  sid: string;
  role: Role;
  familyId: string | null;
  sessionVersion: number;
  name: string;
  email: string;
};

/** next-auth's rule: __Secure- cookies when the public address is https. */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

function secret(): string {
  const value = authSecret();
  if (!value) throw new Error("NEXTAUTH_SECRET is required in production");
  return value;
}

export async function setSessionCookie(claims: SessionClaims, expiresAt: Date): Promise<void> {
  const maxAge = Math.max(60, Math.floor((expiresAt.getTime() - clock.now().getTime()) / 1000));
  const token = await encode({ token: { ...claims }, secret: secret(), maxAge });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: 0,
  });
}

/** The claims of this request's session cookie, when it decodes (the database says if it is live). */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: secret() });
    if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
    const { sub, sid, role, familyId, sessionVersion, name, email } = token;
    return { sub, sid, role, familyId, sessionVersion, name: name ?? "", email: email ?? "" };
  } catch {
    return null;
  }
}

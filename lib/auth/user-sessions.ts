import "server-only";

import * as clock from "@/lib/clock";
import type { Prisma, PrismaClient, Role } from "@/lib/db/generated/client";

// Server-side sessions (ASVS V3): the session cookie names a UserSession row; every request
// checks that row, so « Se déconnecter » ends the session for good (a copied cookie is refused
// afterwards), and a session has an absolute end and an idle timeout whatever the cookie says.

type Db = PrismaClient | Prisma.TransactionClient;

export const SESSION_LIMITS = {
  PARENT: { absoluteMs: 12 * 60 * 60 * 1000, idleMs: 2 * 60 * 60 * 1000 },
  STAFF: { absoluteMs: 10 * 60 * 60 * 1000, idleMs: 30 * 60 * 1000 },
} as const;

/** lastSeenAt is written at most this often (one write a minute, not one a request). */
const TOUCH_EVERY_MS = 60 * 1000;

export function sessionLimits(role: Role) {
  return role === "PARENT" ? SESSION_LIMITS.PARENT : SESSION_LIMITS.STAFF;
}

export async function openUserSession(
  db: Db,
  input: { userId: string; role: Role; ip: string | null; userAgent: string | null },
  now = clock.now(),
): Promise<{ id: string; expiresAt: Date }> {
  return db.userSession.create({
    data: {
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits(input.role).absoluteMs),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}

export type LiveSession = {
  sessionId: string;
  user: { id: string; email: string; role: Role; familyId: string | null; sessionVersion: number };
};

export type SessionEnd = "unknown" | "revoked" | "expired" | "idle" | "inactive-account";

/** The session if it may still be used at `now` (and marks it seen), or why it may not. */
export async function readUserSession(
  db: Db,
  sessionId: string,
  now = clock.now(),
): Promise<LiveSession | { ended: SessionEnd }> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return { ended: "unknown" };
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, role: true, familyId: true, active: true, sessionVersion: true } },
    },
  });
  if (!session) return { ended: "unknown" };
  if (session.revokedAt) return { ended: "revoked" };
  if (now >= session.expiresAt) return { ended: "expired" };
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionLimits(session.user.role).idleMs) return { ended: "idle" };
  if (!session.user.active) return { ended: "inactive-account" };
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  const { id, email, role, familyId, sessionVersion } = session.user;
  return { sessionId: session.id, user: { id, email, role, familyId, sessionVersion } };
}

export async function revokeUserSession(db: Db, sessionId: string, now = clock.now()): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return false;
  const revoked = await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count === 1;
}

/** Ends every session of an account, but `keep` (this browser, after a password change). */
export async function revokeUserSessions(db: Db, userId: string, now = clock.now(), keep?: string): Promise<number> {
  const revoked = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { NOT: { id: keep } } : {}) },
    data: { revokedAt: now },
  });
  return revoked.count;
}

/** Turns an account on or off; turning it off also ends its sessions at their next request (sessionVersion). */
export async function setAccountActive(db: Db, userId: string, active: boolean): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
  });
}

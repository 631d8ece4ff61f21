import "server-only";

import * as clock from "@/lib/clock";
import type { PrismaClient, Role } from "@/lib/db/generated/client";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { setSessionCookie } from "./session-cookie";
import { openUserSession } from "./user-sessions";

export type SignInUser = { id: string; email: string; role: Role; familyId: string | null; sessionVersion: number; name: string };

/** Opens a server-side session for a user who proved who they are, and gives this browser its cookie. */
export async function signInUser(
  db: PrismaClient,
  user: SignInUser,
  meta: { ip: string | null; userAgent: string | null; method: string },
  now = clock.now(),
): Promise<void> {
  const session = await db.$transaction(async (tx) => {
    const opened = await openUserSession(tx, { userId: user.id, role: user.role, ip: meta.ip, userAgent: meta.userAgent }, now);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAuthEvent(
      tx,
      {
        action: AUTH_EVENT_ACTIONS.loginSuccess,
        userId: user.id,
        role: user.role,
        familyId: user.familyId,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: { méthode: meta.method },
      },
      now,
    );
    return opened;
  });
  await setSessionCookie(
    {
      sub: user.id,
      sid: session.id,
      role: user.role,
      familyId: user.familyId,
      sessionVersion: user.sessionVersion,
      name: user.name,
      email: user.email,
    },
    session.expiresAt,
  );
}

/** After the second factor: the user behind the login challenge is signed in; their role says where they go next. */
export async function signInChallengedUser(
  db: PrismaClient,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; method: string },
): Promise<Role> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, role: true, familyId: true, sessionVersion: true, firstName: true, lastName: true },
  });
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email;
  await signInUser(db, { ...user, name }, meta);
  return user.role;
}

/** After a password change (sessionVersion moved): this browser's session goes on with a fresh cookie. */
export async function reissueSessionCookie(
  db: PrismaClient,
  viewer: { userId: string; sessionId?: string; role: Role; familyId: string | null; name: string; email: string },
  sessionVersion: number,
): Promise<void> {
  if (!viewer.sessionId) return;
  const session = await db.userSession.findUniqueOrThrow({ where: { id: viewer.sessionId }, select: { expiresAt: true } });
  await setSessionCookie(
    {
      sub: viewer.userId,
      sid: viewer.sessionId,
      role: viewer.role,
      familyId: viewer.familyId,
      sessionVersion,
      name: viewer.name,
      email: viewer.email,
    },
    session.expiresAt,
  );
}

/** After an activation or a reset link: a parent goes straight to their space; staff still give their second factor. */
export async function signInAfterPasswordLink(
  db: PrismaClient,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, role: true, familyId: true, sessionVersion: true, family: { select: { name: true } } },
  });
  if (user.role !== "PARENT") return "/connexion";
  await signInUser(
    db,
    { ...user, name: user.family ? `Famille ${user.family.name}` : user.email },
    { ...meta, method: "lien e-mail" },
  );
  return "/espace";
}

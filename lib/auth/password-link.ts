import "server-only";

import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { hashPassword } from "./password";
import { consumeAuthToken, peekAuthToken, revokePasswordLinks, TOKEN_ERROR_MESSAGE } from "./tokens";
import { revokeUserSessions } from "./user-sessions";

// An activation link and a reset link set a password the same way: the link is used once, the
// account must be active, every other link and every session of the account end with it.

export type PasswordLinkResult = { ok: true; userId: string; email: string } | { ok: false; message: string };

export type PasswordLink = {
  purpose: "ACTIVATION" | "PASSWORD_RESET";
  event: (typeof AUTH_EVENT_ACTIONS)["activated" | "resetUsed"];
  /** A further reason to refuse this account (French), checked once the link is used; null to go on. */
  refuse?: (user: { activatedAt: Date | null; hasPassword: boolean }) => string | null;
};

class Refused extends Error {}

export const INACTIVE_ACCOUNT_MESSAGE = "Ce compte est désactivé. Contactez le Guichet unique.";

type Meta = { ip: string | null; userAgent: string | null };

/** The function that sets a password through this kind of link (the password must already satisfy the policy). */
export function passwordLinkSetter(link: PasswordLink) {
  return (db: PrismaClient, secret: string, password: string, now = clock.now(), meta: Meta = { ip: null, userAgent: null }) =>
    setPasswordThroughLink(db, link, secret, password, now, meta);
}

async function setPasswordThroughLink(
  db: PrismaClient,
  link: PasswordLink,
  secret: string,
  password: string,
  now: Date,
  meta: Meta,
): Promise<PasswordLinkResult> {
  // The link is checked before the (deliberately slow) hash: a forged link costs us nothing.
  const peeked = await peekAuthToken(db, secret, link.purpose, now);
  if (!peeked.ok) return { ok: false, message: TOKEN_ERROR_MESSAGE[peeked.reason] };
  const passwordHash = await hashPassword(password); // outside the transaction: argon2 must not hold a connection
  try {
    return await db.$transaction(async (tx): Promise<PasswordLinkResult> => {
      const token = await consumeAuthToken(tx, secret, link.purpose, now);
      if (!token.ok) return { ok: false, message: TOKEN_ERROR_MESSAGE[token.reason] };
      const user = await tx.user.findUniqueOrThrow({
        where: { id: token.userId },
        select: { email: true, role: true, familyId: true, active: true, activatedAt: true, passwordHash: true },
      });
      // Rolls back, token included: a deactivated account is reactivated by staff first.
      if (!user.active) throw new Refused(INACTIVE_ACCOUNT_MESSAGE);
      const refusal = link.refuse?.({ activatedAt: user.activatedAt, hasPassword: user.passwordHash !== null });
      if (refusal) throw new Refused(refusal);
      await tx.user.update({
        where: { id: token.userId },
        data: { passwordHash, sessionVersion: { increment: 1 }, activatedAt: user.activatedAt ?? now },
      });
      // Any other link sent before (reset, activation, login change) is now void, and every session ends.
      await revokePasswordLinks(tx, token.userId, now);
      await revokeUserSessions(tx, token.userId, now);
      await recordAuthEvent(
        tx,
        { action: link.event, userId: token.userId, role: user.role, familyId: user.familyId, ...meta },
        now,
      );
      return { ok: true, userId: token.userId, email: user.email };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

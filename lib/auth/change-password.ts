import "server-only";

import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { hashPassword, verifyPassword } from "./password";
import { consumePoint, rateLimiter } from "./throttle";
import { revokePasswordLinks } from "./tokens";
import { revokeUserSessions } from "./user-sessions";

export const WRONG_CURRENT_PASSWORD = "L'ancien mot de passe est incorrect.";

/** Checks of the current password (password change, login change): 5 failures an hour per account. */
export const CURRENT_PASSWORD_LIMIT = { attempts: 5, duration: 60 * 60, blockDuration: 60 * 60 };

type Meta = { ip: string | null; userAgent: string | null };

/**
 * Checks an account's current password, throttled per account (a stolen session must not become
 * a password oracle). Throws a French AppError when it is wrong or when too many were tried.
 */
export async function checkCurrentPassword(
  db: PrismaClient,
  userId: string,
  password: string,
  wrongMessage: string,
  meta: Meta,
  now = clock.now(),
): Promise<void> {
  const limiter = rateLimiter(db, "current-password:account", CURRENT_PASSWORD_LIMIT);
  const wait = await consumePoint(limiter, userId);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60));
    throw new AppError(
      "THROTTLED",
      `Trop d'essais du mot de passe. Veuillez patienter ${minutes} minute${minutes > 1 ? "s" : ""} avant de réessayer.`,
    );
  }
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, active: true, role: true, familyId: true },
  });
  if (!user?.active || !user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordAuthEvent(
      db,
      { action: AUTH_EVENT_ACTIONS.passwordCheckFailed, userId, role: user?.role, familyId: user?.familyId, ...meta },
      now,
    );
    throw new AppError("WRONG_PASSWORD", wrongMessage);
  }
  await limiter.reward(userId);
}

/**
 * "Modifier mon mot de passe": checks the current password, stores the new one and bumps
 * sessionVersion; every other session of the account ends and every pending link is void. The
 * caller gives this browser a fresh cookie (sessionId: the session to keep).
 */
export async function changePassword(
  db: PrismaClient,
  userId: string,
  input: { currentPassword: string; password: string },
  options: { sessionId?: string; meta?: Meta; now?: Date } = {},
): Promise<{ email: string; sessionVersion: number }> {
  const now = options.now ?? clock.now();
  const meta = options.meta ?? { ip: null, userAgent: null };
  await checkCurrentPassword(db, userId, input.currentPassword, WRONG_CURRENT_PASSWORD, meta, now);
  if (input.currentPassword === input.password) {
    throw new AppError("SAME_PASSWORD", "Le nouveau mot de passe doit être différent de l'ancien.");
  }
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Conditional on the version read: of two concurrent changes, the second is refused.
    const updated = await tx.user.updateMany({
      where: { id: userId, sessionVersion, active: true },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1)
      throw new AppError("CONFLICT", "Votre mot de passe vient d'être modifié par ailleurs. Reconnectez-vous.");
    await revokePasswordLinks(tx, userId, now);
    await revokeUserSessions(tx, userId, now, options.sessionId);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, role: true, familyId: true, sessionVersion: true },
    });
    await recordAuthEvent(
      tx,
      { action: AUTH_EVENT_ACTIONS.passwordChanged, userId, role: user.role, familyId: user.familyId, ...meta },
      now,
    );
    return { email: user.email, sessionVersion: user.sessionVersion };
  });
}

// Checks a login attempt: the attempt is consumed from the throttle first, then the password is
// checked. Every failure, whatever its cause (unknown e-mail, wrong password, account not
// activated or deactivated), gives the same message, so that the login box never tells whether
// an address has an account; throttling answers the same for known and unknown addresses.
import * as clock from "@/lib/clock";
import type { PrismaClient, Role } from "@/lib/db/generated/client";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { decoyPasswordHash, normaliseEmail, verifyPassword } from "./password";
import type { LoginThrottle } from "./throttle";

export const LOGIN_FAILED_MESSAGE = "Identifiant ou mot de passe incorrect.";

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Trop de tentatives de connexion. Veuillez patienter ${minutes} minute${minutes > 1 ? "s" : ""} avant de réessayer.`;
}

export type SessionUser = {
  id: string;
  email: string;
  role: Role;
  familyId: string | null;
  sessionVersion: number;
  name: string;
  /** Staff only: the second factor is set up (otherwise the login goes on to enrol it). */
  secondFactorEnabled: boolean;
};

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export type LoginAttempt = { email: string; password: string; ip: string | null; userAgent?: string | null };

// A login is an e-mail address: printable, without spaces inside, of a sane length.
const PLAUSIBLE_LOGIN = /^[^\s\u0000-\u001F\u007F]{3,254}$/;

export async function checkLogin(
  prisma: PrismaClient,
  throttle: LoginThrottle,
  attempt: LoginAttempt,
  now = clock.now(),
): Promise<LoginResult> {
  const email = normaliseEmail(attempt.email);
  const meta = { ip: attempt.ip, userAgent: attempt.userAgent ?? null };
  if (!PLAUSIBLE_LOGIN.test(email) || attempt.password.length > 1024) {
    await recordAuthEvent(
      prisma,
      { action: AUTH_EVENT_ACTIONS.loginFailure, ...meta, details: { motif: "identifiant invalide" } },
      now,
    );
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }

  const retryAfter = await throttle.consume(email, attempt.ip);
  if (retryAfter > 0) {
    const known = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true, familyId: true } });
    await recordAuthEvent(
      prisma,
      {
        action: AUTH_EVENT_ACTIONS.loginThrottled,
        userId: known?.id,
        role: known?.role,
        familyId: known?.familyId,
        ...meta,
        details: known ? {} : { identifiant: email },
      },
      now,
    );
    return { ok: false, message: throttledMessage(retryAfter) };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      role: true,
      familyId: true,
      sessionVersion: true,
      passwordHash: true,
      active: true,
      firstName: true,
      lastName: true,
      totpEnabledAt: true,
      family: { select: { name: true } },
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
  if (!user || !user.passwordHash || !user.active || !passwordOk) {
    await recordAuthEvent(
      prisma,
      {
        action: AUTH_EVENT_ACTIONS.loginFailure,
        userId: user?.id,
        role: user?.role,
        familyId: user?.familyId,
        ...meta,
        details: user
          ? { motif: !user.active ? "compte désactivé" : !user.passwordHash ? "compte non activé" : "mot de passe incorrect" }
          : { identifiant: email, motif: "identifiant inconnu" },
      },
      now,
    );
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }

  await throttle.recordSuccess(email, attempt.ip);
  const name =
    user.role === "PARENT" && user.family
      ? `Famille ${user.family.name}`
      : [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email;
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      role: user.role,
      familyId: user.familyId,
      sessionVersion: user.sessionVersion,
      name,
      secondFactorEnabled: user.totpEnabledAt !== null,
    },
  };
}

// Checks a login attempt: throttling first, then the password. Every failure, whatever its
// cause (unknown e-mail, wrong password, account not activated or deactivated), gives the same
// message, so that the login box never tells whether an address has an account.
import type { PrismaClient, Role } from "@/lib/db/generated/client";
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
};

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export async function checkLogin(
  prisma: PrismaClient,
  throttle: LoginThrottle,
  attempt: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const email = normaliseEmail(attempt.email);
  const retryAfter = await throttle.retryAfter(email, attempt.ip);
  if (retryAfter > 0) return { ok: false, message: throttledMessage(retryAfter) };

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
      family: { select: { name: true } },
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
  if (!user || !user.passwordHash || !user.active || !passwordOk) {
    await throttle.recordFailure(email, attempt.ip);
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }

  await throttle.recordSuccess(email, attempt.ip);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
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
    },
  };
}

import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

export const WRONG_CURRENT_PASSWORD = "L'ancien mot de passe est incorrect.";

/**
 * "Modifier mon mot de passe": checks the current password, stores the new one and bumps
 * sessionVersion, which signs out every other session (the caller signs this browser in again).
 */
export async function changePassword(db: PrismaClient, userId: string, input: { currentPassword: string; password: string }): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, sessionVersion: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("WRONG_PASSWORD", WRONG_CURRENT_PASSWORD);
  }
  if (input.currentPassword === input.password) {
    throw new AppError("SAME_PASSWORD", "Le nouveau mot de passe doit être différent de l'ancien.");
  }
  const passwordHash = await hashPassword(input.password);
  // Conditional on the version read: of two concurrent changes, the second is refused.
  const updated = await db.user.updateMany({
    where: { id: userId, sessionVersion: user.sessionVersion, active: true },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", "Votre mot de passe vient d'être modifié par ailleurs. Reconnectez-vous.");
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return { email };
}

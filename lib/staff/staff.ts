import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import { queueActivationMail } from "@/lib/auth/activation";
import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "@/lib/auth/auth-events";
import type { StaffViewer } from "@/lib/auth/session";
import { revokeUserSessions, setAccountActive } from "@/lib/auth/user-sessions";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

// Personnel: only admins manage staff accounts (SPEC §9). The actions are adminAction; the
// check is repeated here so no other caller can let an agent create or promote an account.
function assertAdmin(viewer: StaffViewer) {
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Seul un administrateur peut gérer les comptes du personnel.");
}

export async function listStaff(db: Db, viewer: StaffViewer) {
  assertAdmin(viewer);
  return db.user.findMany({
    where: { role: { in: ["AGENT", "ADMIN"] } },
    orderBy: [{ lastName: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      role: true,
      active: true,
      activatedAt: true,
      lastLoginAt: true,
      totpEnabledAt: true,
    },
  });
}

export async function createStaffAccount(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { firstName: string; lastName: string; email: string; role: "AGENT" | "ADMIN" },
) {
  assertAdmin(viewer);
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, role: input.role, firstName: input.firstName, lastName: input.lastName },
        select: { id: true },
      });
      await writeAudit(tx, viewer, {
        action: "staff.create",
        targetType: "User",
        targetId: user.id,
        details: { email: input.email, role: input.role },
      });
      await queueActivationMail(tx, user.id);
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "Cette adresse e-mail est déjà l'identifiant d'un autre compte.");
    }
    throw error;
  }
  return { userId };
}

async function otherStaffMember(tx: Prisma.TransactionClient, viewer: StaffViewer, userId: string) {
  if (userId === viewer.userId)
    throw new AppError("SELF", "Vous ne pouvez pas modifier votre propre compte ici : demandez à un autre administrateur.");
  const user = await tx.user.findFirst({
    where: { id: userId, role: { in: ["AGENT", "ADMIN"] } },
    select: { id: true, role: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Compte du personnel introuvable.");
  return user;
}

/** A role change signs the member out (sessionVersion): the new rights apply at the next login. */
export async function setStaffRole(db: PrismaClient, viewer: StaffViewer, userId: string, role: "AGENT" | "ADMIN") {
  assertAdmin(viewer);
  await db.$transaction(async (tx) => {
    const user = await otherStaffMember(tx, viewer, userId);
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, viewer, {
      action: "staff.role",
      targetType: "User",
      targetId: userId,
      details: { from: user.role, to: role },
    });
  });
}

export async function setStaffActive(db: PrismaClient, viewer: StaffViewer, userId: string, active: boolean) {
  assertAdmin(viewer);
  await db.$transaction(async (tx) => {
    await otherStaffMember(tx, viewer, userId);
    await setAccountActive(tx, userId, active);
    await writeAudit(tx, viewer, {
      action: active ? "staff.reactivate" : "staff.deactivate",
      targetType: "User",
      targetId: userId,
    });
  });
}

/**
 * An admin resets a colleague's second factor (a lost phone): the secret and recovery codes are
 * dropped and every session ends; the next login enrols a new phone. Audited.
 */
export async function resetStaffSecondFactor(
  db: PrismaClient,
  viewer: StaffViewer,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  assertAdmin(viewer);
  await db.$transaction(async (tx) => {
    const user = await otherStaffMember(tx, viewer, userId);
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.loginChallenge.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
    await revokeUserSessions(tx, userId);
    await recordAuthEvent(tx, {
      action: AUTH_EVENT_ACTIONS.secondFactorReset,
      userId,
      role: user.role,
      actor: { userId: viewer.userId, role: viewer.role },
      ...meta,
    });
  });
}

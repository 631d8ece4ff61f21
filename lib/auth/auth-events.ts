import "server-only";

import type { AuditAction } from "@/lib/audit/action-labels";
import * as clock from "@/lib/clock";
import type { Prisma, PrismaClient, Role } from "@/lib/db/generated/client";

// The authentication journal (ASVS V7): kept in the audit log, so it is shown in the admin
// Journal and purged after the same 12 months. Parents read their own « Dernières connexions ».

export const AUTH_EVENT_ACTIONS = {
  loginSuccess: "auth.login.success",
  loginFailure: "auth.login.failure",
  loginThrottled: "auth.login.throttled",
  logout: "auth.logout",
  resetRequested: "auth.password-reset.request",
  resetUsed: "auth.password-reset.use",
  passwordChanged: "auth.password.change",
  passwordCheckFailed: "auth.password.check-failure",
  loginChangeRequested: "auth.login-change.request",
  loginChanged: "auth.login-change.confirm",
  activated: "auth.activation",
  secondFactorEnrolled: "auth.second-factor.enrol",
  secondFactorFailure: "auth.second-factor.failure",
  secondFactorRecoveryUsed: "auth.second-factor.recovery-code",
  secondFactorReset: "auth.second-factor.reset",
} as const satisfies Record<string, AuditAction>;

export type AuthEventAction = (typeof AUTH_EVENT_ACTIONS)[keyof typeof AUTH_EVENT_ACTIONS];

export type AuthEvent = {
  action: AuthEventAction;
  /** The account concerned, when known (never for an unknown e-mail). */
  userId?: string | null;
  role?: Role | null;
  familyId?: string | null;
  /** Who did it when it is not the account itself (an admin resetting a second factor). */
  actor?: { userId: string; role: Role } | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

type Db = PrismaClient | Prisma.TransactionClient;

export async function recordAuthEvent(db: Db, event: AuthEvent, at = clock.now()): Promise<void> {
  await db.auditLog.create({
    data: {
      at,
      action: event.action,
      actorUserId: event.actor?.userId ?? event.userId ?? null,
      actorRole: event.actor?.role ?? event.role ?? null,
      familyId: event.familyId ?? null,
      targetType: event.userId ? "user" : undefined,
      targetId: event.userId ?? undefined,
      ip: event.ip ?? null,
      details: {
        ...(event.userAgent ? { navigateur: event.userAgent.slice(0, 300) } : {}),
        ...event.details,
      },
    },
  });
}

export type RecentLogin = { at: Date; browser: string; ip: string | null };

/** « Dernières connexions » of an account: its successful logins, newest first. */
export async function recentLogins(db: Db, userId: string, take = 10): Promise<RecentLogin[]> {
  const rows = await db.auditLog.findMany({
    where: { action: AUTH_EVENT_ACTIONS.loginSuccess, targetType: "user", targetId: userId },
    orderBy: { at: "desc" },
    take,
    select: { at: true, ip: true, details: true },
  });
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    return { at: row.at, ip: row.ip, browser: describeBrowser(typeof details.navigateur === "string" ? details.navigateur : "") };
  });
}

/** A short French name of the browser and system from a User-Agent, enough to spot a stranger. */
export function describeBrowser(userAgent: string): string {
  if (!userAgent) return "Navigateur inconnu";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /OPR\/|Opera/.test(userAgent)
      ? "Opera"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(userAgent)
          ? "Chrome"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad|iPod/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!browser && !system) return "Navigateur inconnu";
  return [browser ?? "Navigateur", system ? `sur ${system}` : null].filter(Boolean).join(" ");
}

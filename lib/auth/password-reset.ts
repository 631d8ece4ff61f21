import "server-only";

import { RateLimiterPrisma } from "rate-limiter-flexible";

import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { normaliseEmail } from "./password";
import { passwordLinkSetter } from "./password-link";
import { consumePoint } from "./throttle";
import { createAuthToken } from "./tokens";

// SPEC §2 "Forgot password": instead of mailing a new password (the guide), a single-use link
// valid one hour; the same neutral answer whether or not the address has an account.

export const RESET_REQUESTED_MESSAGE =
  "Si cette adresse correspond à un compte du portail, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.";

export const RESET_LIMITS = {
  /** Requests for one address: 3 an hour (more are silently not sent: the answer stays neutral). */
  address: { points: 3, duration: 60 * 60 },
  /** Requests from one client address: 20 an hour, then refused. */
  ip: { points: 20, duration: 60 * 60 },
} as const;

export type ResetThrottle = { byAddress: RateLimiterPrisma; byIp: RateLimiterPrisma };

export function createResetThrottle(prisma: PrismaClient): ResetThrottle {
  const make = (keyPrefix: string, limit: { points: number; duration: number }) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix,
      clearExpiredByTimeout: false,
      ...limit,
    });
  return { byAddress: make("reset:address", RESET_LIMITS.address), byIp: make("reset:ip", RESET_LIMITS.ip) };
}

type MailOptions = {
  now?: Date;
  /** Runs the lookup and the mail's writing after the answer (the action passes next/server's
   * after()), so that the answer takes the same time whether or not the address has an account.
   * Default: awaited. */
  defer?: (task: () => Promise<void>) => void;
};

export async function requestPasswordReset(
  db: PrismaClient,
  throttle: ResetThrottle,
  input: { email: string; ip: string | null; userAgent?: string | null },
  options: MailOptions = {},
): Promise<void> {
  const email = normaliseEmail(input.email);
  const ipWait = input.ip ? await consumePoint(throttle.byIp, input.ip) : 0;
  if (ipWait > 0) {
    const minutes = Math.max(1, Math.ceil(ipWait / 60));
    throw new AppError(
      "THROTTLED",
      `Trop de demandes depuis votre connexion. Veuillez patienter ${minutes} minute${minutes > 1 ? "s" : ""} avant de réessayer.`,
    );
  }
  if ((await consumePoint(throttle.byAddress, email)) > 0) return; // neutral: nothing says why

  const task = async () => {
    const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true } });
    if (!user?.active) return;
    await db.$transaction(async (tx) => {
      await recordAuthEvent(
        tx,
        { action: AUTH_EVENT_ACTIONS.resetRequested, userId: user.id, ip: input.ip, userAgent: input.userAgent ?? null },
        options.now,
      );
      await queuePasswordResetMail(tx, user.id, options);
    });
  };
  if (options.defer) {
    options.defer(() => task().catch((error) => console.error("[password-reset] mail not queued", error)));
  } else {
    await task();
  }
}

/** A single-use link (1 hour) to choose a new password, and its mail in the outbox, in the caller's transaction. */
export async function queuePasswordResetMail(tx: Db, userId: string, options: { now?: Date } = {}): Promise<void> {
  const { email } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const secret = await createAuthToken(tx, { userId, purpose: "PASSWORD_RESET" }, options.now);
  const town = await loadMailTown(tx);
  const mail = renderMail(town, {
    subject: `Réinitialisation de votre mot de passe – ${town.portalName}`,
    paragraphs: [
      `Vous avez demandé à choisir un nouveau mot de passe pour votre compte du ${town.portalName} (identifiant : ${email}).`,
      "Pour le choisir, utilisez le lien ci-dessous.",
    ],
    action: { label: "Choisir un nouveau mot de passe", url: publicUrl(`/reinitialisation?jeton=${encodeURIComponent(secret)}`) },
    notes: [
      "Ce lien est valable 1 heure et ne peut servir qu'une fois.",
      `Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable. En cas de doute, contactez le ${town.guichetName}.`,
    ],
  });
  await enqueueMail(tx, email, mail, "password-reset");
}

/** Sets a new password through the reset link and signs out every session. The password must satisfy the policy. */
export const resetPassword = passwordLinkSetter({ purpose: "PASSWORD_RESET", event: AUTH_EVENT_ACTIONS.resetUsed });

import "server-only";
import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";
import { loadMailTown } from "@/lib/mail/mail-town";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailConfig } from "@/lib/mail/transport";
import { publicUrl } from "@/lib/town/public-url";
import { hashPassword } from "./password";
import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { consumeAuthToken, createAuthToken, peekAuthToken, revokePasswordLinks, TOKEN_ERROR_MESSAGE } from "./tokens";
import { revokeUserSessions } from "./user-sessions";

// SPEC §2: accounts are created by the Guichet unique; the parent receives an activation
// e-mail and chooses a password through a single-use link valid 7 days.

export async function sendActivationMail(db: PrismaClient, userId: string, options: { mailConfig?: MailConfig; now?: Date } = {}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, family: { select: { name: true } } } });
  const secret = await createAuthToken(db, { userId, purpose: "ACTIVATION" }, options.now);
  const town = await loadMailTown(db);
  const mail = renderMail(town, {
    subject: `Activez votre compte ${town.portalName}`,
    paragraphs: [
      `Le ${town.guichetName} a créé votre compte sur le ${town.portalName} de la ${town.townName}${user.family ? ` pour la famille ${user.family.name}` : ""}.`,
      `Votre identifiant est votre adresse e-mail : ${user.email}. Pour choisir votre mot de passe et accéder à votre espace, utilisez le lien ci-dessous.`,
    ],
    action: { label: "Activer mon compte", url: publicUrl(`/activation?jeton=${encodeURIComponent(secret)}`) },
    notes: ["Ce lien est valable 7 jours et ne peut servir qu'une fois. Passé ce délai, demandez un nouveau lien au Guichet unique."],
  });
  await sendMail(db, user.email, mail, options.mailConfig);
}

export type ActivationResult = { ok: true; userId: string; email: string } | { ok: false; message: string };

class Refused extends Error {}

export const ALREADY_ACTIVATED_MESSAGE =
  "Ce compte est déjà activé. Connectez-vous, ou utilisez « Identifiant ou Mot de passe oublié ? » si vous ne connaissez plus votre mot de passe.";

/** Sets the first password through the activation link. The password must already satisfy the policy. */
export async function activateAccount(
  db: PrismaClient,
  secret: string,
  password: string,
  now = clock.now(),
  meta: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
): Promise<ActivationResult> {
  // The link is checked before the (deliberately slow) hash: a forged link costs us nothing.
  const peeked = await peekAuthToken(db, secret, "ACTIVATION", now);
  if (!peeked.ok) return { ok: false, message: TOKEN_ERROR_MESSAGE[peeked.reason] };
  const passwordHash = await hashPassword(password); // outside the transaction: argon2 must not hold a connection
  try {
    return await db.$transaction(async (tx): Promise<ActivationResult> => {
      const token = await consumeAuthToken(tx, secret, "ACTIVATION", now);
      if (!token.ok) return { ok: false, message: TOKEN_ERROR_MESSAGE[token.reason] };
      const user = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { email: true, role: true, familyId: true, active: true, activatedAt: true, passwordHash: true } });
      // Rolls back, token included: a deactivated account is reactivated by staff first.
      if (!user.active) throw new Refused("Ce compte est désactivé. Contactez le Guichet unique.");
      // An activation link only ever sets the *first* password.
      if (user.activatedAt || user.passwordHash) throw new Refused(ALREADY_ACTIVATED_MESSAGE);
      await tx.user.update({ where: { id: token.userId }, data: { passwordHash, activatedAt: now, sessionVersion: { increment: 1 } } });
      await revokePasswordLinks(tx, token.userId, now);
      await revokeUserSessions(tx, token.userId, now);
      await recordAuthEvent(tx, { action: AUTH_EVENT_ACTIONS.activated, userId: token.userId, role: user.role, familyId: user.familyId, ...meta }, now);
      return { ok: true, userId: token.userId, email: user.email };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

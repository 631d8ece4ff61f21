import "server-only";

import * as clock from "@/lib/clock";
import { isUniqueViolation } from "@/lib/db/errors";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { checkCurrentPassword } from "./change-password";
import { normaliseEmail } from "./password";
import { consumePoint, rateLimiter } from "./throttle";
import { consumeAuthToken, createAuthToken, TOKEN_ERROR_MESSAGE } from "./tokens";

// "Modifier mon login (adresse mail)" (SPEC §2): the current password is required; a link is
// sent to the NEW address and the change happens only when it is used; the old address is told.
// An address already taken gets a notice instead of a link, and the requester sees the same
// answer either way (no account enumeration). The mails are written to the outbox in the
// transaction that records the request (or the change).

export const WRONG_PASSWORD = "Le mot de passe est incorrect.";
export const EMAIL_UNAVAILABLE =
  "Cette adresse ne peut pas être utilisée comme identifiant. Contactez le Guichet unique si besoin.";

type MailOptions = { now?: Date; meta?: { ip: string | null; userAgent: string | null } };

/** Login-change requests: 5 a day per account (each one mails two addresses). */
export const EMAIL_CHANGE_LIMIT = { attempts: 5, duration: 24 * 60 * 60 };

export async function requestEmailChange(
  db: PrismaClient,
  userId: string,
  input: { newEmail: string; currentPassword: string },
  options: MailOptions = {},
): Promise<{ newEmail: string }> {
  const meta = options.meta ?? { ip: null, userAgent: null };
  const now = options.now ?? clock.now();
  await checkCurrentPassword(db, userId, input.currentPassword, WRONG_PASSWORD, meta, now);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, familyId: true } });
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === user.email) throw new AppError("SAME_EMAIL", "Cette adresse est déjà votre identifiant.");
  if ((await consumePoint(rateLimiter(db, "email-change:account", EMAIL_CHANGE_LIMIT), userId)) > 0) {
    throw new AppError(
      "THROTTLED",
      "Vous avez fait trop de demandes de changement d'identifiant aujourd'hui. Réessayez demain ou contactez le Guichet unique.",
    );
  }
  await db.$transaction(async (tx) => {
    await recordAuthEvent(
      tx,
      {
        action: AUTH_EVENT_ACTIONS.loginChangeRequested,
        userId,
        role: user.role,
        familyId: user.familyId,
        ...meta,
        details: { nouvelle_adresse: newEmail },
      },
      now,
    );

    const taken = (await tx.user.count({ where: { email: newEmail } })) > 0;
    const town = await loadMailTown(tx);
    const toNew = taken
      ? renderMail(town, {
          subject: `Demande de changement d'identifiant – ${town.portalName}`,
          paragraphs: [
            `Une demande a été faite pour utiliser cette adresse comme identifiant d'un compte du ${town.portalName}.`,
            "Cette adresse est déjà l'identifiant d'un compte : elle ne peut pas servir pour un second compte, et aucune modification n'a été faite.",
          ],
          notes: [
            `Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer ce message. En cas de doute, contactez le ${town.guichetName}.`,
          ],
        })
      : renderMail(town, {
          subject: `Confirmez votre nouvel identifiant – ${town.portalName}`,
          paragraphs: [
            `Vous avez demandé que cette adresse devienne l'identifiant de votre compte du ${town.portalName} (à la place de ${user.email}).`,
            "Pour confirmer, utilisez le lien ci-dessous : votre identifiant ne change qu'à ce moment-là.",
          ],
          action: {
            label: "Confirmer ma nouvelle adresse",
            url: publicUrl(
              `/confirmation-email?jeton=${encodeURIComponent(await createAuthToken(tx, { userId, purpose: "EMAIL_CHANGE", newEmail }, options.now))}`,
            ),
          },
          notes: ["Ce lien est valable 24 heures et ne peut servir qu'une fois."],
        });
    const toOld = renderMail(town, {
      subject: `Demande de changement de votre identifiant – ${town.portalName}`,
      paragraphs: [
        `Une demande de changement de l'identifiant de votre compte du ${town.portalName} vient d'être faite : la nouvelle adresse demandée est ${newEmail}.`,
        "L'identifiant ne changera que lorsque le lien envoyé à cette nouvelle adresse aura été utilisé.",
      ],
      notes: [`Si vous n'êtes pas à l'origine de cette demande, changez votre mot de passe et contactez le ${town.guichetName}.`],
    });
    await enqueueMail(tx, newEmail, toNew, "email-change");
    await enqueueMail(tx, user.email, toOld, "email-change");
  });
  return { newEmail };
}

export type EmailChangeResult = { ok: true; email: string } | { ok: false; message: string };

class Unavailable extends Error {}

/** Uses the link sent to the new address: from now on, the login is the new address. */
export async function confirmEmailChange(
  db: PrismaClient,
  secret: string,
  options: MailOptions = {},
): Promise<EmailChangeResult> {
  const now = options.now ?? clock.now();
  let email: string;
  try {
    email = await db.$transaction(async (tx) => {
      const token = await consumeAuthToken(tx, secret, "EMAIL_CHANGE", now);
      if (!token.ok) throw new AppError("TOKEN", TOKEN_ERROR_MESSAGE[token.reason]);
      if (!token.newEmail) throw new AppError("TOKEN", TOKEN_ERROR_MESSAGE.invalid);
      const user = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { email: true, active: true } });
      if (!user.active) throw new AppError("INACTIVE", "Ce compte est désactivé. Contactez le Guichet unique.");
      // Taken since the request: refused, and the token stays unused (rolled back).
      if ((await tx.user.count({ where: { email: token.newEmail, NOT: { id: token.userId } } })) > 0) throw new Unavailable();
      const moved = await tx.user.update({
        where: { id: token.userId },
        data: { email: token.newEmail },
        select: { role: true, familyId: true },
      });
      // Other pending changes of this account are void.
      await tx.authToken.updateMany({
        where: { userId: token.userId, purpose: "EMAIL_CHANGE", usedAt: null },
        data: { usedAt: now },
      });
      await recordAuthEvent(
        tx,
        {
          action: AUTH_EVENT_ACTIONS.loginChanged,
          userId: token.userId,
          role: moved.role,
          familyId: moved.familyId,
          ...(options.meta ?? {}),
          details: { ancienne_adresse: user.email },
        },
        now,
      );
      // The old address is told, in the same transaction as the change.
      const town = await loadMailTown(tx);
      const notice = renderMail(town, {
        subject: `Votre identifiant a été modifié – ${town.portalName}`,
        paragraphs: [
          `L'identifiant de votre compte du ${town.portalName} est désormais ${token.newEmail}. Cette adresse-ci (${user.email}) ne permet plus de vous connecter.`,
        ],
        notes: [`Si vous n'êtes pas à l'origine de ce changement, contactez sans tarder le ${town.guichetName}.`],
      });
      await enqueueMail(tx, user.email, notice, "email-change");
      return token.newEmail;
    });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    if (error instanceof Unavailable) return { ok: false, message: EMAIL_UNAVAILABLE };
    if (isUniqueViolation(error)) return { ok: false, message: EMAIL_UNAVAILABLE };
    throw error;
  }
  return { ok: true, email };
}

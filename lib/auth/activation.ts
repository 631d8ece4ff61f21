import "server-only";

import type { Db } from "@/lib/db/client";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { AUTH_EVENT_ACTIONS } from "./auth-events";
import { passwordLinkSetter } from "./password-link";
import { createAuthToken } from "./tokens";

// SPEC §2: accounts are created by the Guichet unique; the parent receives an activation
// e-mail and chooses a password through a single-use link valid 7 days.

/**
 * A new activation link and its e-mail, written to the outbox. Pass the transaction that creates
 * the account (or decides to resend): the link, the mail and the account commit together.
 */
export async function queueActivationMail(tx: Db, userId: string, options: { now?: Date } = {}) {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, family: { select: { name: true } } },
  });
  const secret = await createAuthToken(tx, { userId, purpose: "ACTIVATION" }, options.now);
  const town = await loadMailTown(tx);
  const mail = renderMail(town, {
    subject: `Activez votre compte ${town.portalName}`,
    paragraphs: [
      `Le ${town.guichetName} a créé votre compte sur le ${town.portalName} de la ${town.townName}${user.family ? ` pour la famille ${user.family.name}` : ""}.`,
      `Votre identifiant est votre adresse e-mail : ${user.email}. Pour choisir votre mot de passe et accéder à votre espace, utilisez le lien ci-dessous.`,
    ],
    action: { label: "Activer mon compte", url: publicUrl(`/activation?jeton=${encodeURIComponent(secret)}`) },
    notes: [
      "Ce lien est valable 7 jours et ne peut servir qu'une fois. Passé ce délai, demandez un nouveau lien au Guichet unique.",
    ],
  });
  await enqueueMail(tx, user.email, mail, "activation");
}

export const ALREADY_ACTIVATED_MESSAGE =
  "Ce compte est déjà activé. Connectez-vous, ou utilisez « Identifiant ou Mot de passe oublié ? » si vous ne connaissez plus votre mot de passe.";

/** Sets the first password through the activation link. The password must already satisfy the policy. */
export const activateAccount = passwordLinkSetter({
  purpose: "ACTIVATION",
  event: AUTH_EVENT_ACTIONS.activated,
  // An activation link only ever sets the *first* password.
  refuse: (user) => (user.activatedAt || user.hasPassword ? ALREADY_ACTIVATED_MESSAGE : null),
});

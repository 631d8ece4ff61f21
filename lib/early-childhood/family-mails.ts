import "server-only";

import { formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail, type MailContent } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

// The family's mails about its crèche request (SPEC §7): written to the outbox in the transaction
// that decides them (one per parent account of the family).

export type RequestMailSubject = { requestId: string; familyId: string; childLabel: string };

async function queueToFamily(
  tx: Db,
  subject: RequestMailSubject,
  build: (town: Awaited<ReturnType<typeof loadMailTown>>) => MailContent,
) {
  const users = await tx.user.findMany({
    where: { familyId: subject.familyId, role: "PARENT", active: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (users.length === 0) return;
  const town = await loadMailTown(tx);
  const mail = renderMail(town, build(town));
  for (const user of users) await enqueueMail(tx, user.email, mail, "early-childhood-request");
}

const requestLink = (requestId: string) => ({
  label: "Voir ma demande",
  url: publicUrl(`/espace/petite-enfance/${requestId}`),
});

/** « Demande envoyée »: the acknowledgment. */
export function queueAcknowledgmentMail(tx: Db, subject: RequestMailSubject & { creches: string[]; submittedOn: CalendarDay }) {
  return queueToFamily(tx, subject, (town) => ({
    subject: `Demande d'inscription en crèche reçue – ${subject.childLabel}`,
    paragraphs: [
      `Nous avons bien reçu le ${formatDay(subject.submittedOn)} votre demande d'inscription en crèche pour ${subject.childLabel}.`,
      `Crèches souhaitées, par ordre de préférence : ${subject.creches.join(", ")}.`,
      `Le ${town.guichetName} l'étudiera pour la prochaine commission d'attribution des places. Pensez à joindre les pièces justificatives demandées depuis la page de votre demande.`,
    ],
    action: requestLink(subject.requestId),
  }));
}

/** Every 3 months on the waiting list: « Je confirme ma demande » before the deadline. */
export function queueConfirmationAskMail(tx: Db, subject: RequestMailSubject & { deadline: CalendarDay }) {
  return queueToFamily(tx, subject, () => ({
    subject: `Confirmez votre demande de place en crèche – ${subject.childLabel}`,
    paragraphs: [
      `Votre demande d'inscription en crèche pour ${subject.childLabel} est sur liste d'attente.`,
      `Pour la garder, confirmez qu'elle vous intéresse toujours avant le ${formatDay(subject.deadline)} : sans réponse, elle sera close.`,
    ],
    action: { label: "Je confirme ma demande", url: publicUrl(`/espace/petite-enfance/${subject.requestId}`) },
  }));
}

/** 30 days after an unanswered ask: the request is closed. */
export function queueClosedMail(tx: Db, subject: RequestMailSubject) {
  return queueToFamily(tx, subject, (town) => ({
    subject: `Demande de place en crèche close – ${subject.childLabel}`,
    paragraphs: [
      `Sans confirmation de votre part, votre demande d'inscription en crèche pour ${subject.childLabel} a été close et retirée des listes d'attente.`,
      `Si vous souhaitez toujours une place, déposez une nouvelle demande depuis votre espace ou contactez le ${town.guichetName}.`,
    ],
    action: requestLink(subject.requestId),
  }));
}

import "server-only";

import { formatDay } from "@/lib/dates/calendar-day";
import type { Tx } from "@/lib/db/client";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

// The e-mail a family receives after staff decide on its crèche request(s) (SPEC §7): written to
// the outbox in the decision's transaction, one mail per family per step (a commission that
// decides on twins' two requests writes one mail naming both).

export type DecisionNotice =
  | { kind: "UNDER_REVIEW"; child: string }
  | { kind: "WAITING_LIST"; child: string; positions: { creche: string; position: number }[] }
  | { kind: "PLACE_OFFERED"; child: string; creche: string; startDay: string; answerByDay: string }
  | { kind: "REFUSED"; child: string; reason: string };

function noticeParagraph(notice: DecisionNotice): string {
  switch (notice.kind) {
    case "UNDER_REVIEW":
      return `Votre demande d'inscription en crèche pour ${notice.child} est en cours d'étude.`;
    case "WAITING_LIST":
      return `Votre demande d'inscription en crèche pour ${notice.child} est inscrite en liste d'attente${
        notice.positions.length > 0
          ? ` : ${notice.positions.map((entry) => `${entry.creche}, position ${entry.position}`).join(" ; ")}`
          : ""
      }.`;
    case "PLACE_OFFERED":
      return `Une place vous est proposée pour ${notice.child} à ${notice.creche} à partir du ${formatDay(notice.startDay)}. Merci d'accepter ou de refuser cette place avant le ${formatDay(notice.answerByDay)} dans votre espace.`;
    case "REFUSED":
      return `Votre demande d'inscription en crèche pour ${notice.child} est refusée. Motif : ${notice.reason}`;
  }
}

const SUBJECTS: Record<DecisionNotice["kind"], string> = {
  UNDER_REVIEW: "Demande de place en crèche : en cours d'étude",
  WAITING_LIST: "Demande de place en crèche : liste d'attente",
  PLACE_OFFERED: "Demande de place en crèche : place proposée",
  REFUSED: "Demande de place en crèche : refusée",
};

/** Writes one mail to each parent account of the family, naming every decision of the step. */
export async function queueFamilyDecisionMail(tx: Tx, familyId: string, notices: DecisionNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const users = await tx.user.findMany({
    where: { familyId, role: "PARENT", active: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (users.length === 0) return;
  const town = await loadMailTown(tx);
  const mail = renderMail(town, {
    subject: notices.length === 1 ? SUBJECTS[notices[0].kind] : "Demandes de place en crèche : décisions de la commission",
    paragraphs: notices.map(noticeParagraph),
    action: { label: "Voir mes demandes", url: publicUrl("/espace/petite-enfance") },
  });
  for (const user of users) await enqueueMail(tx, user.email, mail, "early-childhood-decision");
}

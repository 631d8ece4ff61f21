import { formatDateTime } from "@/lib/dates/calendar-day";
import { renderMail, type MailTown, type RenderedMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

export type RefusalMailInput = { typeLabel: string; folder: string; uploadedAt: Date; reason: string };

/** "Document rejected" (SPEC §10): the reason, and where to send a new one. */
export function refusalMail(
  town: MailTown,
  input: RefusalMailInput,
  env: Record<string, string | undefined> = process.env,
): RenderedMail {
  const concerning = input.folder === "la famille" ? "concernant la famille" : `concernant ${input.folder}`;
  return renderMail(town, {
    subject: `Pièce justificative refusée : ${input.typeLabel}`,
    paragraphs: [
      `Le ${town.guichetName} a examiné le document « ${input.typeLabel} » ${concerning}, transmis le ${formatDateTime(input.uploadedAt)}.`,
      `Ce document n'a pas pu être accepté pour le motif suivant : ${input.reason}`,
      "Merci d'envoyer un nouveau document depuis votre espace, rubrique « Pièces justificatives à fournir ».",
    ],
    action: { label: "Envoyer un nouveau document", url: publicUrl("/espace/documents", env) },
  });
}

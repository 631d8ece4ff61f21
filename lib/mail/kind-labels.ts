// What decided an outbox mail (OutboxMail.kind), in French for the staff page « Envois ». The keys
// are stored in the database: keep them short and stable; a new kind gets its label here, or
// enqueueMail does not type-check.
export const MAIL_KIND_LABELS = {
  "reservation-confirmation": "Confirmation de réservation",
  "reservation-decision": "Décision sur une réservation",
  "reservation-cancellation": "Journées annulées par le guichet",
  "closure-cancellation": "Annulation pour fermeture",
  "document-refusal": "Pièce justificative refusée",
  activation: "Activation de compte",
  "password-reset": "Réinitialisation du mot de passe",
  "email-change": "Changement d'identifiant",
  "invoice-available": "Facture disponible",
  "early-childhood-decision": "Décision sur une demande de place en crèche",
  "early-childhood-request": "Demande de place en crèche (famille)",
} as const;

export type MailKind = keyof typeof MAIL_KIND_LABELS;

/** The label of a stored kind; a kind this version does not know (an older row) is shown as it is. */
export function mailKindLabel(kind: string): string {
  return Object.hasOwn(MAIL_KIND_LABELS, kind) ? MAIL_KIND_LABELS[kind as MailKind] : kind || "Autre";
}

/** The French names of a mail's delivery states (OutboxMailStatus). */
export const MAIL_STATUS_LABELS = {
  PENDING: "En attente",
  SENDING: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "Échec",
} as const;

// A supporting document's states as each side reads them, shared by server pages and client components.
export type DocumentStatusName = "SUBMITTED" | "ACCEPTED" | "REFUSED";

/** The family's wording (Mes documents). */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatusName, string> = {
  SUBMITTED: "Transmis",
  ACCEPTED: "Accepté",
  REFUSED: "Refusé",
};

/** The staff's wording, in a family's file. */
export const STAFF_DOCUMENT_STATUS_LABELS: Record<DocumentStatusName, string> = {
  SUBMITTED: "À valider",
  ACCEPTED: "Acceptée",
  REFUSED: "Refusée",
};

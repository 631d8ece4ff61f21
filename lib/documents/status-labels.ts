// A supporting document's states as each side reads them, shared by server pages and client
// components. One vocabulary, adapted to the reader: the parent waits for a check (« Transmis – en
// attente de validation »), staff have one to do (« À valider (transmis) »); both read
// « transmis », « accepté », « refusé » for the same state.
export type DocumentStatusName = "SUBMITTED" | "ACCEPTED" | "REFUSED";

/** The family's wording (Mes documents). */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatusName, string> = {
  SUBMITTED: "Transmis – en attente de validation",
  ACCEPTED: "Accepté",
  REFUSED: "Refusé",
};

/** The staff's wording, in a family's file. */
export const STAFF_DOCUMENT_STATUS_LABELS: Record<DocumentStatusName, string> = {
  SUBMITTED: "À valider (transmis)",
  ACCEPTED: "Accepté",
  REFUSED: "Refusé",
};

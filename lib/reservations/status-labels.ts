// The states as the guide names them, shared by server pages and client components.
export type ReservationStatusName = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED" | "REPLACED";
export type ReservationDayStatusName = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";

export const STATUS_LABELS: Record<ReservationStatusName, string> = {
  PENDING: "En attente de traitement",
  ACCEPTED: "Réservation acceptée",
  REFUSED: "Réservation refusée",
  CANCELLED: "Réservation annulée",
  REPLACED: "Réservation remplacée",
};

/** The staff's wording, in a family's list of reservations. */
export const STAFF_STATUS_LABELS: Record<ReservationStatusName, string> = {
  PENDING: "En attente de traitement",
  ACCEPTED: "Acceptée",
  REFUSED: "Refusée",
  CANCELLED: "Annulée",
  REPLACED: "Remplacée",
};

export const DAY_STATUS_LABELS: Record<ReservationDayStatusName, string> = {
  PENDING: "en attente",
  ACCEPTED: "acceptée",
  REFUSED: "refusée",
  CANCELLED: "annulée",
};

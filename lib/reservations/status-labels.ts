// The states as the guide names them, shared by server pages and client components.
export type ReservationStatusName = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED" | "REPLACED";
/** The stored statuses, and « Partiellement acceptée » (accepted with refused days, see reservationState). */
export type ReservationStateName = ReservationStatusName | "PARTIAL";
export type ReservationDayStatusName = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";

export const STATUS_LABELS: Record<ReservationStateName, string> = {
  PENDING: "En attente de traitement",
  ACCEPTED: "Réservation acceptée",
  PARTIAL: "Partiellement acceptée",
  REFUSED: "Réservation refusée",
  CANCELLED: "Réservation annulée",
  REPLACED: "Réservation remplacée",
};

/** The staff's wording, in a family's list of reservations. */
export const STAFF_STATUS_LABELS: Record<ReservationStateName, string> = {
  PENDING: "En attente de traitement",
  ACCEPTED: "Acceptée",
  PARTIAL: "Partiellement acceptée",
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

/** « 1 journée refusée », « 2 journées refusées ». */
export function refusedDaysLabel(count: number): string {
  return count > 1 ? `${count} journées refusées` : `${count} journée refusée`;
}

/** A state in words: « Réservation acceptée », « Partiellement acceptée (1 journée refusée) » (staff: `labels` = STAFF_STATUS_LABELS). */
export function stateLabel(
  state: { name: ReservationStateName; refusedDays: number },
  labels: Record<ReservationStateName, string> = STATUS_LABELS,
): string {
  return state.name === "PARTIAL" ? `${labels.PARTIAL} (${refusedDaysLabel(state.refusedDays)})` : labels[state.name];
}

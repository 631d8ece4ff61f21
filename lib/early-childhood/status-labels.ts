import type { EarlyChildhoodStatus } from "@/lib/db/generated/enums";

// The states of a petite-enfance request as the family and staff read them (the guide's words).

export const EARLY_CHILDHOOD_STATUS_LABELS: Record<EarlyChildhoodStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Demande envoyée",
  UNDER_REVIEW: "En cours d'étude",
  WAITING_LIST: "Liste d'attente",
  PLACE_OFFERED: "Place proposée",
  ACCEPTED: "Acceptée",
  REFUSED: "Refusée",
  CANCELLED: "Annulée",
  CLOSED: "Close",
};

/** States still in progress (the block's « Inscriptions » tab); the others are history. */
export const OPEN_EARLY_CHILDHOOD_STATUSES: EarlyChildhoodStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "WAITING_LIST",
  "PLACE_OFFERED",
  "ACCEPTED",
];

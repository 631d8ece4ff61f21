import type { PayfipOperationStatus } from "@/lib/db/generated/client";

// The state of a PayFiP operation in French, wherever staff read it (« Paiements en ligne », an
// invoice's page, the answer of « Revérifier »). Not server-only: plain labels.

export const PAYFIP_STATUS_LABELS: Record<PayfipOperationStatus, string> = {
  INITIATED: "En cours",
  PAID: "Payé",
  REFUSED: "Refusé",
  ABANDONED: "Abandonné",
  EXPIRED: "Expiré",
  FLAGGED: "À vérifier",
};

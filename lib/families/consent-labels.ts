// How a statement's state reads on the Guichet unique's pages (SPEC §3: each acceptance is
// stored with its date and the version of the text accepted).
import { formatDateTime } from "@/lib/dates/calendar-day";

export type ConsentKindName =
  "REGLEMENTS" | "ATTESTATION_HONNEUR" | "SIGNATURE_NUMERIQUE" | "PROTECTION_DONNEES" | "AUTORISATIONS_ENFANT";

export const CONSENT_LABELS: Record<string, string> = {
  REGLEMENTS: "Règlements",
  ATTESTATION_HONNEUR: "Attestation sur l'honneur",
  SIGNATURE_NUMERIQUE: "Signature numérique",
  PROTECTION_DONNEES: "Protection des données (« J'accepte »)",
  AUTORISATIONS_ENFANT: "Autorisations (« J'accepte »)",
};

/** The family's statements as its checklist asks for them, in this order. */
export const FAMILY_CONSENTS: { kind: ConsentKindName; label: string }[] = [
  { kind: "REGLEMENTS", label: "Règlements des structures (OUI)" },
  { kind: "ATTESTATION_HONNEUR", label: "Attestation sur l'honneur (OUI)" },
  { kind: "SIGNATURE_NUMERIQUE", label: "Signature numérique (OUI)" },
  { kind: "PROTECTION_DONNEES", label: "Protection des données : « J'accepte »" },
];

/** The checklist's item when the family accepted an earlier version and a new one is in force. */
export const RENEWED_CONSENT_LABELS: Record<ConsentKindName, string> = {
  REGLEMENTS: "Règlements : nouvelle version à accepter",
  ATTESTATION_HONNEUR: "Attestation sur l'honneur : nouvelle version à accepter",
  SIGNATURE_NUMERIQUE: "Signature numérique : nouvelle version à accepter",
  PROTECTION_DONNEES: "Protection des données : nouvelle version à accepter",
  AUTORISATIONS_ENFANT: "Autorisations : nouvelle version à accepter",
};

type State = {
  kind: string;
  currentVersion: number | null;
  acceptedAt: Date | null;
  acceptedVersion: number | null;
  upToDate: boolean;
};

export function describeConsentState(state: State): { kind: string; label: string; state: string; upToDate: boolean } {
  const label = CONSENT_LABELS[state.kind] ?? state.kind;
  let text: string;
  if (state.acceptedAt && state.acceptedVersion !== null) {
    text = `Accepté le ${formatDateTime(state.acceptedAt)} (version ${state.acceptedVersion})`;
    if (!state.upToDate && state.currentVersion !== null)
      text += ` — la version ${state.currentVersion} en vigueur reste à accepter par la famille`;
  } else if (state.currentVersion === null) {
    text = "Aucun texte en vigueur";
  } else {
    text = `Non accepté — à accepter par la famille depuis son espace (version ${state.currentVersion})`;
  }
  return { kind: state.kind, label, state: text, upToDate: state.upToDate };
}

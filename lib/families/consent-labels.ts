// How a statement's state reads on the Guichet unique's pages (SPEC §3: each acceptance is
// stored with its date and the version of the text accepted).
import { formatDateTime } from "@/lib/dates/calendar-day";

export const CONSENT_LABELS: Record<string, string> = {
  REGLEMENTS: "Règlements",
  ATTESTATION_HONNEUR: "Attestation sur l'honneur",
  SIGNATURE_NUMERIQUE: "Signature numérique",
  PROTECTION_DONNEES: "Protection des données (« J'accepte »)",
  AUTORISATIONS_ENFANT: "Autorisations (« J'accepte »)",
};

type State = { kind: string; currentVersion: number | null; acceptedAt: Date | null; acceptedVersion: number | null; upToDate: boolean };

export function describeConsentState(state: State): { kind: string; label: string; state: string; upToDate: boolean } {
  const label = CONSENT_LABELS[state.kind] ?? state.kind;
  let text: string;
  if (state.acceptedAt && state.acceptedVersion !== null) {
    text = `Accepté le ${formatDateTime(state.acceptedAt)} (version ${state.acceptedVersion})`;
    if (!state.upToDate && state.currentVersion !== null) text += ` — la version ${state.currentVersion} en vigueur reste à accepter par la famille`;
  } else if (state.currentVersion === null) {
    text = "Aucun texte en vigueur";
  } else {
    text = `Non accepté — à accepter par la famille depuis son espace (version ${state.currentVersion})`;
  }
  return { kind: state.kind, label, state: text, upToDate: state.upToDate };
}

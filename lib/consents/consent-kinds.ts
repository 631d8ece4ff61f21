// The statements a family (or, for the child's authorisations, each child) accepts, in the
// order the admin page lists them, with their titles and their address under
// /admin/contenus/consentements/<slug>. Shared by the pages, the forms and lib/consents.
export const CONSENT_KIND_ORDER = [
  "REGLEMENTS",
  "ATTESTATION_HONNEUR",
  "SIGNATURE_NUMERIQUE",
  "PROTECTION_DONNEES",
  "AUTORISATIONS_ENFANT",
] as const;
export type ConsentKindCode = (typeof CONSENT_KIND_ORDER)[number];

export const CONSENT_KIND_TITLES: Record<ConsentKindCode, string> = {
  REGLEMENTS: "Règlements",
  ATTESTATION_HONNEUR: "Attestation sur l'honneur",
  SIGNATURE_NUMERIQUE: "Signature numérique",
  PROTECTION_DONNEES: "Protection des données",
  AUTORISATIONS_ENFANT: "Autorisations de l'enfant",
};

/** Where the family reads the text: the admin page says it beside each statement. */
export const CONSENT_KIND_PLACES: Record<ConsentKindCode, string> = {
  REGLEMENTS: "Informations de la famille, réponse OUI",
  ATTESTATION_HONNEUR: "Informations de la famille, réponse OUI",
  SIGNATURE_NUMERIQUE: "Informations de la famille, réponse OUI",
  PROTECTION_DONNEES: "Informations de la famille, case « J'accepte »",
  AUTORISATIONS_ENFANT: "Fiche de chaque enfant, case « J'accepte »",
};

export const consentKindSlug = (kind: ConsentKindCode) => kind.toLowerCase().replaceAll("_", "-");

export function consentKindFromSlug(slug: string): ConsentKindCode | null {
  return CONSENT_KIND_ORDER.find((kind) => consentKindSlug(kind) === slug) ?? null;
}

/**
 * A body as stored: Windows line ends made plain, spaces at line ends dropped, at most one empty
 * line between paragraphs, no empty line around. Plain text: never interpreted as HTML.
 */
export function normaliseConsentBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The paragraphs of a body (separated by an empty line), each a list of lines. */
export function consentParagraphs(body: string): string[][] {
  return normaliseConsentBody(body)
    .split(/\n\n/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => paragraph.split("\n"));
}

// Where a parent completes what keeps a child from being booked (step 1's « Compléter le
// dossier »): the child's own sheet first, since that is what the parent is booking for, then the
// family's record, then the documents page. Pure: the completeness check's items in, a link out.
import type { MissingItem } from "./completeness";

export type CompleteLink = { href: string; label: string };

export function completeLink(childId: string, missing: Pick<MissingItem, "section">[]): CompleteLink {
  const sections = new Set(missing.map((item) => item.section));
  if (sections.has("enfant")) return { href: `/espace/enfants/${childId}`, label: "Compléter la fiche de l'enfant" };
  if (sections.has("famille")) return { href: "/espace/famille", label: "Compléter le dossier de la famille" };
  if (sections.has("documents")) return { href: "/espace/documents", label: "Fournir les documents" };
  return { href: `/espace/enfants/${childId}`, label: "Compléter la fiche de l'enfant" };
}

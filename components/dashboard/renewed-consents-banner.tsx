import Link from "next/link";

import type { FamilyCompleteness } from "@/lib/families/completeness";

/**
 * Issue #17: a statement the family accepted has a new version. Said first on « Mon espace », with
 * the link to where it is accepted (the family record, or the child's sheet for its authorisations).
 */
export function RenewedConsentsBanner({ completeness }: { completeness: FamilyCompleteness }) {
  const items = [
    ...completeness.missing.filter((item) => item.renewed).map((item) => ({ ...item, href: "/espace/famille", who: null })),
    ...completeness.children.flatMap((child) =>
      child.missing
        .filter((item) => item.renewed)
        .map((item) => ({ ...item, href: `/espace/enfants/${child.childId}`, who: child.name })),
    ),
  ];
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="renewed-consents"
      className="space-y-2 rounded border-2 border-amber-600 bg-amber-50 p-4"
      data-testid="renewed-consents"
    >
      <h2 id="renewed-consents" className="font-bold">
        {items.length > 1 ? "Nouvelles versions à accepter" : "Nouvelle version à accepter"}
      </h2>
      <p>Un texte que vous aviez accepté a changé : lisez la nouvelle version et acceptez-la pour continuer à réserver.</p>
      <ul className="list-disc pl-5">
        {items.map((item) => (
          <li key={`${item.href}-${item.code}`}>
            <Link href={item.href} className="text-brand underline">
              {item.who ? `${item.who} – ` : ""}
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from "next/link";

import { Panel } from "@/components/ui/panel";
import type { DashboardChild } from "@/lib/families/dashboard";

/**
 * ENFANTS: each child with the age as the guide shows it ("TEST JULIE (7 ans et 1 mois)") and its
 * menu ("Cliquez sur le menu déroulant, puis Voir / Modifier la fiche enfant").
 */
export function ChildrenBlock({ items }: { items: DashboardChild[] }) {
  return (
    <Panel title="Enfants">
      {items.length === 0 ? (
        <p className="text-muted">Aucun enfant n&apos;est rattaché à votre famille.</p>
      ) : (
        <ul className="space-y-2" aria-label="Enfants de la famille">
          {items.map((child) => (
            <li key={child.id} className="rounded border border-gray-200">
              <details className="group">
                <summary className="cursor-pointer list-none px-3 py-2 marker:hidden">
                  <span className="font-semibold">{child.displayName}</span> ({child.age})
                  <span aria-hidden="true" className="float-right group-open:rotate-180">
                    ▾
                  </span>
                </summary>
                <div className="border-t border-gray-200 px-3 py-2">
                  <Link
                    href={`/espace/enfants/${child.id}`}
                    className="text-brand underline underline-offset-2 hover:no-underline"
                  >
                    Voir / Modifier la fiche enfant
                    <span className="sr-only"> de {child.displayName}</span>
                  </Link>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

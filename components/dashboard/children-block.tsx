import { Panel } from "@/components/ui/panel";
import type { DashboardChild } from "@/lib/families/dashboard";

/** ENFANTS: each child with the age as the guide shows it ("TEST JULIE (7 ans et 1 mois)"). */
export function ChildrenBlock({ items }: { items: DashboardChild[] }) {
  return (
    <Panel title="Enfants">
      {items.length === 0 ? (
        <p className="text-muted">Aucun enfant n&apos;est rattaché à votre famille.</p>
      ) : (
        <ul className="space-y-2" aria-label="Enfants de la famille">
          {items.map((child) => (
            <li key={child.id} className="rounded border border-gray-200 px-3 py-2">
              <span className="font-semibold">{child.displayName}</span> ({child.age})
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

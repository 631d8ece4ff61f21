import type { ReactNode } from "react";

/** Records one under the other, or a sentence when there is none (« Aucune actualité. »). */
export function ItemList<T extends { id: string }>({
  items,
  empty,
  itemClassName,
  children,
}: {
  items: readonly T[];
  empty: string;
  itemClassName: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-gray-200">
      {items.map((item) => (
        <li key={item.id} className={itemClassName}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

/** A record's edit form, folded under « Modifier « name » » until asked for. */
export function EditDisclosure({ name, children }: { name: string; children: ReactNode }) {
  return (
    <details>
      <summary className="cursor-pointer underline">Modifier « {name} »</summary>
      {children}
    </details>
  );
}

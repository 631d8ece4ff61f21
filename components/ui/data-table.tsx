import type { ReactNode } from "react";

/** A header cell: its text, or its content with a key (dynamic columns) and other classes than the look's. */
export type Column = string | { key: string; label: ReactNode; className?: string };

// The header styles of the site's tables: ruled (parents' dashboard, documents), the guide's
// brand-underlined tables (reservations), the admin lists' boxed cells, and the daily lists' compact ones.
const LOOKS = {
  ruled: { row: "border-b border-gray-300", cell: "py-2 pr-3", lastCell: "py-2" },
  brand: { row: "border-b-2 border-brand", cell: "px-2 py-2", lastCell: "px-2 py-2" },
  boxed: { row: undefined, cell: "p-2", lastCell: "p-2" },
  compact: { row: undefined, cell: "py-1 pr-2", lastCell: "py-1 pr-2" },
} as const;

/**
 * A table with its (screen-reader) caption and a header row of `th scope="col"`, one per column;
 * `children` are the body's rows.
 */
export function DataTable({
  className,
  caption,
  look,
  headClassName,
  columns,
  hidden,
  children,
}: {
  className: string;
  caption?: string;
  look: keyof typeof LOOKS;
  headClassName?: string;
  columns: Column[];
  /** Kept in the page but not shown (a table that fills in place, e.g. the queue after a decision). */
  hidden?: boolean;
  children: ReactNode;
}) {
  const style = LOOKS[look];
  return (
    <table hidden={hidden} className={className}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className={headClassName}>
        <tr className={style.row}>
          {columns.map((column, index) => {
            const { key, label, className: own } = typeof column === "string" ? { key: column, label: column } : column;
            return (
              <th key={key} scope="col" className={own ?? (index === columns.length - 1 ? style.lastCell : style.cell)}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

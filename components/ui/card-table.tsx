import type { ReactNode } from "react";

import { DataTable, type Column } from "./data-table";

// A table on wide screens, one card per row below 640 px (issue #18: the parents' tables were
// ~640 px wide in a 326 px box on a phone). One markup for both, so nothing is rendered twice:
// below `sm` the table, its body, rows and cells become blocks, the header row is kept for
// screen readers only, and each cell shows its column's name as a visible label.

/**
 * The table: `columns` name the header cells (and, by the same names, the cards' labels via
 * CardCell's `label`). `tableClassName` adds classes for wide screens (e.g. `sm:min-w-[40rem]`).
 */
// The cells' padding on wide screens, as the header cells of the same look (DataTable); on a card, none.
const CELL_PADDING = {
  brand: "sm:[&>tbody>tr>td]:px-2 sm:[&>tbody>tr>td]:py-2",
  ruled: "sm:[&>tbody>tr>td]:py-2 sm:[&>tbody>tr>td]:pr-3",
} as const;

export function CardTable({
  caption,
  look,
  columns,
  tableClassName = "",
  children,
}: {
  caption: string;
  look: "ruled" | "brand";
  columns: Column[];
  tableClassName?: string;
  children: ReactNode;
}) {
  return (
    <DataTable
      className={`w-full border-collapse text-left text-sm max-sm:block max-sm:[&>tbody]:block max-sm:[&>tbody]:space-y-3 ${CELL_PADDING[look]} ${tableClassName}`}
      caption={caption}
      look={look}
      headClassName="max-sm:sr-only"
      columns={columns}
    >
      {children}
    </DataTable>
  );
}

/**
 * One row, one card below 640 px. With `linked`, the card's first link marked with
 * `cardLinkClassName` covers the whole card (the card is the link, its text stays selectable
 * by the link only); other controls of the card stay above it (CardCell `raised`).
 */
export function CardRow({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <tr
      data-testid={testId}
      className="border-b border-gray-200 align-top max-sm:relative max-sm:flex max-sm:flex-col max-sm:gap-1 max-sm:rounded max-sm:border max-sm:border-gray-300 max-sm:bg-white max-sm:p-3 max-sm:shadow-sm"
    >
      {children}
    </tr>
  );
}

/** Makes a link of a CardRow stretch over its whole card below 640 px (and show its focus around it). */
export const cardLinkClassName =
  "max-sm:after:absolute max-sm:after:inset-0 max-sm:after:rounded max-sm:focus-visible:outline-none max-sm:focus-visible:after:outline max-sm:focus-visible:after:outline-2 max-sm:focus-visible:after:outline-brand";

/**
 * A cell: its column's name as a label on the card (hidden on wide screens, where the header
 * says it). `first`: shown at the top of the card (the state badge); `raised`: its controls
 * stay clickable over a card-wide link.
 */
export function CardCell({
  label,
  first = false,
  raised = false,
  className = "",
  children,
}: {
  /** Left out where the content names itself (a « Voir » link). */
  label?: string;
  first?: boolean;
  raised?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const order = first ? "max-sm:order-first" : "";
  const layer = raised ? "max-sm:relative max-sm:z-10" : "";
  return (
    <td className={`max-sm:block ${order} ${layer} ${className}`}>
      {label ? <span className="font-semibold sm:hidden">{label} : </span> : null}
      {children}
    </td>
  );
}

import { CardTable } from "@/components/ui/card-table";
import type { Column } from "@/components/ui/data-table";
import { PageLinks } from "@/components/ui/page-links";
import { PageSizeChoice } from "@/components/ui/page-size-choice";

type Props = {
  /** The rows of the current page, and the list's counts. */
  list: { total: number; page: number; pages: number; pageSize: number; shown: number };
  /** Said instead of the table when the list is empty. */
  empty: React.ReactNode;
  /** The region's accessible name (« Tableau des factures »). */
  label: string;
  /** The page links' accessible name (« Pages des factures »). */
  navLabel: string;
  caption: string;
  columns: Column[];
  tableClassName: string;
  /** Builds the link of another page. */
  pageHref: (page: number) => string;
  /** The page the « Afficher [n] éléments / page » choice goes back to. */
  returnTo: string;
  children: React.ReactNode;
};

/**
 * A parent's paginated table (one card a row on a phone, in a region that scrolls sideways
 * elsewhere), then its footer: « Afficher [n] éléments / page », « x à y sur z », the page links.
 */
export function PagedCardTable({
  list,
  empty,
  label,
  navLabel,
  caption,
  columns,
  tableClassName,
  pageHref,
  returnTo,
  children,
}: Props) {
  const { total, page, pages, pageSize, shown } = list;
  if (total === 0) return <p className="text-muted">{empty}</p>;
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  return (
    <div className="space-y-3">
      <div role="region" aria-label={label} tabIndex={0} className="relative sm:overflow-x-auto">
        <CardTable tableClassName={tableClassName} caption={caption} look="brand" columns={columns}>
          {children}
        </CardTable>
      </div>
      <nav aria-label={navLabel} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <PageSizeChoice pageSize={pageSize} total={total} from={from} to={to} returnTo={returnTo} />
        {pages > 1 ? (
          <p className="flex gap-3">
            <PageLinks page={page} pageCount={pages} href={pageHref} linkClassName="text-brand underline" />
          </p>
        ) : null}
      </nav>
    </div>
  );
}

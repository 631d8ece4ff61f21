import { PageLinks } from "@/components/ui/page-links";
import { PageSizeChoice } from "@/components/ui/page-size-choice";

type Props = {
  /** The navigation's accessible name (« Pages des factures »). */
  label: string;
  page: number;
  pages: number;
  pageSize: number;
  total: number;
  /** How many rows the current page shows. */
  shown: number;
  /** Builds the link of another page. */
  pageHref: (page: number) => string;
  /** The page the « Afficher [n] éléments / page » choice goes back to. */
  returnTo: string;
};

/** The footer of a parent's paginated table: « Afficher [n] éléments / page », « x à y sur z », and the page links. */
export function PagedFooter({ label, page, pages, pageSize, total, shown, pageHref, returnTo }: Props) {
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <PageSizeChoice pageSize={pageSize} total={total} from={from} to={to} returnTo={returnTo} />
      {pages > 1 ? (
        <p className="flex gap-3">
          <PageLinks page={page} pageCount={pages} href={pageHref} linkClassName="text-brand underline" />
        </p>
      ) : null}
    </nav>
  );
}

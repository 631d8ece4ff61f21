import Link from "next/link";

/** « Page précédente », « Page n sur N », « Page suivante »: the links of a paged list. */
export function PageLinks({
  page,
  pageCount,
  href,
  linkClassName,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  linkClassName: string;
}) {
  return (
    <>
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClassName}>
          Page précédente
        </Link>
      ) : null}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClassName}>
          Page suivante
        </Link>
      ) : null}
    </>
  );
}

import { PageLinks } from "@/components/ui/page-links";

/** Server-side pagination links that keep the current filters. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="no-print mt-3 flex items-center gap-3">
      <PageLinks page={page} pageCount={pageCount} href={href} linkClassName="underline" />
    </nav>
  );
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

import "server-only";

import { cookies } from "next/headers";

// « Afficher [5] éléments / page » (issue #17 point 5): the parent's lists show 5, 10 or 25 rows,
// the choice remembered for the session in a cookie without Max-Age or Expires (the browser drops
// it when it closes). The form is a plain GET to /api/taille-page, which sets the cookie and goes
// back to the list: it works without JavaScript. Anything else than 5, 10 or 25 reads 5.

export const PAGE_SIZES = [5, 10, 25] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 5;
export const PAGE_SIZE_COOKIE = "portail-taille-page";

/** 5, 10 or 25 from a query value or a cookie; anything else (absent, "7", "10abc", "1e1") is 5. */
export function parsePageSize(value: unknown): PageSize {
  if (typeof value !== "string" || !/^\d{1,2}$/.test(value)) return DEFAULT_PAGE_SIZE;
  return PAGE_SIZES.find((size) => size === Number(value)) ?? DEFAULT_PAGE_SIZE;
}

/** The list size this session chose (pages call it; the default 5). */
export async function readPageSize(): Promise<PageSize> {
  return parsePageSize((await cookies()).get(PAGE_SIZE_COOKIE)?.value);
}

/**
 * Where /api/taille-page goes back to: a page of the parent's space (« /espace… »), without its
 * `page` (the list restarts at its first page); anything else — another site, « //evil », a
 * staff page — goes to « /espace ».
 */
export function pageSizeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !/^\/espace(?:[/?]|$)/.test(value) || value.includes("\\")) return "/espace";
  const url = new URL(value, "http://portail.invalid");
  if (url.origin !== "http://portail.invalid" || !/^\/espace(?:\/|$)/.test(url.pathname)) return "/espace";
  url.searchParams.delete("page");
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

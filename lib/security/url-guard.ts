// A NUL byte has no business in any address of the portal, and PostgreSQL refuses it in a text
// value (SQLSTATE 22021): a page reading `?enfant=%00` straight into a query answered 500. The
// proxy turns such a request away at the door (400) before any page, whatever parameter it hides
// in. Pure, so that it is unit-tested.
export function urlCarriesNulByte(url: URL): boolean {
  if (url.pathname.includes("%00") || url.pathname.includes("\u0000")) return true;
  for (const [key, value] of url.searchParams) {
    if (key.includes("\u0000") || value.includes("\u0000")) return true;
  }
  return false;
}

/**
 * A path whose percent-encoding does not decode (`/espace/enfants/%C0%AF`): Next.js cannot read
 * its dynamic segments and answered 500 before any page ran. Turned away by the proxy too (400).
 */
export function pathDoesNotDecode(url: URL): boolean {
  try {
    decodeURIComponent(url.pathname);
    return false;
  } catch {
    return true;
  }
}

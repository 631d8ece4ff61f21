// Where to go after login: a path of this portal, never another site. Every place that reads a
// `callbackUrl` (the login form, the login action, the second-factor step) goes through here.
// Browsers forgive a lot — "/\evil", "/%5Cevil", a tab inside "//", "https:evil" — so the value
// is resolved as a URL against our own origin and refused unless it stays there, decoded or not.

const PLACEHOLDER_ORIGIN = "http://portail.invalid";
const FORBIDDEN = /[\u0000-\u001F\u007F\\]/;

function looksForeign(path: string): boolean {
  return FORBIDDEN.test(path) || path.startsWith("//") || !path.startsWith("/");
}

/** The same-origin path (with query and fragment) to go to, or null for anything doubtful. */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (looksForeign(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  // A value encoded once or twice must not decode into something a browser or a proxy would
  // read as another host ("/%5Cevil", "/%252F%252Fevil").
  let decoded = url.pathname;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (looksForeign(next)) return null;
    if (next === decoded) break;
    decoded = next;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The page after a successful login: the asked-for page when it is ours and fits the role. */
export function afterLoginPath(callbackUrl: unknown, role: "PARENT" | "AGENT" | "ADMIN"): string {
  const home = role === "PARENT" ? "/espace" : "/admin";
  const wanted = safeRedirectPath(callbackUrl);
  if (!wanted) return home;
  const inStaffArea = wanted === "/admin" || wanted.startsWith("/admin/") || wanted.startsWith("/admin?");
  const inParentArea = wanted === "/espace" || wanted.startsWith("/espace/") || wanted.startsWith("/espace?");
  if (role === "PARENT" && inStaffArea) return home;
  if (role !== "PARENT" && inParentArea) return home;
  if (wanted.startsWith("/connexion")) return home;
  return wanted;
}

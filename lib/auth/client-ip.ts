// The client's address, for throttling and the authentication journal. X-Forwarded-For is
// written by whoever sends the request, so it is only read when TRUSTED_PROXY_COUNT says how
// many reverse proxies of ours stand in front of the app (each appends the address it saw):
// the entry that many places from the right is the client as our outermost proxy saw it.
// TRUSTED_PROXY_COUNT=0 (the app exposed directly): the header is ignored and the address is
// unknown (null) — per-address limits then do not apply, the per-account limit still does.
// Next.js fills the header with the socket address when a request has none.
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_COUNT;
  if (raw === undefined || raw.trim() === "") return 1;
  const count = Number(raw);
  return Number.isInteger(count) && count >= 0 ? count : 1;
}

export function clientIp(
  forwardedFor: string | string[] | null | undefined,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const proxies = trustedProxyCount(env);
  if (proxies === 0) return null;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const entry = entries[Math.max(0, entries.length - proxies)];
  // An address is short and printable; anything else is not one.
  return /^[0-9A-Za-z.:[\]%-]{1,64}$/.test(entry) ? entry : null;
}

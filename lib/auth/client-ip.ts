// The client's address for throttling. Next.js fills X-Forwarded-For with the socket address
// when the request has none; behind a reverse proxy (production), the proxy appends the real
// client address, so the rightmost entry is the one to trust (TRUSTED_PROXY_COUNT counts the
// proxies in front of the app; each one appends one entry).
export function clientIp(
  forwardedFor: string | string[] | null | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((part) => part.trim()).filter(Boolean);
  if (entries.length === 0) return "unknown";
  const proxies = Math.max(1, Number(env.TRUSTED_PROXY_COUNT ?? 1) || 1);
  return entries[Math.max(0, entries.length - proxies)];
}

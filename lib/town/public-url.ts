// Absolute links for e-mails: the portal's public address (NEXTAUTH_URL, which next-auth needs
// anyway in production).
export function publicUrl(pathname: string, env: Record<string, string | undefined> = process.env): string {
  const base = (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${pathname.startsWith("/") ? pathname : `/${pathname}`}`;
}

// next-auth's signing secret. Required in production; development and tests get a fixed one so
// that `npm run dev` works with no configuration.
export function authSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.NEXTAUTH_SECRET ?? (env.NODE_ENV === "production" ? undefined : "portail-familles-dev-secret");
}

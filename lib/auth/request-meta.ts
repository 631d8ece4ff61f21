import "server-only";

import { headers } from "next/headers";

import { clientIp } from "./client-ip";

/** The client's address (when a trusted proxy says it) and browser, for throttling and the journal. */
export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h.get("x-forwarded-for")), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}

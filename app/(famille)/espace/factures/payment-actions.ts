"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { parentAction } from "@/lib/auth/action";
import { payfipConfigFromEnv } from "@/lib/payfip/config";
import { ZPayOnlineSchema } from "@/lib/payfip/payfip.schema";
import { JUST_PAID_MESSAGE, startPayment } from "@/lib/payfip/start-payment";

/** The portal's public address, where PayFiP calls back: NEXTAUTH_URL, or this request's origin. */
async function appUrl(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const protocol = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

/**
 * « Payer en ligne »: creates the PayFiP operation for what remains on the family's invoice and
 * sends the parent to PayFiP's page; an earlier attempt found paid meanwhile is settled instead.
 */
export const payOnlineAction = parentAction(ZPayOnlineSchema, async (input, viewer, db) => {
  const result = await startPayment(db, payfipConfigFromEnv(), viewer, input.invoiceId, await appUrl());
  if (result.kind === "redirect") redirect(result.url);
  revalidatePath("/espace");
  revalidatePath("/espace/factures");
  return { message: JUST_PAID_MESSAGE };
});

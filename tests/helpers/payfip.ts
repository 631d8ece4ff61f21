// PayFiP payment tests: our stand-in (lib/payfip/standin) and a small HTTP server that hands what
// arrives at /api/payfip/notification and /api/payfip/retour to the portal's own route handlers
// (app/api/payfip/*/route.ts), as Next would — so the stand-in's notifications reach the real
// code — plus fixtures: a régie payable online and invoices written straight into the database.
import http from "node:http";
import type { AddressInfo } from "node:net";

import type { ParentViewer } from "@/lib/auth/session";
import { invoiceNumber, invoiceReference } from "@/lib/billing/invoice-number";
import type { PrismaClient } from "@/lib/db/generated/client";

type Handler = (request: Request) => Response | Promise<Response>;

export type CallbackServer = { url: string; requests: { path: string; method: string }[]; close(): Promise<void> };

export async function startCallbackServer(): Promise<CallbackServer> {
  const notification = await import("@/app/api/payfip/notification/route");
  const retour = await import("@/app/api/payfip/retour/route");
  const routes: Record<string, Record<string, Handler>> = {
    "/api/payfip/notification": { POST: notification.POST, GET: notification.GET },
    "/api/payfip/retour": { POST: retour.POST, GET: retour.GET },
  };
  const requests: CallbackServer["requests"] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
      requests.push({ path: url.pathname, method: incoming.method ?? "GET" });
      const handler = routes[url.pathname]?.[incoming.method ?? "GET"];
      if (!handler) return void outgoing.writeHead(404).end();
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
      const body = chunks.length && incoming.method !== "GET" ? Buffer.concat(chunks) : undefined;
      try {
        const response = await handler(new Request(url, { method: incoming.method, headers, body }));
        outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        console.error(error);
        outgoing.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The demo's « Régie périscolaire et restauration »: payable online, numcli 012345. */
export async function createOnlineRegie(prisma: PrismaClient, code = "PERI", payableOnline = true) {
  return prisma.regie.create({
    data: {
      code,
      name: `Régie ${code}`,
      payfipClientNumber: payableOnline ? "012345" : null,
      payableOnline,
      mentions: "",
    },
  });
}

let sequence = 0;

/** An issued invoice of `totalCents` for the family (straight into the database). */
export async function createInvoice(
  prisma: PrismaClient,
  {
    regieId,
    regieCode = "PERI",
    familyId,
    totalCents,
    payableOnline = true,
  }: { regieId: string; regieCode?: string; familyId: string; totalCents: number; payableOnline?: boolean },
) {
  sequence += 1;
  const number = invoiceNumber("INVOICE", regieCode, 2026, sequence);
  return prisma.invoice.create({
    data: {
      number,
      reference: invoiceReference(number),
      regieId,
      year: 2026,
      sequence,
      familyId,
      month: new Date("2026-10-01T00:00:00Z"),
      payableOnline,
      totalCents,
      dueDate: new Date("2026-12-31T00:00:00Z"),
      billingName: "Madame et Monsieur TEST",
      billingAddress: "1 rue de la Paix\n12000 Rodez",
      payerEmail: "parent.test@exemple.fr",
    },
  });
}

export function parentViewer(family: { id: string; user: { id: string; email: string } }): ParentViewer {
  return { userId: family.user.id, email: family.user.email, name: "Parent", role: "PARENT", familyId: family.id };
}

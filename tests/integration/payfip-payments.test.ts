// Online payment through PayFiP (issue #14 points 5–7, acceptance « Payment tests against the
// stand-in »), on both databases: the portal's real client, settlement and route handlers talk to
// our PayFiP stand-in over HTTP; its notifications reach the route handlers through a small
// server (tests/helpers/payfip.ts). Invoices are written straight into the database.
import type { ParentViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { payfipConfigFromEnv, type PayfipConfig } from "@/lib/payfip/config";
import { pollPendingOperations } from "@/lib/payfip/poll";
import { settleOperation } from "@/lib/payfip/settlement";
import { startPayfipStandin, type NotificationOptions, type PayfipStandin } from "@/lib/payfip/standin/server";
import { IN_PROGRESS_MESSAGE, PAYFIP_REFUSED_MESSAGE, startPayment } from "@/lib/payfip/start-payment";

import { createFamily } from "../helpers/admin-fixtures";
import { createInvoice, createOnlineRegie, parentViewer, startCallbackServer, type CallbackServer } from "../helpers/payfip";
import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("PayFiP payments against the stand-in on %s", (kind) => {
  let database: TestDatabase;
  let standin: PayfipStandin;
  let callbacks: CallbackServer;
  let config: PayfipConfig;
  let parent: ParentViewer;
  let other: ParentViewer;
  let regieId: string;
  const saved = { url: process.env.PAYFIP_URL, clock: process.env.PORTAIL_CLOCK, anchor: process.env.PORTAIL_CLOCK_ANCHOR };

  withTestDatabase(kind, async (suite) => {
    database = suite.database;
    standin = await startPayfipStandin();
    callbacks = await startCallbackServer();
    process.env.PAYFIP_URL = standin.url;
    config = payfipConfigFromEnv();
    regieId = (await createOnlineRegie(database.prisma)).id;
    parent = parentViewer(await createFamily(database.prisma, "TEST"));
    other = parentViewer(await createFamily(database.prisma, "AUTRE"));
  });
  afterAll(async () => {
    await standin?.idle();
    await standin?.close();
    await callbacks?.close();
    restore("PAYFIP_URL", saved.url);
  });
  afterEach(() => {
    restore("PORTAIL_CLOCK", saved.clock);
    restore("PORTAIL_CLOCK_ANCHOR", saved.anchor);
    Object.assign(standin.notification, {
      mode: "once",
      param: "idop",
      place: "body",
      delayMs: 3000,
    } satisfies NotificationOptions);
  });

  function restore(name: string, value: string | undefined) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }

  /** The portal's clock `minutes` after `from` (lib/clock.ts, as the tests pin it). */
  function moveClock(from: Date, minutes: number) {
    process.env.PORTAIL_CLOCK = new Date(from.getTime() + minutes * 60_000).toISOString();
    process.env.PORTAIL_CLOCK_ANCHOR = String(Date.now());
  }

  const invoice = (totalCents = 1400) => createInvoice(database.prisma, { regieId, familyId: parent.familyId, totalCents });

  async function start(invoiceId: string) {
    const result = await startPayment(database.prisma, config, parent, invoiceId, callbacks.url);
    if (result.kind !== "redirect") throw new Error("expected a redirect to PayFiP");
    const idOp = new URL(result.url).searchParams.get("idop")!;
    return { ...result, idOp };
  }

  const state = async (invoiceId: string) => {
    const row = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: {
        status: true,
        paidCents: true,
        payments: { select: { method: true, amountCents: true, payfipOperationId: true } },
      },
    });
    const operations = await database.prisma.payfipOperation.findMany({
      where: { invoiceId },
      select: { status: true, flagReason: true, resultrans: true },
      orderBy: { createdAt: "asc" },
    });
    return { ...row, operations };
  };

  const postNotification = (body: Record<string, string>, query = "") =>
    fetch(`${callbacks.url}/api/payfip/notification${query}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });

  it("sends the parent to PayFiP's page with the invoice's amount, reference and our callback addresses", async () => {
    const created = await invoice(1450);
    const { url, idOp } = await start(created.id);
    expect(url).toBe(`${standin.url}/tpa/paiementws.web?idop=${idOp}`);
    const request = standin.operations.get(idOp)!.request;
    expect(request).toMatchObject({
      montant: "1450",
      refdet: created.reference,
      numcli: "012345",
      saisie: "T",
      exer: "2026",
      mel: "parent.test@exemple.fr",
      urlnotif: `${callbacks.url}/api/payfip/notification`,
      urlredirect: `${callbacks.url}/api/payfip/retour`,
    });
    expect(request.objet).toMatch(/^Facture F PERI 2026 \d{6} octobre 2026$/);
    expect((await state(created.id)).operations).toEqual([{ status: "INITIATED", flagReason: null, resultrans: null }]);
    const page = await (await fetch(url)).text();
    for (const label of ["Payer (carte acceptée)", "Carte refusée", "Abandonner", "14,50 €"]) expect(page).toContain(label);
  });

  it("a paid card, notified: the invoice is paid once, by one PayFiP payment", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "P");
    const after = await state(created.id);
    expect(after).toMatchObject({ status: "PAID", paidCents: 1400, payments: [{ method: "PAYFIP", amountCents: 1400 }] });
    expect(after.operations).toEqual([{ status: "PAID", flagReason: null, resultrans: "P" }]);
    const audit = await database.prisma.auditLog.findMany({ where: { action: "payfip.settle", familyId: parent.familyId } });
    expect(audit.some((entry) => (entry.details as { idOp?: string }).idOp === idOp)).toBe(true);
  });

  it("a forged notification whose body looks paid changes nothing: PayFiP's detail is not paid", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    const response = await postNotification({ idop: idOp, resultrans: "P", montant: "1400", numauto: "123456" });
    expect(response.status).toBe(200);
    const after = await state(created.id);
    expect(after).toMatchObject({ status: "ISSUED", paidCents: 0, payments: [] });
    expect(after.operations).toEqual([{ status: "INITIATED", flagReason: null, resultrans: null }]);
    // The payer then abandons: forged or not, the invoice is not paid.
    await standin.decide(idOp, "A");
    expect(await state(created.id)).toMatchObject({ status: "ISSUED", payments: [], operations: [{ status: "ABANDONED" }] });
  });

  it("two notifications, then the parent's return: paid once (one Payment)", async () => {
    const created = await invoice();
    const { idOp, operationId } = await start(created.id);
    await standin.decide(idOp, "P", { mode: "twice" });
    expect(standin.operations.get(idOp)!.notifications).toBe(2);
    const back = await fetch(`${callbacks.url}/api/payfip/retour`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `idop=${idOp}`,
    });
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(`/espace/factures/paiement/${operationId}`);
    expect(await state(created.id)).toMatchObject({ status: "PAID", paidCents: 1400, payments: [{ amountCents: 1400 }] });
  });

  it("the return before the notification settles it; the late notification then changes nothing", async () => {
    const created = await invoice();
    const { idOp, operationId } = await start(created.id);
    await standin.decide(idOp, "P", { mode: "late", delayMs: 300 });
    expect(standin.operations.get(idOp)!.notifications).toBe(0);
    const back = await fetch(`${callbacks.url}/api/payfip/retour?idop=${idOp}`, { redirect: "manual" });
    expect(back.headers.get("location")).toBe(`/espace/factures/paiement/${operationId}`);
    expect(await state(created.id)).toMatchObject({ status: "PAID", payments: [{ amountCents: 1400 }] });
    await standin.idle();
    expect(standin.operations.get(idOp)!.notifications).toBe(1);
    const after = await state(created.id);
    expect(after.payments).toHaveLength(1);
    const operation = await database.prisma.payfipOperation.findUniqueOrThrow({ where: { idOp } });
    expect(operation.notifiedAt).toBeNull(); // the late notification found it settled: nothing rewritten
  });

  it.each([
    ["idop", "body"],
    ["idOp", "body"],
    ["idop", "query"],
    ["idOp", "query"],
  ] as const)("the notification's id as %s in the %s settles it", async (param, place) => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "P", { param, place });
    expect(await state(created.id)).toMatchObject({ status: "PAID", payments: [{ amountCents: 1400 }] });
  });

  it("no notification: the polling job settles the payment (from 5 minutes after its creation)", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "P", { mode: "none" });
    const { createdAt } = await database.prisma.payfipOperation.findUniqueOrThrow({ where: { idOp } });
    moveClock(createdAt, 2);
    expect((await pollPendingOperations(database.prisma, config, clock.now())).settled).toBe(0);
    expect((await state(created.id)).status).toBe("ISSUED");
    moveClock(createdAt, 6);
    const report = await pollPendingOperations(database.prisma, config, clock.now());
    expect(report.settled).toBe(1); // (the earlier tests' attempts still waiting are checked too)
    expect(await state(created.id)).toMatchObject({ status: "PAID", payments: [{ amountCents: 1400 }] });
  });

  it("P5 (the payer has not chosen): still waiting at 19 minutes, expired at 21", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    const { createdAt } = await database.prisma.payfipOperation.findUniqueOrThrow({ where: { idOp } });
    moveClock(createdAt, 19);
    expect(await settleOperation(database.prisma, config, idOp, "poll")).toMatchObject({ status: "INITIATED", changed: false });
    moveClock(createdAt, 21);
    expect(await settleOperation(database.prisma, config, idOp, "poll")).toMatchObject({ status: "EXPIRED", changed: true });
    expect(await state(created.id)).toMatchObject({ status: "ISSUED", payments: [], operations: [{ status: "EXPIRED" }] });
    // The invoice stays payable: a new attempt is created.
    const again = await start(created.id);
    expect(again.idOp).not.toBe(idOp);
  });

  it("P1 (an id PayFiP no longer knows) expires the operation", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    standin.operations.delete(idOp);
    expect(await settleOperation(database.prisma, config, idOp, "poll")).toMatchObject({ status: "EXPIRED" });
  });

  it("paid at PayFiP for another amount: flagged for staff, nothing paid", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    standin.operations.get(idOp)!.override = { montant: "100" };
    await standin.decide(idOp, "P");
    const after = await state(created.id);
    expect(after).toMatchObject({ status: "ISSUED", paidCents: 0, payments: [] });
    expect(after.operations[0].status).toBe("FLAGGED");
    expect(after.operations[0].flagReason).toContain(
      "Montant payé sur PayFiP (1,00\u00a0€) différent du montant demandé (14,00\u00a0€)",
    );
  });

  it("paid at PayFiP for an unknown reference: flagged, nothing paid", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    standin.operations.get(idOp)!.override = { refdet: "FPERI2099999999" };
    await standin.decide(idOp, "P");
    const after = await state(created.id);
    expect(after).toMatchObject({ status: "ISSUED", payments: [] });
    expect(after.operations[0]).toMatchObject({ status: "FLAGGED" });
    expect(after.operations[0].flagReason).toContain("FPERI2099999999");
  });

  it("a refused card: REFUSED, the invoice stays payable and a new attempt can start", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "R");
    expect(await state(created.id)).toMatchObject({
      status: "ISSUED",
      payments: [],
      operations: [{ status: "REFUSED", resultrans: "R" }],
    });
    await expect(start(created.id)).resolves.toMatchObject({ kind: "redirect" });
  });

  it("a SOAP fault on creation: a French message, nothing written, the invoice stays payable", async () => {
    const created = await invoice();
    standin.failNext("creerPaiementSecurise", { code: "R4", libelle: "Le montant (MONTANT) est absent ou incorrect" });
    await expect(start(created.id)).rejects.toEqual(new AppError("PAYFIP_REFUSED", PAYFIP_REFUSED_MESSAGE));
    expect(await state(created.id)).toMatchObject({ status: "ISSUED", payments: [], operations: [] });
    await expect(start(created.id)).resolves.toMatchObject({ kind: "redirect" });
  });

  it("PayFiP unreachable: a French message, nothing written", async () => {
    const created = await invoice();
    const down: PayfipConfig = { ...config, baseUrl: "http://127.0.0.1:9" };
    await expect(startPayment(database.prisma, down, parent, created.id, callbacks.url)).rejects.toMatchObject({
      code: "PAYFIP_UNAVAILABLE",
    });
    expect((await state(created.id)).operations).toEqual([]);
  });

  it("another family's invoice is not found, and nothing is written", async () => {
    const created = await invoice();
    await expect(startPayment(database.prisma, config, other, created.id, callbacks.url)).rejects.toEqual(
      new AppError("NOT_FOUND", "Facture introuvable."),
    );
    expect((await state(created.id)).operations).toEqual([]);
  });

  it("an invoice not payable online, cancelled or paid is refused", async () => {
    const offline = await createOnlineRegie(database.prisma, "ALSH", false);
    const alsh = await createInvoice(database.prisma, {
      regieId: offline.id,
      regieCode: "ALSH",
      familyId: parent.familyId,
      totalCents: 900,
      payableOnline: false,
    });
    await expect(start(alsh.id)).rejects.toMatchObject({ code: "NOT_PAYABLE_ONLINE" });
    const cancelled = await invoice();
    await database.prisma.invoice.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    await expect(start(cancelled.id)).rejects.toMatchObject({ code: "INVOICE_CANCELLED" });
  });

  it("a previous attempt found paid before a new one: settled, « Cette facture vient d'être payée », no new idOp", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "P", { mode: "none" });
    const operationsBefore = standin.operations.size;
    await expect(startPayment(database.prisma, config, parent, created.id, callbacks.url)).resolves.toEqual({ kind: "paid" });
    expect(standin.operations.size).toBe(operationsBefore);
    expect(await state(created.id)).toMatchObject({
      status: "PAID",
      payments: [{ amountCents: 1400 }],
      operations: [{ status: "PAID" }],
    });
  });

  it("a previous attempt still in progress blocks a second payment", async () => {
    const created = await invoice();
    await start(created.id);
    await expect(start(created.id)).rejects.toEqual(new AppError("PAYMENT_IN_PROGRESS", IN_PROGRESS_MESSAGE));
    expect((await state(created.id)).operations).toHaveLength(1);
  });

  it("a partly paid invoice is paid online for what remains", async () => {
    const created = await invoice(3000);
    await database.prisma.invoice.update({ where: { id: created.id }, data: { paidCents: 1000 } });
    const { idOp } = await start(created.id);
    expect(standin.operations.get(idOp)!.request.montant).toBe("2000");
    await standin.decide(idOp, "P");
    expect(await state(created.id)).toMatchObject({ status: "PAID", paidCents: 3000 });
  });

  it("a notification for an unknown id answers 200 and changes nothing", async () => {
    const before = await database.prisma.payment.count();
    expect((await postNotification({ idop: "0123456789abcdef" })).status).toBe(200);
    expect((await postNotification({})).status).toBe(200);
    expect(await database.prisma.payment.count()).toBe(before);
  });

  it("settled concurrently by the notification, the return and the poller: one payment", async () => {
    const created = await invoice();
    const { idOp } = await start(created.id);
    await standin.decide(idOp, "P", { mode: "none" });
    const results = await Promise.all([
      postNotification({ idop: idOp }),
      fetch(`${callbacks.url}/api/payfip/retour?idop=${idOp}`, { redirect: "manual" }),
      settleOperation(database.prisma, config, idOp, "poll"),
    ]);
    expect(results).toHaveLength(3);
    expect(await state(created.id)).toMatchObject({ status: "PAID", paidCents: 1400, payments: [{ amountCents: 1400 }] });
  });
});

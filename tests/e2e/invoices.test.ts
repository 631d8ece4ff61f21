// The parents' invoices on a 390 px phone, in Chromium (issue #14 points 3, 4 and 8): the dashboard's
// « Factures » block shows the invoice to pay, « Mes factures » lists it « À payer » with its
// amount, its PDF downloads (200, application/pdf, attachment, not cached, the same bytes twice),
// another family's invoice and PDF answer 404 and a visitor's download 401; the booking recap
// shows the estimated cost at the family's QF. The parent pays the demo's invoice of last month
// through PayFiP (our stand-in, reached by the real client) with « Payer (carte acceptée) » and
// reads « Payée »; a refused card says so and leaves the invoice payable. Every page of ours is
// axe clean.
import crypto from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";

import { startPayfipStandin, type PayfipStandin } from "@/lib/payfip/standin/server";
import { dayLabel } from "@/lib/reservations/booking-rules";
import { DEMO_IDS } from "@/prisma/seed";

import { nextBookableCantineWeek, type BookableWeek } from "../helpers/bookable-week";
import { createInvoiceFixture } from "../helpers/invoice-fixtures";
import { accessibilityViolations, describeE2e, expectVisible, titleOf } from "./browser";
import { withPortalAndBrowser } from "./journey";
import { gotoMonth } from "./planning";
import type { Portal, PortalClock } from "./portal";

const PHONE = { width: 390, height: 844 };
const CANTEEN = { serviceLabel: "CANTINE ELEMENTAIRE CAMBON", unitLabel: "REPAS ENFANT", unitPriceCents: 180 };

let invoice: { id: string; number: string };
/** The demo's own invoice of last month (prisma/seed-billing.ts): Julien's canteen of October 2026. */
let demoInvoice: { id: string; number: string; totalCents: number };
let otherInvoiceId: string;
let cantine: BookableWeek;

async function prepare(database: import("@/lib/db/connect").Database, clock: PortalClock) {
  const prisma = database.prisma;
  await prisma.family.update({ where: { id: DEMO_IDS.family }, data: { quotientFamilial: 650, qfSetAt: clock.now() } });
  // November's canteen days of Julien, issued on the portal's day (Monday 30 November 2026).
  invoice = await createInvoiceFixture(prisma, {
    familyId: DEMO_IDS.family,
    regieCode: "PERI",
    month: "2026-11-01",
    issuedAt: clock.now(),
    dueDay: "2026-12-30",
    lines: ["2026-11-02", "2026-11-03", "2026-11-05"].map((date) => ({
      ...CANTEEN,
      date,
      childName: "TEST JULIEN",
      quotientFamilial: 650,
      bracketLabel: "QF de 400 à 699",
    })),
  });
  const other = await prisma.family.create({ data: { name: "AUTRE" }, select: { id: true } });
  otherInvoiceId = (
    await createInvoiceFixture(prisma, {
      familyId: other.id,
      regieCode: "PERI",
      month: "2026-11-01",
      issuedAt: clock.now(),
      dueDay: "2026-12-30",
      billingName: "Madame AUTRE",
      lines: [{ ...CANTEEN, date: "2026-11-02", childName: "AUTRE LOU" }],
    })
  ).id;
  demoInvoice = await prisma.invoice.findFirstOrThrow({
    where: { familyId: DEMO_IDS.family, month: new Date("2026-10-01T00:00:00Z"), kind: "INVOICE" },
    select: { id: true, number: true, totalCents: true },
  });
  cantine = await nextBookableCantineWeek(prisma, "CAMBON", clock.now(), 10 * 60 * 1000);
}

describeE2e("the parents' invoices and the booking's estimated cost on a phone, in Chromium", () => {
  let portal: Portal;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let payfip: PayfipStandin;
  // The portal's PAYFIP_URL is the stand-in's, started first (hooks run in order).
  const env: Record<string, string> = {};
  beforeAll(async () => {
    payfip = await startPayfipStandin();
    env.PAYFIP_URL = payfip.url;
  });
  afterAll(() => payfip?.close());
  withPortalAndBrowser({ prepare, env }, async (journey) => {
    ({ portal, browser } = journey);
    phone = await journey.browser.newContext({
      baseURL: portal.baseUrl,
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
      viewport: PHONE,
    });
    page = await journey.signIn(phone, "parent");
  });
  afterAll(() => phone?.close());

  it("shows the invoice to pay on the dashboard, then « À payer » with its amount in « Mes factures »", async () => {
    await page.goto("/espace");
    const due = page.getByTestId(`facture-a-payer-${invoice.number}`);
    await expectVisible(due);
    for (const text of ["Facture de novembre 2026", "5,40 €", "30/12/2026"]) await expectVisible(due.getByText(text));
    // The state badge (case-sensitive: not the column « Reste à payer »).
    await expectVisible(due.getByText(/À payer/));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Voir mes factures" }).click();
    await expectVisible(page.getByRole("heading", { name: "Mes factures", level: 1 }));
    expect(await titleOf(page)).toContain("Mes factures");
    const card = page.getByTestId(`facture-${invoice.number}`);
    for (const text of ["Facture de novembre 2026", "Régie périscolaire et restauration", "Aucun"]) {
      await expectVisible(card.getByText(text, { exact: true }));
    }
    await expectVisible(card.getByText(/À payer/));
    // The total, what remains, and the « Payer en ligne » button that names the amount.
    expect(await card.getByText("5,40 €").count()).toBe(3);
    await expectVisible(card.getByRole("button", { name: /Payer en ligne/ }));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityViolations(page)).toEqual([]);

    await card.getByRole("link", { name: `Voir la facture n° ${invoice.number}` }).click();
    await expectVisible(page.getByRole("heading", { name: `Facture n° ${invoice.number}` }));
    await expectVisible(page.getByText("QF 650 – QF de 400 à 699").first());
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("downloads the PDF as an attachment, the same bytes twice; another family's invoice is 404, a visitor's download 401", async () => {
    const href = await page
      .getByRole("link", { name: `Télécharger le PDF de la facture n° ${invoice.number}` })
      .getAttribute("href");
    expect(href).toBe(`/api/factures/${invoice.id}/pdf`);
    const [first, second] = [await page.request.get(href!), await page.request.get(href!)];
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("application/pdf");
    expect(first.headers()["content-disposition"]).toContain(`attachment; filename="facture-${invoice.number}.pdf"`);
    expect(first.headers()["cache-control"]).toBe("private, no-store");
    const sha = async (response: typeof first) =>
      crypto
        .createHash("sha256")
        .update(await response.body())
        .digest("hex");
    expect(await sha(first)).toBe(await sha(second));
    expect((await first.body()).subarray(0, 5).toString()).toBe("%PDF-");

    expect((await page.request.get(`/api/factures/${otherInvoiceId}/pdf`)).status()).toBe(404);
    expect((await page.request.get("/api/factures/pas-un-id/pdf")).status()).toBe(404);
    expect((await page.goto(`/espace/factures/${otherInvoiceId}`))?.status()).toBe(404);
    const signedOut = await browser.newContext({ baseURL: portal.baseUrl });
    try {
      const visitor = await signedOut.request.get(href!, { maxRedirects: 0 });
      expect(visitor.status()).toBe(401);
      expect(visitor.headers()["content-type"]).not.toBe("application/pdf");
    } finally {
      await signedOut.close();
    }
  });

  it("shows the estimated cost at the family's QF in the booking recap", async () => {
    const days = cantine.week.slice(0, 2);
    await page.goto(`/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julien}&periode=${cantine.periodId}`);
    for (const day of days) {
      await gotoMonth(page, day);
      await page.getByRole("checkbox", { name: `REPAS ENFANT le ${dayLabel(day)}`, exact: true }).check();
    }
    await page.getByRole("button", { name: "Valider le planning" }).click();
    await expectVisible(page.getByRole("heading", { name: "Récapitulatif de votre demande" }));
    const estimate = page.getByTestId("cout-estime");
    await expectVisible(estimate.getByText("REPAS ENFANT : 2 journées × 1,80 € = 3,60 €"));
    await expectVisible(estimate.getByText("Total estimé : 3,60 €"));
    await expectVisible(
      estimate.getByText(
        "Estimation au quotient familial actuel (QF 650, tranche « QF de 400 à 699 ») ; le montant exact figure sur la facture.",
      ),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("pays last month's invoice online with « Payer (carte acceptée) » and reads « Payée »", async () => {
    await page.goto("/espace/factures");
    const card = page.getByTestId(`facture-${demoInvoice.number}`);
    await expectVisible(card.getByText("Facture d'octobre 2026", { exact: true }));
    await card.getByRole("button", { name: /Payer en ligne/ }).click();
    // PayFiP's page (the stand-in), reached through the idOp the portal created.
    await page.waitForURL(`${payfip.url}/**`);
    await expectVisible(page.getByRole("heading", { name: "Paiement sécurisé" }));
    await page.getByRole("button", { name: "Payer (carte acceptée)" }).click();
    await backToPortal(page, portal);
    await expectVisible(page.getByRole("heading", { name: "Votre paiement a été accepté" }));
    await expectVisible(page.getByText("Payée", { exact: true }));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto("/espace/factures");
    await expectVisible(page.getByTestId(`facture-${demoInvoice.number}`).getByText(/Payée/));
    expect(
      await page
        .getByTestId(`facture-${demoInvoice.number}`)
        .getByRole("button", { name: /Payer en ligne/ })
        .count(),
    ).toBe(0);
    // Paid once, whatever the order of the return and the notification.
    await payfip.idle();
    const database = await portal.connectDatabase();
    try {
      const paid = await database.prisma.invoice.findUniqueOrThrow({
        where: { id: demoInvoice.id },
        select: { status: true, paidCents: true, payments: { select: { method: true, amountCents: true } } },
      });
      expect(paid).toEqual({
        status: "PAID",
        paidCents: demoInvoice.totalCents,
        payments: [{ method: "PAYFIP", amountCents: demoInvoice.totalCents }],
      });
    } finally {
      await database.close();
    }
  });

  it("says so when the card is refused, and the invoice stays payable", async () => {
    await page.goto("/espace/factures");
    await page
      .getByTestId(`facture-${invoice.number}`)
      .getByRole("button", { name: /Payer en ligne/ })
      .click();
    await page.waitForURL(`${payfip.url}/**`);
    await page.getByRole("button", { name: "Carte refusée" }).click();
    await backToPortal(page, portal);
    await expectVisible(page.getByRole("heading", { name: "Votre paiement a été refusé" }));
    await expectVisible(page.getByText(/rien n'a été débité\. La facture reste à payer/));
    await expectVisible(page.getByRole("button", { name: /Payer en ligne/ }));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto("/espace/factures");
    await expectVisible(page.getByTestId(`facture-${invoice.number}`).getByText(/À payer/));
  });
});

/**
 * Back from PayFiP's result page to the portal (its form posts the idop back, like PayFiP's
 * « Retourner sur le portail »). The button is pressed without waiting for the navigation it
 * starts (a click waits for the next page's load event, which once took over 30 s on a loaded CI
 * machine though the page was there); the portal's page is then awaited once its document is read,
 * and the test reads its headings.
 */
async function backToPortal(page: Page, portal: Portal) {
  const back = page.getByRole("button", { name: "Retourner sur le portail" });
  if (await back.isVisible().catch(() => false)) await back.dispatchEvent("click");
  await page.waitForURL(`${portal.baseUrl}/espace/factures/paiement/**`, { waitUntil: "domcontentloaded" });
}

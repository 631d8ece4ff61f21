// Issue #18, the parents' points on a 390 px phone: every parent table is one card per row (state
// first, the whole card a link) with nothing off-screen; a reservation with a refused day reads
// « Partiellement acceptée (1 journée refusée) » on the card, on its page and in the decision
// e-mail; « Modifier / Annuler » with every day unticked reads as a cancellation.
import crypto from "node:crypto";

import type { BrowserContext, Page } from "playwright-core";

import { formatDay } from "@/lib/dates/calendar-day";
import type { Database } from "@/lib/db/connect";
import { decideReservation } from "@/lib/reservations/decisions";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { completeChildSheet } from "../helpers/families";
import { FIXTURE_DAY, prepareDemoReservations } from "./admin-e2e-fixtures";
import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal, PortalClock } from "./portal";

const PHONE = { width: 390, height: 844 };
const REFUSAL = "Plus de place le soir ce jour-là";
const DOCUMENT_REFUSAL = "Le document est illisible, merci d'envoyer une photo nette de toutes les pages du jugement";

/**
 * The demo reservations (admin-e2e-fixtures), decided by staff before the portal starts: the
 * garderie's SOIR refused with a message, its MATIN accepted (the decision e-mails wait in the
 * outbox; the portal delivers them); a refused family document; Julie's sheet completed (her
 * lunch is the one cancelled).
 */
async function prepare(database: Database, clock: PortalClock) {
  const prisma = database.prisma;
  await prepareDemoReservations(database);
  await completeChildSheet(prisma, DEMO_IDS.julie, { schoolName: "Cambon", schoolLevel: "CE1" });
  const agentUser = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.agent }, select: { id: true } });
  const agentViewer = { userId: agentUser.id, email: DEMO_ACCOUNTS.agent, name: "Agent", role: "AGENT" as const, familyId: null };
  const garderie = await prisma.reservation.findFirstOrThrow({
    where: { childId: DEMO_IDS.julien, period: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } } },
    select: { id: true, days: { select: { id: true, unit: { select: { label: true } } } } },
  });
  const soir = garderie.days.find((line) => line.unit.label === "SOIR")!;
  const now = clock.now();
  await decideReservation(prisma, agentViewer, { decision: "REFUSED", dayId: soir.id, message: REFUSAL }, { now });
  await decideReservation(prisma, agentViewer, { decision: "ACCEPTED", reservationId: garderie.id, message: null }, { now });

  // The decisions' e-mails are due at the portal's time (the test process reads the real one).
  await prisma.outboxMail.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: now, createdAt: now } });

  const type = await prisma.documentType.findUniqueOrThrow({ where: { code: "DOCUMENT_JURIDIQUE" }, select: { id: true } });
  const content = Buffer.from("%PDF-1.4 jugement");
  await prisma.document.create({
    data: {
      familyId: DEMO_IDS.family,
      typeId: type.id,
      status: "REFUSED",
      refusalReason: DOCUMENT_REFUSAL,
      name: "Jugement de divorce",
      originalName: "jugement-de-divorce-pages-1-a-12-numerisation-du-scanner.pdf",
      storageKind: "LOCAL",
      storageKey: "documents/parent-phone-refused",
      mimeType: "application/pdf",
      size: content.length,
      sha256: crypto.createHash("sha256").update(content).digest("hex"),
      uploadedAt: now,
      reviewedAt: now,
    },
  });
}

/** Nothing wider than the screen: no horizontal scrolling of the page. */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Each of the `links` has its box inside the viewport's width (none cut off on the right). */
async function expectInsideViewport(page: Page, links: ReturnType<Page["getByRole"]>) {
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const box = await links.nth(index).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  }
}

/** The card (table row) of reservation `number`: its state is shown above its number (labelled « N° : »). */
async function expectStateFirst(page: Page, number: string, state: string) {
  const card = page.getByRole("row").filter({ hasText: number });
  const stateBox = await card.getByText(state).first().boundingBox();
  const numberBox = await card.getByText("N° :").boundingBox();
  expect(stateBox).not.toBeNull();
  expect(numberBox).not.toBeNull();
  expect(stateBox!.y).toBeLessThan(numberBox!.y);
}

describeE2e("the parents' tables and states on a 390 px phone, in Chromium", () => {
  let portal: Portal;
  let phone: BrowserContext;
  let page: Page;
  let partialNumber: string;
  withPortalAndBrowser({ prepare }, async (journey) => {
    portal = journey.portal;
    phone = await journey.browser.newContext({
      baseURL: portal.baseUrl,
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
      viewport: PHONE,
    });
    page = await journey.signIn(phone, "parent");
  });
  afterAll(() => phone?.close());

  it("shows the dashboard's reservations and documents as cards: state first, links on screen, no horizontal scroll", async () => {
    await page.goto("/espace");
    const reservations = page.getByRole("link", { name: /^Voir la réservation n° \d{6}$/ });
    await expectVisible(reservations.first());
    // The two prepared here, and the demo's canteen of last month (the days of its invoice).
    expect(await reservations.count()).toBe(3);
    await expectNoHorizontalScroll(page);
    await expectInsideViewport(page, reservations);
    await expectInsideViewport(page, page.getByRole("link", { name: /^Voir le document/ }));

    const partial = page.getByRole("row").filter({ hasText: "GARDERIE ELEMENTAIRE CAMBON" });
    await expectVisible(partial.getByText("Partiellement acceptée"));
    await expectVisible(partial.getByText("(1 journée refusée)"));
    partialNumber = /\d{6}/.exec((await partial.getByRole("link").getAttribute("aria-label")) ?? "")![0];
    await expectStateFirst(page, partialNumber, "Partiellement acceptée");
    // The guide's column names label the card's facts.
    await expectVisible(partial.getByText("Référent :"));
    await expectVisible(partial.getByText("Établissement / Période :"));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("lists « Mes réservations » as cards, the whole card a link to the reservation, which reads « Partiellement acceptée »", async () => {
    await page.goto("/espace/reservations");
    const links = page.getByRole("link", { name: /^Voir la réservation n° \d{6}$/ });
    await expectVisible(links.first());
    await expectNoHorizontalScroll(page);
    await expectInsideViewport(page, links);
    await expectStateFirst(page, partialNumber, "Partiellement acceptée");
    const accepted = page.getByRole("row").filter({ hasText: "CANTINE ELEMENTAIRE CAMBON" });
    await expectVisible(accepted.getByText("Réservation acceptée"));
    expect(await accessibilityViolations(page)).toEqual([]);

    // A tap on the card's child name, far from « Voir », opens the reservation (a real tap: the
    // link's overlay, not the name, receives it).
    const referent = page.getByRole("row").filter({ hasText: partialNumber }).getByText("TEST JULIEN");
    await referent.scrollIntoViewIfNeeded();
    const name = (await referent.boundingBox())!;
    await page.mouse.click(name.x + name.width / 2, name.y + name.height / 2);
    await page.waitForURL(/\/espace\/reservations\/[\w-]+$/);
    await expectVisible(page.getByRole("heading", { name: `Réservation n° ${partialNumber}` }));
    const state = page.getByRole("listitem").filter({ hasText: "État de la réservation" });
    expect((await state.textContent())?.replace(/\s+/g, " ")).toContain("Partiellement acceptée (1 journée refusée)");
    await expectVisible(page.getByText(REFUSAL));
    await expectNoHorizontalScroll(page);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows « Mes documents » as cards: state and reason first, « Voir » and « Supprimer » on screen", async () => {
    await page.goto("/espace/documents");
    const list = page.getByRole("table", { name: "Mes documents transmis au Guichet unique" });
    await expectVisible(list);
    await expectNoHorizontalScroll(page);
    await expectInsideViewport(page, list.getByRole("link", { name: /^Voir le document/ }));
    const refused = list.getByRole("row").filter({ hasText: "Document juridique divers" });
    await expectVisible(refused.getByText(DOCUMENT_REFUSAL));
    const remove = refused.getByRole("button", { name: /Supprimer/ });
    await expectInsideViewport(page, remove);
    const stateBox = await refused.getByText(DOCUMENT_REFUSAL).boundingBox();
    const typeBox = await refused.getByText("Document :").boundingBox();
    expect(stateBox!.y).toBeLessThan(typeBox!.y);
    expect(await accessibilityViolations(page)).toEqual([]);

    // « Supprimer » stays a button of its own over the card-wide link: it asks for confirmation.
    await remove.click();
    const confirm = refused.getByRole("button", { name: "Oui, supprimer" });
    await expectVisible(confirm);
    await expectInsideViewport(page, confirm);
    expect(phone.pages()).toHaveLength(1); // « Voir » (a new tab) was not what the tap hit
    await expectNoHorizontalScroll(page);
  });

  it("words « Modifier / Annuler » with every day unticked as a cancellation, « Retour à mon espace » being the primary button", async () => {
    await page.goto("/espace/reservations");
    const lunch = page
      .getByRole("row")
      .filter({ hasText: "CANTINE ELEMENTAIRE CAMBON" })
      .filter({ hasText: /TEST JULIE\b/ });
    const link = lunch.getByRole("link", { name: /^Voir la réservation n° \d{6}$/ });
    const number = /\d{6}/.exec((await link.getAttribute("aria-label")) ?? "")![0];
    await link.click();
    await expectVisible(page.getByRole("heading", { name: `Réservation n° ${number}` }));
    const background = (name: string) =>
      page.getByRole("link", { name, exact: true }).evaluate((element) => getComputedStyle(element).backgroundColor);
    const transparent = "rgba(0, 0, 0, 0)";
    expect(await background("Retour à mon espace")).not.toBe(transparent);
    expect(await background("Modifier / Annuler la réservation")).toBe(transparent);
    await expectNoHorizontalScroll(page);

    await page.getByRole("link", { name: "Modifier / Annuler la réservation" }).click();
    await page.getByRole("link", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Tout décocher (annuler la réservation)" }).click();
    await page.getByRole("button", { name: "Valider le planning" }).click();
    await expectVisible(page.getByRole("heading", { name: `Annulation de la réservation n° ${number}` }));
    await expectVisible(page.getByRole("button", { name: "Confirmer l'annulation" }));
    expect(await page.getByRole("button", { name: "Confirmer la réservation" }).count()).toBe(0);
    expect(await page.getByText("En attente de confirmation").count()).toBe(0);
    await expectNoHorizontalScroll(page);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Confirmer l'annulation" }).click();
    await expectVisible(page.getByRole("heading", { name: "Réservation annulée" }));
    await expectVisible(page.getByRole("status").filter({ hasText: `La réservation n° ${number} a été annulée` }));
    const state = page.getByRole("listitem").filter({ hasText: "État de la réservation" });
    expect((await state.textContent())?.replace(/\s+/g, " ")).toContain("Réservation annulée");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("e-mails the decision with « Partiellement acceptée (1 journée refusée) »", async () => {
    // Written before the portal started, they go with its first sweep (every minute) or nudge.
    const deadline = Date.now() + 90_000;
    const find = () =>
      portal.smtp.mails.find((mail) => mail.to.includes(DEMO_ACCOUNTS.parent) && mail.subject.includes("partiellement acceptée"));
    while (!find() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const mail = find();
    expect(mail?.subject).toBe(`Réservation n° ${partialNumber} : demande acceptée – partiellement acceptée`);
    expect(mail?.text).toContain(`✓ ${formatDay(FIXTURE_DAY)} – MATIN`);
    expect(mail?.text).toContain("État de la réservation : Partiellement acceptée (1 journée refusée).");
  });
});

// Issue #18 points 6–8 in Chromium at 1280 px: the back-office home says what needs doing (with
// its counts, the search field and the current tab marked), the queue accepts three lines in one
// go (the counters still equal the booked days), and the staff reservation page cancels a day
// for a family who phoned (the family sees it, the place is freed, the mail is written).
import type { Page } from "playwright-core";

import { dayToDate, formatDay } from "@/lib/dates/calendar-day";
import type { Database } from "@/lib/db/connect";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";
import { counterMismatches } from "../helpers/counters";
import { FIXTURE_DAY, prepareDemoReservations } from "./admin-e2e-fixtures";
import { accessibilityViolations, describeE2e, expectVisible, login, newContext, titleOf } from "./browser";
import { withPortalAndBrowser, type Journey } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";

/** The demo reservations, and a third pending line: Julie's morning at the after-school club. */
async function prepare(database: Database) {
  await prepareDemoReservations(database);
  const club = await database.prisma.period.findFirstOrThrow({
    where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
    select: { id: true, units: { where: { label: "MATIN" }, select: { id: true } } },
  });
  await createReservation(database.prisma, {
    familyId: DEMO_IDS.family,
    childId: DEMO_IDS.julie,
    periodId: club.id,
    lines: [{ unitId: club.units[0].id, day: FIXTURE_DAY }],
    status: "PENDING",
  });
}

/** Waits for `condition` on the portal's database (the answer streams back before the commit is seen elsewhere). */
async function eventually(portal: Portal, what: string, condition: (database: Database["prisma"]) => Promise<boolean>) {
  const until = Date.now() + 15_000;
  for (;;) {
    let met = false;
    await checkPortalDatabase(portal, what, async (database) => {
      met = await condition(database.prisma);
    });
    if (met) return;
    if (Date.now() > until) throw new Error(`${what} : pas observé en 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeE2e("the back office built for volume, in Chromium at 1280 px", () => {
  let journey: Journey;
  let portal: Portal;
  let agent: Page;
  withPortalAndBrowser({ prepare, signIn: "agent" }, (ready) => {
    journey = ready;
    ({ portal, page: agent } = ready);
    agent.on("dialog", (dialog) => void dialog.accept());
  });
  const day = formatDay(FIXTURE_DAY);

  it("shows on the home what needs doing, with the tabs' counters, the current tab marked and the search", async () => {
    let documents = 0;
    let pendingReservations = 0;
    let pendingLines = 0;
    await checkPortalDatabase(portal, "ce qui attend le guichet", async (database) => {
      documents = await database.prisma.document.count({ where: { status: "SUBMITTED" } });
      pendingReservations = await database.prisma.reservation.count({ where: { status: "PENDING" } });
      pendingLines = await database.prisma.reservationDay.count({ where: { status: "PENDING" } });
    });
    expect(pendingLines).toBe(3);
    await agent.goto("/admin");
    await expectVisible(agent.getByRole("heading", { name: `Documents à valider (${documents})` }));
    await expectVisible(agent.getByRole("heading", { name: `Demandes en attente (${pendingReservations})` }));
    await expectVisible(agent.getByText(/La plus ancienne date du \d{2}\/\d{2}\/\d{4}/));
    await expectVisible(agent.getByRole("heading", { name: "Listes d'aujourd'hui" }));
    const nav = agent.getByRole("navigation", { name: "Administration" });
    expect(await nav.getByRole("link", { name: "Accueil" }).getAttribute("aria-current")).toBe("page");
    await expectVisible(nav.getByRole("link", { name: `Réservations ${pendingLines} à traiter` }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByLabel("Rechercher une famille, un enfant ou un n° de réservation").fill("test julien");
    await agent.getByRole("button", { name: "Rechercher" }).click();
    await agent.waitForURL("**/admin/recherche?q=test+julien");
    await expectVisible(agent.getByRole("link", { name: "TEST JULIEN" }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await nav.getByRole("link", { name: /^Réservations/ }).click();
    await agent.waitForURL("**/admin/reservations");
    expect(await nav.getByRole("link", { name: /^Réservations/ }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Accueil" }).getAttribute("aria-current")).toBeNull();
  });

  it("accepts three ticked lines of two reservations at once; the counters still equal the booked days", async () => {
    await agent.goto("/admin/reservations");
    const rows = agent
      .getByRole("row")
      .filter({ has: agent.getByRole("checkbox") })
      .filter({ hasText: day });
    expect(await rows.count()).toBe(3);
    await expectVisible(rows.first().getByText(/^\d+\/\d+ places$/));
    // The visible label is short; the date and unit are read out.
    await expectVisible(agent.getByRole("button", { name: `Accepter le ${day} SOIR`, exact: true }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    for (const label of [`Sélectionner le ${day} MATIN – TEST JULIEN`, `Sélectionner le ${day} SOIR – TEST JULIEN`]) {
      await agent.getByRole("checkbox", { name: new RegExp(`^${label}`) }).check();
    }
    await agent.getByRole("checkbox", { name: new RegExp(`^Sélectionner le ${day} MATIN – TEST JULIE,`) }).check();
    await agent.getByRole("button", { name: "Accepter la sélection (3)" }).click();
    await expectVisible(agent.getByRole("status").getByText(/3 lignes acceptées dans 2 réservations/));
    await expectVisible(agent.getByText("Aucune demande en attente."));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await eventually(
      portal,
      "les trois lignes acceptées",
      async (prisma) => (await prisma.reservationDay.count({ where: { status: "PENDING" } })) === 0,
    );
    await checkPortalDatabase(portal, "les compteurs égaux aux journées réservées", async (database) => {
      expect(await counterMismatches(database.prisma)).toEqual([]);
      expect(await database.prisma.auditLog.count({ where: { action: "reservation.accept" } })).toBe(2);
      expect(await database.prisma.outboxMail.count({ where: { kind: "reservation-decision" } })).toBe(2);
    });
  });

  it("cancels a family's day from the staff reservation page: the place is freed, the mail written, the family sees it", async () => {
    const lunchPlaces = async (prisma: Database["prisma"]) =>
      (
        await prisma.unitDay.findFirstOrThrow({
          where: { date: dayToDate(FIXTURE_DAY), unit: { period: { establishment: { name: "CANTINE ELEMENTAIRE CAMBON" } } } },
          select: { booked: true },
        })
      ).booked;
    let before = 0;
    await checkPortalDatabase(portal, "les repas réservés avant l'annulation", async (database) => {
      before = await lunchPlaces(database.prisma);
    });
    expect(before).toBeGreaterThanOrEqual(1);

    // From the family page, whose reservation rows are links now.
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const lunchRow = agent
      .getByRole("row")
      .filter({ hasText: "CANTINE ELEMENTAIRE CAMBON" })
      .filter({ has: agent.getByRole("cell", { name: "TEST JULIE", exact: true }) });
    await expectVisible(lunchRow.getByRole("cell", { name: "TEST JULIE", exact: true }));
    await lunchRow.getByRole("link", { name: /^Réservation n° \d{6}$/ }).click();
    await agent.waitForURL(/\/admin\/reservations\/[0-9a-f-]{36}$/);
    await expectVisible(agent.getByRole("heading", { level: 1, name: /^Réservation n° \d{6} – TEST JULIE$/ }));
    expect(await titleOf(agent)).toMatch(/^Réservation n° \d{6} – TEST JULIE/);
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByRole("checkbox", { name: new RegExp(`^${day.replace(/\//g, "\\/")} – `) }).check();
    await agent.getByLabel(/^Motif/).fill("Sortie scolaire (appel de la mère)");
    await agent.getByRole("button", { name: "Annuler les journées cochées" }).click();
    await expectVisible(agent.getByText("Journées annulées ; la famille est prévenue par e-mail."));
    await expectVisible(agent.getByRole("cell", { name: "annulée" }));
    await expectVisible(agent.getByText(/Journées annulées par le guichet/));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await eventually(portal, "la place du repas libérée", async (prisma) => (await lunchPlaces(prisma)) === before - 1);
    await checkPortalDatabase(portal, "le courriel d'annulation écrit", async (database) => {
      const mails = await database.prisma.outboxMail.findMany({
        where: { kind: "reservation-cancellation" },
        select: { to: true, subject: true, text: true },
      });
      expect(mails).toEqual([
        expect.objectContaining({ to: DEMO_ACCOUNTS.parent, subject: expect.stringMatching(/: une journée annulée$/) }),
      ]);
      expect(mails[0].text).toContain("Motif : Sortie scolaire (appel de la mère)");
      expect(await counterMismatches(database.prisma)).toEqual([]);
    });

    // The family sees the cancelled day and its reason.
    const parent = await (await newContext(journey.browser, portal.baseUrl)).newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    const reservationId = agent.url().split("/").at(-1);
    await parent.goto(`/espace/reservations/${reservationId}`);
    const line = parent.getByRole("row").filter({ hasText: "Sortie scolaire (appel de la mère)" });
    await expectVisible(line.getByText("annulée"));
    await parent.context().close();
  });

  it("lists every reservation with its filters and finds one by its number", async () => {
    await agent.goto("/admin/reservations/toutes");
    expect(await accessibilityViolations(agent)).toEqual([]);
    const first = agent
      .getByRole("row")
      .nth(1)
      .getByRole("link", { name: /^Réservation n° \d{6}$/ });
    const number = (await first.textContent())!.replace(/\D/g, "");
    await agent.getByLabel("N° de réservation").fill(String(Number(number)));
    await agent.getByRole("button", { name: "Filtrer" }).click();
    await expectVisible(agent.getByText("1 réservation(s)"));
    await agent.getByRole("link", { name: `Réservation n° ${number}` }).click();
    await expectVisible(agent.getByRole("heading", { level: 1, name: new RegExp(`^Réservation n° ${number}`) }));
  });
});

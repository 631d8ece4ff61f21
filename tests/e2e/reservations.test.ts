import type { Browser, Locator, Page } from "playwright-core";

import { dayToDate, formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import { dayLabel, isBeforeDeadline } from "@/lib/reservations/booking-rules";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { nextBookableCantineWeek, nextBookableWeekAt, type BookableWeek } from "../helpers/bookable-week";
import { completeChildSheet } from "../helpers/families";
import { accessibilityViolations, describeE2e, expectVisible, signedInPage } from "./browser";
import { withPortalAndBrowser } from "./journey";
import { gotoMonth } from "./planning";
import type { Portal, PortalClock } from "./portal";

// The guide's journey (INSCRIPTION AUX SERVICES PÉRISCOLAIRES): the demo parent books Julien at
// the Cambon cantine for the next bookable week — computed from the portal's clock with the same
// pure rules the server enforces — then finds, modifies and copies the reservation to Julie.

let cantine: BookableWeek;
/** The leisure centre's Wednesdays: the next bookable one is the half-day booked. */
let leisure: BookableWeek;
let week: CalendarDay[] = [];
let fullDay: CalendarDay;
/** An open day whose deadline has passed: none when the period has not started yet (summer). */
let pastDay: CalendarDay | undefined;

async function prepare(database: import("@/lib/db/connect").Database, clock: PortalClock) {
  const prisma = database.prisma;
  // Julie's sheet, empty in the demo, is completed so that the copy can book her (Cambon, CE1).
  await completeChildSheet(prisma, DEMO_IDS.julie, { schoolName: "Cambon", schoolLevel: "CE1" });
  // Still bookable in 10 minutes: the journey never races the deadline. In late June that is the
  // next school year's first week (the current year's last week has no day after it to fill).
  cantine = await nextBookableCantineWeek(prisma, "CAMBON", clock.now(), 10 * 60 * 1000, { laterDay: true });
  week = cantine.week;
  leisure = await nextBookableWeekAt(prisma, "ACCUEIL DE LOISIRS SAINT-FELIX", clock.now(), 10 * 60 * 1000, {
    periodPrefix: "MERCREDIS",
  });
  fullDay = cantine.openDays.find((day) => day > week[week.length - 1])!;
  pastDay = cantine.openDays
    .filter((day) => day < week[0] && !isBeforeDeadline(day, cantine.rules.bookingRule, clock.now()))
    .pop();
  // A full day: its counter says no place is left.
  await prisma.unitDay.create({
    data: { unitId: cantine.unitId, date: dayToDate(fullDay), capacity: 0, booked: 0, capacityOverridden: true },
  });
}

/** The ticks restored after hydration: poll for a while before answering. */
async function eventuallyChecked(locator: Locator): Promise<boolean> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (await locator.isChecked()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** The period's link in « Choix de l'établissement et de la période » (two school years from June). */
const cantineLink = (page: Page) =>
  page.getByRole("link", { name: new RegExp(`CANTINE ELEMENTAIRE CAMBON.*${cantine.periodName}`) });

const cell = (page: Page, day: CalendarDay) =>
  page.getByRole("checkbox", { name: `REPAS ENFANT le ${dayLabel(day)}`, exact: true });

describeE2e("reservations, as the guide tells them, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let page: Page;
  let firstNumber: string;
  let secondNumber: string;
  afterAll(() => page?.context().close());
  withPortalAndBrowser({ prepare, signIn: "parent" }, (journey) => ({ browser, portal, page } = journey));

  it("books Julien at CANTINE ELEMENTAIRE CAMBON for the next bookable week: Réservation acceptée, with a number and a mail", async () => {
    expect(week.length).toBeGreaterThan(1);
    await page.getByRole("link", { name: "Nouvelle réservation" }).first().click();
    await expectVisible(page.getByText("Choisissez l'enfant concerné par cette inscription."));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "TEST JULIEN", exact: true }).click();

    await expectVisible(page.getByRole("heading", { name: "Choix de l'établissement et de la période" }));
    await expectVisible(page.getByRole("link", { name: /GARDERIE ELEMENTAIRE CAMBON/ }));
    // Eligibility by level, as the guide shows it: the 14 canteens and garderies of the seven schools.
    const year = cantine.periodName.slice(-"2026-2027".length);
    const elementary = new RegExp(`^(CANTINE|GARDERIE) ELEMENTAIRE [A-Z]+ .*${year}`);
    expect(await page.getByRole("link", { name: elementary }).count()).toBe(14);
    await expectVisible(page.getByRole("link", { name: /ACCUEIL DE LOISIRS SAINT-FELIX/ }).first());
    expect(await accessibilityViolations(page)).toEqual([]);
    await cantineLink(page).click();

    await expectVisible(page.getByRole("heading", { name: "Votre sélection" }));
    await expectVisible(page.getByText(`Du ${formatDay(cantine.rules.startDate)} au ${formatDay(cantine.rules.endDate)}`));
    await expectVisible(page.getByText("Jours d'ouverture : Lun Mar Jeu Ven"));
    await expectVisible(page.getByText(`Vous avez jusqu'au ${formatDay(cantine.lastBookingDay)} pour valider vos réservations`));
    await expectVisible(page.getByText("Vous devez réserver avant le mardi de la semaine précédant la date souhaitée"));
    await expectVisible(page.getByText("Heure limite : 23:59"));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Continuer" }).click();

    await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    expect(await accessibilityViolations(page)).toEqual([]);

    // A day past its deadline is greyed and cannot be ticked.
    if (pastDay) {
      await gotoMonth(page, pastDay);
      expect(await cell(page, pastDay).getAttribute("aria-disabled")).toBe("true");
      await cell(page, pastDay).click({ force: true });
      expect(await cell(page, pastDay).isChecked()).toBe(false);
    }

    // A full day too, and its reason shows on focus.
    await gotoMonth(page, fullDay);
    expect(await cell(page, fullDay).getAttribute("data-state")).toBe("full");
    await cell(page, fullDay).click({ force: true });
    expect(await cell(page, fullDay).isChecked()).toBe(false);
    await cell(page, fullDay).focus();
    await expectVisible(page.getByRole("tooltip", { name: "Plus de place disponible — contactez le service" }));

    for (const day of week) {
      await gotoMonth(page, day);
      await cell(page, day).check();
    }
    // Going back to the choice of the period and forward again keeps the ticks.
    await page.getByRole("link", { name: "Retour au choix de la période" }).click();
    await cantineLink(page).click();
    await page.getByRole("link", { name: "Continuer" }).click();
    await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    await gotoMonth(page, week[week.length - 1]);
    expect(await eventuallyChecked(cell(page, week[week.length - 1]))).toBe(true);

    await page.getByRole("button", { name: "Valider le planning" }).click();
    await expectVisible(page.getByRole("heading", { name: "Récapitulatif de votre demande" }));
    await expectVisible(page.getByText("En attente de confirmation"));
    // Retour au planning keeps the ticks.
    await page.getByRole("button", { name: "Retour au planning" }).click();
    await gotoMonth(page, week[0]);
    expect(await cell(page, week[0]).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Valider le planning" }).click();
    for (const day of week) await expectVisible(page.getByRole("cell", { name: dayLabel(day), exact: true }));
    expect(await accessibilityViolations(page)).toEqual([]);
    // The action's answer, read on its way to the page.
    const answer = { headers: {} as Record<string, string>, body: "" };
    const planningUrl = (url: URL) => url.pathname === "/espace/reservations/nouvelle/planning";
    await page.route(planningUrl, async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const response = await route.fetch();
      [answer.headers, answer.body] = [response.headers(), await response.text()];
      await route.fulfill({ response, body: answer.body });
    });
    await page.getByRole("button", { name: "Confirmer la réservation" }).click();

    await expectVisible(page.getByRole("heading", { name: "Demande de réservation enregistrée" }));
    await page.unroute(planningUrl);
    // It carries the action's result alone: no rendering of the planning it was posted from
    // (Next.js adds one, tens of kilobytes here, and says so in this header, when an action
    // revalidates a path).
    expect(answer.body).toContain('"ok":true');
    expect(answer.headers["x-action-revalidated"]).toBeUndefined();
    expect(answer.body.length).toBeLessThan(5_000);
    await expectVisible(page.getByText("Réservation acceptée"));
    const text = (await page.locator("main").textContent()) ?? "";
    firstNumber = /N° de la réservation : (\d{6})/.exec(text)![1];
    expect(await page.getByRole("cell", { name: "acceptée", exact: true }).count()).toBe(week.length);
    expect(await accessibilityViolations(page)).toEqual([]);
    const [mail] = await portal.smtp.waitFor(1);
    expect(mail.to).toEqual([DEMO_ACCOUNTS.parent]);
    expect(mail.subject).toBe(`Demande de réservation n° ${firstNumber} enregistrée – Réservation acceptée`);
    expect(mail.text).toContain(`${dayLabel(week[0])} – REPAS ENFANT : acceptée`);

    // The reservation's page took the planning's place in the history: going back leads to the
    // choice of the period, not to a planning of days that are now booked.
    await page.goBack();
    await expectVisible(page.getByRole("link", { name: "Continuer" }));
    expect(new URL(page.url()).pathname).toBe("/espace/reservations/nouvelle");
    await page.goForward();
    await expectVisible(page.getByRole("heading", { name: "Demande de réservation enregistrée" }));

    await page.getByRole("link", { name: "Terminer" }).click();
    await expectVisible(page.getByRole("heading", { name: `Réservation n° ${firstNumber} terminée` }));
  });

  it("finds it in the table, and modifies it: one day removed, the old one replaced", async () => {
    await page.goto("/espace");
    const row = page.getByRole("row").filter({ hasText: firstNumber });
    await expectVisible(row.getByText("TEST JULIEN"));
    await expectVisible(row.getByText("Réservation acceptée"));
    await row.getByRole("link", { name: `Voir la réservation n° ${firstNumber}` }).click();

    await expectVisible(page.getByRole("heading", { name: `Réservation n° ${firstNumber}` }));
    await page.getByRole("link", { name: "Modifier / Annuler la réservation" }).click();
    await expectVisible(page.getByText("l'ancienne réservation sera automatiquement annulée et remplacée par la nouvelle"));
    await page.getByRole("link", { name: "Continuer" }).click();

    await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    const removed = week[week.length - 1];
    await gotoMonth(page, week[0]);
    expect(await cell(page, week[0]).isChecked()).toBe(true);
    await gotoMonth(page, removed);
    await cell(page, removed).uncheck();
    await page.getByRole("button", { name: "Valider le planning" }).click();
    await expectVisible(page.getByRole("heading", { name: "Journées annulées" }));
    await page.getByRole("button", { name: "Confirmer la réservation" }).click();

    await expectVisible(page.getByRole("heading", { name: "Demande de réservation enregistrée" }));
    const text = (await page.locator("main").textContent()) ?? "";
    secondNumber = /N° de la réservation : (\d{6})/.exec(text)![1];
    expect(secondNumber).not.toBe(firstNumber);
    await expectVisible(page.getByText(`n° ${firstNumber}`));
    expect(await page.getByRole("cell", { name: "acceptée", exact: true }).count()).toBe(week.length - 1);
    expect(await page.getByRole("cell", { name: dayLabel(removed), exact: true }).count()).toBe(0);
  });

  it("copies it to Julie after Terminer: each day rechecked and booked", async () => {
    await page.getByRole("link", { name: "Terminer" }).click();
    await expectVisible(page.getByRole("heading", { name: `Réservation n° ${secondNumber} terminée` }));
    await page.getByLabel("Enfant", { exact: true }).selectOption({ label: "TEST JULIE" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Copier la réservation" }).click();
    await expectVisible(page.getByRole("heading", { name: "Journées réservées" }));
    const status = (await page.getByRole("status").textContent()) ?? "";
    expect(status).toContain("Réservation acceptée");
    for (const day of week.slice(0, -1)) expect(status).toContain(`${dayLabel(day)} – REPAS ENFANT : acceptée`);

    await page.goto("/espace");
    // Three made here, and the demo's canteen of last month (the days of its invoice).
    await expectVisible(page.getByText(`(de 1 à 4 sur 4 éléments)`));
    await expectVisible(page.getByRole("row").filter({ hasText: firstNumber }).getByText("Réservation remplacée"));
    await expectVisible(page.getByRole("row").filter({ hasText: "TEST JULIE" }).filter({ hasNotText: "TEST JULIEN" }));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("books Julien at GARDERIE ELEMENTAIRE FOCH and an ACCUEIL DE LOISIRS half-day (journée and demi-journée exclude each other)", async () => {
    const choose = async (link: RegExp) => {
      await page.goto(`/espace/reservations/nouvelle?enfant=${DEMO_IDS.julien}`);
      await page.getByRole("link", { name: link }).click();
      await expectVisible(page.getByRole("heading", { name: "Votre sélection" }));
      await page.getByRole("link", { name: "Continuer" }).click();
      await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    };
    const confirm = async () => {
      await page.getByRole("button", { name: "Valider le planning" }).click();
      await expectVisible(page.getByRole("heading", { name: "Récapitulatif de votre demande" }));
      await page.getByRole("button", { name: "Confirmer la réservation" }).click();
      await expectVisible(page.getByRole("heading", { name: "Demande de réservation enregistrée" }));
    };

    // Foch is not Julien's school (Cambon): offered by level, validated by the staff.
    await choose(new RegExp(`GARDERIE ELEMENTAIRE FOCH.*${cantine.periodName.replace("CANTINE", "GARDERIE")}`));
    await gotoMonth(page, week[0]);
    await page.getByRole("checkbox", { name: `MATIN le ${dayLabel(week[0])}`, exact: true }).check();
    await confirm();
    await expectVisible(page.getByText("En attente de traitement").first());

    await choose(new RegExp(`ACCUEIL DE LOISIRS SAINT-FELIX.*${leisure.periodName}`));
    await expectVisible(page.getByText(/Pensez à sélectionner la journée et\/ou la demi-journée pour les activités de loisirs/));
    const day = leisure.week[0];
    const box = (label: string) => page.getByRole("checkbox", { name: `${label} le ${dayLabel(day)}`, exact: true });
    await gotoMonth(page, day);
    await box("JOURNEE").check();
    await box("MATIN").check();
    // The planning unticks the full day, and says why; the afternoon goes with the morning.
    expect(await box("JOURNEE").isChecked()).toBe(false);
    await expectVisible(
      page.getByText(
        `JOURNEE du ${dayLabel(day)} décoché : la journée et une demi-journée ne peuvent pas être réservées ensemble.`,
      ),
    );
    await box("APRES-MIDI").check();
    expect(await box("MATIN").isChecked()).toBe(true);
    await box("APRES-MIDI").uncheck();
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm();
    await expectVisible(page.getByText("Réservation acceptée").first());
    await expectVisible(page.getByRole("cell", { name: "MATIN (07:45 - 12:00)", exact: true }));

    // Back on the planning, the full day of that date is greyed, with the reason.
    await choose(new RegExp(`ACCUEIL DE LOISIRS SAINT-FELIX.*${leisure.periodName}`));
    await gotoMonth(page, day);
    expect(await box("JOURNEE").getAttribute("data-state")).toBe("day_part");
    await box("JOURNEE").focus();
    await expectVisible(
      page.getByRole("tooltip", { name: /la journée et une demi-journée ne peuvent pas être réservées ensemble/ }),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("fits a 360 px phone: the planning needs no horizontal page scroll", async () => {
    const small = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent, DEMO_PASSWORD, { mobile: true });
    const phone = small.context();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const { periodId } = await (async () => {
      await small.goto(`/espace/reservations/nouvelle?enfant=${DEMO_IDS.julien}`);
      const href = await cantineLink(small).getAttribute("href");
      return { periodId: new URL(href!, portal.baseUrl).searchParams.get("periode")! };
    })();
    await small.goto(`/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julien}&periode=${periodId}`);
    await expectVisible(small.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(small)).toEqual([]);
    await phone.close();
  });
});

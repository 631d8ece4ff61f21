// The key journeys on the dates that used to break the suite and the demo (issue 11): the parent
// books Julien at the Cambon cantine for the next bookable week (« Réservation acceptée ») and an
// agent finds him in the daily list — with the portal's clock (PORTAIL_CLOCK) on
// - a Tuesday just before 23:59:59, the guide's deadline for the next week: the booking is
//   confirmed at 23:59:30, and after midnight the day left unticked is past its deadline;
// - 20 June 2027: the next school year is open too, the current one still has a week;
// - 15 July 2027: summer, the year to book starts in September;
// - 31 October 2027, 02:59 summer time: the clocks go back an hour during the run.
// On the three last dates, the child sheet's birth date is judged with the portal's day, in the
// browser as on the server. One portal per date; three start while the Tuesday one waits.
import type { Browser, Page } from "playwright-core";

import { addDays, formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import { dayLabel } from "@/lib/reservations/booking-rules";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { nextBookableCantineWeek, type BookableWeek } from "../helpers/bookable-week";
import { describeE2e, expectVisible, launchBrowser, login, newContext, signedInPage } from "./browser";
import { gotoMonth } from "./planning";
import { startPortal, type Portal } from "./portal";

const TUESDAY = "2027-03-16T23:58:30+01:00";
const TUESDAY_BOOKING = new Date("2027-03-16T23:59:30+01:00");
const TUESDAY_DEADLINE = new Date("2027-03-17T00:00:00+01:00"); // « Heure limite : 23:59 » — 23:59:59 is still in time
const BOUNDARY_WEEK = ["2027-03-22", "2027-03-23", "2027-03-25", "2027-03-26"]; // Mon, Tue, Thu, Fri

const DATES = [
  {
    clock: "2027-06-20T09:00:00+02:00",
    schoolYears: ["2026-2027", "2027-2028"],
    week: ["2027-06-28", "2027-06-29", "2027-07-01", "2027-07-02"],
  },
  { clock: "2027-07-15T10:00:00+02:00", schoolYears: ["2027-2028"], week: ["2027-09-02", "2027-09-03"] }, // rentrée on Thursday 2 September
  { clock: "2027-10-31T02:59:00+02:00", schoolYears: ["2027-2028"], week: ["2027-11-08", "2027-11-09", "2027-11-12"] }, // 11 November is closed
];

type Started = { portal: Portal; cantine: BookableWeek };

const portals = new Map<string, Promise<Started>>();

function portalAt(clock: string, marginMs: number): Promise<Started> {
  if (!portals.has(clock)) {
    let cantine: BookableWeek | undefined;
    const started = startPortal({
      clock,
      prepare: async (database, portalClock) => {
        cantine = await nextBookableCantineWeek(database.prisma, "CAMBON", portalClock.now(), marginMs);
      },
    }).then((portal) => ({ portal, cantine: cantine! }));
    started.catch(() => undefined); // awaited by its test
    portals.set(clock, started);
  }
  return portals.get(clock)!;
}

async function until(portal: Portal, instant: Date) {
  const wait = instant.getTime() - portal.now().getTime();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

const cell = (page: Page, day: CalendarDay) =>
  page.getByRole("checkbox", { name: `REPAS ENFANT le ${dayLabel(day)}`, exact: true });

/** Nouvelle réservation → Julien → the period → Continuer: the planning. Returns the links offered for the Cambon cantine. */
async function openPlanning(page: Page, cantine: BookableWeek): Promise<number> {
  await page.getByRole("link", { name: "Nouvelle réservation" }).first().click();
  await page.getByRole("link", { name: "TEST JULIEN", exact: true }).click();
  await expectVisible(page.getByRole("heading", { name: "Choix de l'établissement et de la période" }));
  const offered = await page.getByRole("link", { name: /CANTINE ELEMENTAIRE CAMBON/ }).count();
  await page.getByRole("link", { name: new RegExp(`CANTINE ELEMENTAIRE CAMBON.*${cantine.periodName}`) }).click();
  await expectVisible(page.getByRole("heading", { name: "Votre sélection" }));
  await page.getByRole("link", { name: "Continuer" }).click();
  await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
  return offered;
}

async function tick(page: Page, days: CalendarDay[]) {
  for (const day of days) {
    await gotoMonth(page, day);
    expect(await cell(page, day).getAttribute("data-state")).toBe("bookable");
    await cell(page, day).check();
  }
  await page.getByRole("button", { name: "Valider le planning" }).click();
  await expectVisible(page.getByRole("heading", { name: "Récapitulatif de votre demande" }));
}

async function confirm(page: Page, days: CalendarDay[]) {
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expectVisible(page.getByRole("heading", { name: "Demande de réservation enregistrée" }));
  await expectVisible(page.getByText("Réservation acceptée"));
  expect(await page.getByRole("cell", { name: "acceptée", exact: true }).count()).toBe(days.length);
  for (const day of days) await expectVisible(page.getByRole("cell", { name: dayLabel(day), exact: true }));
}

async function agentSeesJulien(browser: Browser, portal: Portal, day: CalendarDay) {
  const context = await newContext(browser, portal.baseUrl);
  const agent = await context.newPage();
  await login(agent, DEMO_ACCOUNTS.agent, DEMO_PASSWORD);
  await agent.goto(`/admin/listes?date=${day}`);
  await expectVisible(agent.getByText(formatDay(day)));
  const canteen = agent.getByRole("region", { name: /CANTINE ELEMENTAIRE CAMBON/ });
  await expectVisible(canteen.getByRole("cell", { name: "TEST JULIEN" }));
  await context.close();
}

describeE2e("the key journeys whatever the portal's date, in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => {
    await close?.();
    const started = await Promise.allSettled([...portals.values()]);
    for (const entry of started) if (entry.status === "fulfilled") await entry.value.portal.stop();
  });

  it(`books the next week at 23:59:30 on Tuesday, its deadline, and not a minute later (${TUESDAY})`, async () => {
    const { portal, cantine } = await portalAt(TUESDAY, 0);
    expect(cantine.week).toEqual(BOUNDARY_WEEK);
    const page = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const context = page.context();
    await openPlanning(page, cantine);
    await tick(page, BOUNDARY_WEEK.slice(0, 3));
    // Fails here only if starting the portal, signing in and ticking took more than a minute.
    expect(portal.now().getTime()).toBeLessThan(TUESDAY_BOOKING.getTime());

    // While this portal waits for its clock, the other dates' portals start.
    for (const date of DATES) void portalAt(date.clock, 10 * 60 * 1000);

    await until(portal, TUESDAY_BOOKING);
    await confirm(page, BOUNDARY_WEEK.slice(0, 3));
    expect(portal.now().getTime()).toBeLessThan(TUESDAY_DEADLINE.getTime());

    // Past midnight, the day left unticked can no longer be booked.
    await until(portal, new Date(TUESDAY_DEADLINE.getTime() + 1000));
    await page.goto(`/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julien}&periode=${cantine.periodId}`);
    await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    await gotoMonth(page, BOUNDARY_WEEK[3]);
    expect(await cell(page, BOUNDARY_WEEK[3]).getAttribute("data-state")).toBe("past_deadline");
    expect(await cell(page, BOUNDARY_WEEK[3]).getAttribute("aria-disabled")).toBe("true");
    await cell(page, BOUNDARY_WEEK[3]).focus();
    await expectVisible(page.getByRole("tooltip", { name: "Délai de réservation dépassé" }));
    expect(await cell(page, BOUNDARY_WEEK[0]).getAttribute("data-state")).toBe("booked");
    await context.close();

    await agentSeesJulien(browser, portal, BOUNDARY_WEEK[0]);
  }, 240_000);

  it.each(DATES)("books the next bookable week and the agent sees it, on $clock", async ({ clock, schoolYears, week }) => {
    const { portal, cantine } = await portalAt(clock, 10 * 60 * 1000);
    expect(cantine.week).toEqual(week);
    const page = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const context = page.context();
    // The demo offers the school year(s) of the portal's date: from June, the next one too.
    expect(await openPlanning(page, cantine)).toBe(schoolYears.length);
    expect(schoolYears).toContain(cantine.periodName.replace("CANTINE ELEMENTAIRE ", ""));
    await tick(page, week);
    await confirm(page, week);

    // The browser judges a birth date with the portal's day too (lib/clock.ts, <BrowserClock>),
    // not with the machine's: the portal's today is accepted, its tomorrow is in the future.
    await page.goto(`/espace/enfants/${DEMO_IDS.julien}`);
    const birthDate = page.getByLabel("Date de naissance");
    await birthDate.fill(addDays(portal.today(), 1));
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(page.getByText("La date de naissance ne peut pas être dans le futur."));
    await birthDate.fill(portal.today());
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(page.getByRole("status").getByText("La fiche de l'enfant a été enregistrée."));
    await context.close();

    await agentSeesJulien(browser, portal, week[0]);
  });
});

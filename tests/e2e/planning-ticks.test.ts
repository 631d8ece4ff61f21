// Issue #18, point 4: a term used to mean one tap per day. On a 390 px phone, the demo parent
// ticks « Tous les lundis » of a month — only the bookable Mondays get ticked, and the planning
// says (in a status line read to screen readers) how many greyed Mondays it left out — then
// repeats a typical week with « Répéter chaque semaine jusqu'au … ».
import type { Page } from "playwright-core";

import { addDays, dayToDate, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";
import { dayLabel, monthOf } from "@/lib/reservations/booking-rules";
import { DEMO_IDS } from "@/prisma/seed";

import { nextBookableCantineWeek, type BookableWeek } from "../helpers/bookable-week";
import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser } from "./journey";
import { gotoMonth } from "./planning";
import type { PortalClock } from "./portal";

let cantine: BookableWeek;
/** The month whose Mondays are ticked at once: one bookable Monday of it is made full. */
let month: string;
let fullMonday: CalendarDay;

async function prepare(database: import("@/lib/db/connect").Database, clock: PortalClock) {
  const prisma = database.prisma;
  // Still bookable in 10 minutes: the test never races the Tuesday 23:59 deadline.
  cantine = await nextBookableCantineWeek(prisma, "CAMBON", clock.now(), 10 * 60 * 1000, { laterDay: true });
  // A month with at least two bookable Mondays: the first is made full (greyed), the others stay.
  const mondays = cantine.openDays.filter((day) => day > cantine.week[cantine.week.length - 1] && isoWeekday(day) === 1);
  fullMonday = mondays.find((day, index) => mondays[index + 1] && monthOf(mondays[index + 1]) === monthOf(day))!;
  month = monthOf(fullMonday);
  await prisma.unitDay.create({
    data: { unitId: cantine.unitId, date: dayToDate(fullMonday), capacity: 0, booked: 0, capacityOverridden: true },
  });
}

const box = (page: Page, day: CalendarDay) =>
  page.getByRole("checkbox", { name: `REPAS ENFANT le ${dayLabel(day)}`, exact: true });

/** Whether the box of `day` is greyed (« Complet », « Fermé », « Délai dépassé »…). */
const greyed = async (page: Page, day: CalendarDay) => (await box(page, day).getAttribute("aria-disabled")) === "true";

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

describeE2e("ticking many planning days at once, on a 390 px phone", () => {
  let page: Page;
  afterAll(() => page?.context().close());
  withPortalAndBrowser({ prepare, signIn: "parent", mobile: true }, (journey) => ({ page } = journey));

  beforeAll(async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julien}&periode=${cantine.periodId}`);
    await expectVisible(page.getByRole("heading", { name: "Planning – TEST JULIEN" }));
  });

  it("« Tous les lundis » ticks only the bookable Mondays of the month and says how many it skipped, from the keyboard", async () => {
    expect(fullMonday).toBeDefined();
    await gotoMonth(page, fullMonday);
    const rows = await page.getByRole("row").allTextContents();
    const mondays = rows
      .map((text) => /^lun\. (\d{2})/.exec(text.trim())?.[1])
      .filter((date): date is string => Boolean(date))
      .map((date) => `${month}-${date}`);
    expect(mondays).toContain(fullMonday);

    const everyMonday = page.getByRole("button", { name: "Tous les lundis", exact: true });
    await everyMonday.focus();
    await page.keyboard.press("Enter");

    let ticked = 0;
    let skipped = 0;
    for (const day of mondays) {
      const isGreyed = await greyed(page, day);
      const checked = await box(page, day).isChecked();
      if (!isGreyed) {
        expect([day, checked]).toEqual([day, true]);
        ticked += 1;
      } else if (!checked) skipped += 1;
    }
    expect(await box(page, fullMonday).isChecked()).toBe(false);
    expect(ticked).toBeGreaterThanOrEqual(1);
    expect(skipped).toBeGreaterThanOrEqual(1);

    const said = `${plural(ticked, "journée")} ${ticked > 1 ? "cochées" : "cochée"}, ${plural(skipped, "journée")} non ${
      skipped > 1 ? "disponibles ignorées" : "disponible ignorée"
    }.`;
    await expectVisible(page.getByRole("status").filter({ hasText: said }));
    // The wizard's count of the whole selection: no other day, of this month or another, was ticked.
    await expectVisible(page.getByText(`${plural(ticked, "journée")} ${ticked > 1 ? "cochées" : "cochée"}`, { exact: true }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Pressed again, the same button unticks them.
    await page.getByRole("button", { name: "Décocher les lundis", exact: true }).press(" ");
    await expectVisible(page.getByRole("status").filter({ hasText: `${plural(ticked, "journée")} décoché` }));
    for (const day of mondays) if (!(await greyed(page, day))) expect(await box(page, day).isChecked()).toBe(false);
  });

  it("« Répéter chaque semaine jusqu'au … » copies the typical week to the following weeks, greyed days left out and counted", async () => {
    const [first, second] = cantine.week;
    await gotoMonth(page, first);
    await box(page, first).check();
    if (second && monthOf(second) === monthOf(first)) await box(page, second).check();
    const model = [first, ...(second && monthOf(second) === monthOf(first) ? [second] : [])];
    const monday = addDays(first, 1 - isoWeekday(first));
    await expectVisible(page.getByText(`Semaine type : la semaine du ${dayLabel(monday)}`));
    const until = addDays(monday, 7 * 3 + 6);
    await page.getByLabel("Répéter chaque semaine jusqu'au").fill(until);
    await page.getByRole("button", { name: "Répéter chaque semaine", exact: true }).click();
    const status = page.getByRole("status").filter({ hasText: /^\d+ journées? cochées?(, .*)?\.$/ });
    await expectVisible(status);
    const said = (await status.textContent())!.trim();

    let ticked = 0;
    let skipped = 0;
    for (let week = 1; week <= 3; week += 1) {
      for (const day of model.map((entry) => addDays(entry, 7 * week))) {
        await gotoMonth(page, day);
        if ((await box(page, day).count()) === 0) continue; // the service does not open that day
        const checked = await box(page, day).isChecked();
        if (await greyed(page, day)) {
          if (!checked) skipped += 1;
        } else {
          expect([day, checked]).toEqual([day, true]);
          ticked += 1;
        }
      }
    }
    expect(ticked).toBeGreaterThanOrEqual(1);
    expect(said).toBe(
      skipped === 0
        ? `${plural(ticked, "journée")} ${ticked > 1 ? "cochées" : "cochée"}.`
        : `${plural(ticked, "journée")} ${ticked > 1 ? "cochées" : "cochée"}, ${plural(skipped, "journée")} non ${
            skipped > 1 ? "disponibles ignorées" : "disponible ignorée"
          }.`,
    );
    // The wizard counts the model week and the copies: nothing else was ticked.
    await expectVisible(
      page.getByText(`${plural(model.length + ticked, "journée")} cochée${model.length + ticked > 1 ? "s" : ""}`, {
        exact: true,
      }),
    );
    // The week after « jusqu'au » stays as it was.
    const after = addDays(first, 7 * 4);
    await gotoMonth(page, after);
    if ((await box(page, after).count()) > 0 && !(await greyed(page, after)))
      expect(await box(page, after).isChecked()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

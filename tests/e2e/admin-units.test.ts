// An agent sets a day's capacity of the Cambon cantine to 0 through the unit page; the demo
// parent's planning then shows that day as full (greyed, not tickable). The day is the first
// open day of the next bookable week, computed from the portal's clock with the rules the server enforces.
import type { Browser, Page } from "playwright-core";

import { longDayLabel } from "@/lib/catalogue/unit-rules";
import { formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import { dayLabel } from "@/lib/reservations/booking-rules";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { nextBookableCantineWeek } from "../helpers/bookable-week";
import { accessibilityViolations, describeE2e, expectVisible, login, newContext } from "./browser";
import { withPortalAndBrowser } from "./journey";
import { gotoMonth } from "./planning";
import type { Portal, PortalClock } from "./portal";

let day: CalendarDay;
let periodId: string;

async function prepare(database: import("@/lib/db/connect").Database, clock: PortalClock) {
  // Still bookable in 10 minutes: the test never races the deadline.
  const cantine = await nextBookableCantineWeek(database.prisma, "CAMBON", clock.now(), 10 * 60 * 1000);
  ({ periodId } = cantine);
  day = cantine.week[0];
}

describeE2e("capacities of a unit, set by an agent, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  withPortalAndBrowser({ prepare }, (journey) => ({ browser, portal } = journey));

  it("an agent sets a day's capacity to 0 and the parent's planning shows that day full, greyed and not tickable", async () => {
    const cell = (page: Page) => page.getByRole("checkbox", { name: `REPAS ENFANT le ${dayLabel(day)}`, exact: true });
    // Before: the parent can tick the day.
    const parent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    const planning = `/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julien}&periode=${periodId}`;
    await parent.goto(planning);
    await expectVisible(parent.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    await gotoMonth(parent, day);
    expect(await cell(parent).getAttribute("data-state")).toBe("bookable");

    const agent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(agent, DEMO_ACCOUNTS.agent, DEMO_PASSWORD);
    await agent.waitForURL("**/admin");
    await agent.goto(`/admin/catalogue/periodes/${periodId}`);
    await agent.getByRole("link", { name: "REPAS ENFANT", exact: true }).click();
    await expectVisible(agent.getByRole("heading", { name: "Unité REPAS ENFANT (12:15 – 13:00)" }));
    await expectVisible(agent.getByText("Aucun : chaque jour suit la capacité de l'unité."));
    expect(await accessibilityViolations(agent)).toEqual([]);

    // A missing capacity is announced on its field, and the dates typed are kept.
    const dates = agent.getByRole("textbox", { name: "Dates", exact: true });
    await dates.fill(formatDay(day));
    await agent.getByRole("button", { name: "Fixer la capacité de ces jours" }).click();
    await expectVisible(agent.getByText("La capacité est obligatoire."));
    await expectVisible(agent.getByRole("alert").filter({ hasText: "Le formulaire contient des erreurs" }));
    expect(await dates.inputValue()).toBe(formatDay(day));
    expect(await agent.getByRole("spinbutton", { name: "Capacité de ces jours (places)" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByRole("spinbutton", { name: "Capacité de ces jours (places)" }).fill("0");
    await agent.getByRole("button", { name: "Fixer la capacité de ces jours" }).click();
    await expectVisible(agent.getByText("La capacité de ces jours a été enregistrée."));
    const row = agent.getByRole("row").filter({ hasText: longDayLabel(day) });
    await expectVisible(row.getByText("0 / 0"));
    await expectVisible(row.getByRole("button", { name: `Revenir à la capacité de l'unité le ${formatDay(day)}` }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    // The parent's planning: the day is full, greyed, and a click does not tick it.
    await parent.goto(planning);
    await expectVisible(parent.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    await gotoMonth(parent, day);
    expect(await cell(parent).getAttribute("data-state")).toBe("full");
    expect(await cell(parent).getAttribute("aria-disabled")).toBe("true");
    await cell(parent).click({ force: true });
    expect(await cell(parent).isChecked()).toBe(false);
    await cell(parent).focus();
    await expectVisible(parent.getByRole("tooltip", { name: "Plus de place disponible — contactez le service" }));

    // Back to the unit's capacity: the day is bookable again.
    await row.getByRole("button", { name: `Revenir à la capacité de l'unité le ${formatDay(day)}` }).click();
    await expectVisible(agent.getByText("Aucun : chaque jour suit la capacité de l'unité."));
    await parent.goto(planning);
    await expectVisible(parent.getByRole("heading", { name: "Planning – TEST JULIEN" }));
    await gotoMonth(parent, day);
    expect(await cell(parent).getAttribute("data-state")).toBe("bookable");
    await parent.context().close();
    await agent.context().close();
  });

  it("an agent edits the unit and its tariffs; an invalid price is announced on its field and nothing is lost", async () => {
    const agent = await (await newContext(browser, portal.baseUrl)).newPage();
    agent.on("dialog", (dialog) => void dialog.accept());
    await login(agent, DEMO_ACCOUNTS.agent, DEMO_PASSWORD);
    await agent.waitForURL("**/admin");
    await agent.goto(`/admin/catalogue/periodes/${periodId}`);
    await agent.getByRole("link", { name: "Ajouter une unité" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Ajouter une unité" }));
    await agent.getByRole("textbox", { name: "Libellé" }).fill("GOÛTER");
    await agent.getByLabel("Heure de début").fill("16:30");
    await agent.getByLabel("Heure de fin").fill("16:00");
    await agent.getByRole("spinbutton", { name: "Capacité par jour (places)" }).fill("30");
    await agent.getByRole("button", { name: "Ajouter l'unité" }).click();
    await expectVisible(agent.getByText("L'heure de fin doit être après l'heure de début."));
    expect(await agent.getByRole("textbox", { name: "Libellé" }).inputValue()).toBe("GOÛTER");
    expect(await accessibilityViolations(agent)).toEqual([]);
    await agent.getByLabel("Heure de fin").fill("17:00");
    await agent.getByRole("button", { name: "Ajouter l'unité" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Unité GOÛTER (16:30 – 17:00)" }));

    const price = (label: string) => agent.getByRole("textbox", { name: `Prix pour « ${label} », en euros` });
    await price("QF inférieur à 400").fill("0,50");
    await price("QF de 400 à 699").fill("1,2");
    await price("QF de 700 à 999").fill("abc");
    await price("QF de 1 000 et plus").fill("2");
    await agent.getByRole("button", { name: "Enregistrer les tarifs" }).click();
    await expectVisible(agent.getByText("Prix invalide : saisissez un montant positif en euros, par exemple 3,50."));
    expect(await price("QF de 700 à 999").getAttribute("aria-invalid")).toBe("true");
    expect(await price("QF de 400 à 699").inputValue()).toBe("1,2");
    await price("QF de 700 à 999").fill("1,60");
    await agent.getByRole("button", { name: "Enregistrer les tarifs" }).click();
    await expectVisible(agent.getByText("Les tarifs ont été enregistrés."));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByRole("link", { name: /CANTINE ELEMENTAIRE CAMBON/ }).click();
    await expectVisible(
      agent.getByText(
        "QF inférieur à 400 : 0,50 € ; QF de 400 à 699 : 1,20 € ; QF de 700 à 999 : 1,60 € ; QF de 1 000 et plus : 2,00 €",
      ),
    );
    await agent.getByRole("link", { name: "GOÛTER", exact: true }).click();
    await agent.getByRole("button", { name: "Supprimer l'unité « GOÛTER »" }).click();
    await agent.waitForURL(`**/admin/catalogue/periodes/${periodId}`);
    await agent.getByRole("link", { name: "REPAS ENFANT", exact: true }).waitFor();
    expect(await agent.getByRole("link", { name: "GOÛTER", exact: true }).count()).toBe(0);
    await agent.context().close();
  });

  it("an agent edits the quotient brackets; an overlapping bracket is refused in French and what was typed stays", async () => {
    const agent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(agent, DEMO_ACCOUNTS.agent, DEMO_PASSWORD);
    await agent.waitForURL("**/admin");
    await agent.goto(`/admin/catalogue/periodes/${periodId}`);
    await agent.getByRole("link", { name: "Tranches de quotient familial" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Tranches de quotient familial", level: 1 }));
    expect(await accessibilityViolations(agent)).toEqual([]);
    const create = agent.getByRole("region", { name: "Nouvelle tranche" });
    await create.getByRole("textbox", { name: "Libellé" }).fill("QF de 2 000 et plus");
    await create.getByRole("spinbutton", { name: "QF minimum (inclus)" }).fill("2000");
    await create.getByRole("button", { name: "Ajouter la tranche" }).click();
    await expectVisible(
      create.getByRole("alert").filter({ hasText: "chevauche la tranche « QF de 1 000 et plus » (1 000 et plus)" }),
    );
    expect(await create.getByRole("textbox", { name: "Libellé" }).inputValue()).toBe("QF de 2 000 et plus");
    expect(await accessibilityViolations(agent)).toEqual([]);

    // Close the last bracket at 2 000, then the new one fits.
    await agent.getByText("Modifier « QF de 1 000 et plus »").click();
    const edit = agent.getByRole("listitem").filter({ hasText: "Modifier « QF de 1 000 et plus »" });
    await edit.getByRole("textbox", { name: "Libellé" }).fill("QF de 1 000 à 1 999");
    await edit.getByRole("spinbutton", { name: "QF maximum (exclu)" }).fill("2000");
    await edit.getByRole("button", { name: "Enregistrer « QF de 1 000 et plus »" }).click();
    await expectVisible(agent.getByText("QF de 1 000 à 1 999", { exact: true }));
    await create.getByRole("button", { name: "Ajouter la tranche" }).click();
    await expectVisible(agent.getByText("La tranche a été ajoutée."));
    await expectVisible(agent.getByText(/QF de 2 000 et plus\s*– QF 2 000 et plus – 0 tarif\(s\)/));
    await agent.context().close();
  });
});

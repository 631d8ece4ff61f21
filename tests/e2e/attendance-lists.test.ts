// Issue #18 points 9–11 in Chromium at 1280 px: an agent points a child on the evening's list (who
// may collect them, whether they may leave alone), sees it on the family page and in print; an
// agent on an administrators' page reads a French 403, an unknown address a French 404; the
// journal says what happened in plain French.
import type { Page } from "playwright-core";

import type { Database } from "@/lib/db/connect";
import { DEMO_IDS } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";
import { prepareDemoReservations } from "./admin-e2e-fixtures";
import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser, type Journey } from "./journey";
import { DEFAULT_PORTAL_CLOCK } from "./portal";

const TODAY = DEFAULT_PORTAL_CLOCK.slice(0, 10); // 2026-11-30

/** TEST JULIEN at the Cambon after-school club this evening (SOIR), accepted. */
async function prepare(database: Database) {
  await prepareDemoReservations(database);
  const period = await database.prisma.period.findFirstOrThrow({
    where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
    select: { id: true, units: { where: { label: "SOIR" }, select: { id: true } } },
  });
  await createReservation(database.prisma, {
    familyId: DEMO_IDS.family,
    childId: DEMO_IDS.julien,
    periodId: period.id,
    lines: [{ unitId: period.units[0].id, day: TODAY }],
    status: "ACCEPTED",
  });
}

describeE2e("pointage, the evening's list, the journal and the French error pages, in Chromium", () => {
  let journey: Journey;
  let agent: Page;
  withPortalAndBrowser({ prepare, signIn: "agent" }, (ready) => {
    journey = ready;
    agent = ready.page;
  });

  const eveningSection = (page: Page) => page.getByRole("region", { name: /GARDERIE ELEMENTAIRE CAMBON – .* – SOIR/ });

  it("shows who may collect the child and whether they may leave alone, the class once, and marks them present", async () => {
    await agent.goto("/admin/listes");
    const evening = eveningSection(agent);
    const row = evening.getByRole("row", { name: /TEST JULIEN/ });
    await expectVisible(row);
    const text = await row.innerText();
    expect(text).toContain("Responsables : TEST Pierre 06 12 34 56 78 ; TEST Marie 06 98 76 54 32");
    expect(text).toContain("Autorisés : Jeanne TEST (Grand-mère) 06 11 22 33 44");
    expect(text).toContain("CM2 – Mme Vidal");
    expect(text).not.toContain("CM2 CM2");
    expect(await row.getByRole("cell").nth(5).innerText()).toBe("Non"); // « Part seul »
    expect(await accessibilityViolations(agent)).toEqual([]);

    const group = row.getByRole("group", { name: "Pointage de TEST JULIEN" });
    await group.getByRole("button", { name: "Absent", exact: true }).click();
    await expectVisible(group.getByRole("button", { name: "Absent", exact: true, pressed: true }));
    // A correction, the same day.
    await group.getByRole("button", { name: "Présent", exact: true }).click();
    await expectVisible(group.getByRole("button", { name: "Présent", exact: true, pressed: true }));
    await agent.reload();
    await expectVisible(
      eveningSection(agent)
        .getByRole("group", { name: "Pointage de TEST JULIEN" })
        .getByRole("button", { name: "Présent", exact: true, pressed: true }),
    );
    expect(await accessibilityViolations(agent)).toEqual([]);
  });

  it("prints a « Présent » column without the buttons and without the site's footer", async () => {
    await agent.goto("/admin/listes");
    await agent.emulateMedia({ media: "print" });
    try {
      const evening = eveningSection(agent);
      await expectVisible(evening.getByRole("columnheader", { name: "Présent" }));
      expect(await evening.getByRole("columnheader", { name: "Pointage" }).isVisible()).toBe(false);
      expect(await agent.locator("footer").isVisible()).toBe(false);
      expect(
        await evening
          .getByRole("row", { name: /TEST JULIEN/ })
          .getByRole("cell")
          .last()
          .innerText(),
      ).toBe("Présent");
    } finally {
      await agent.emulateMedia({ media: "screen" });
    }
  });

  it("goes to the next and previous day", async () => {
    await agent.goto("/admin/listes");
    await agent.getByRole("link", { name: /Jour suivant/ }).click();
    await expectVisible(agent.getByRole("heading", { name: "Listes du jour – 01/12/2026" }));
    await agent.getByRole("link", { name: /Jour précédent/ }).click();
    await expectVisible(agent.getByRole("heading", { name: "Listes du jour – 30/11/2026" }));
  });

  it("shows the pointage on the family page", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const panel = agent.getByRole("region", { name: "Présences" });
    await expectVisible(panel.getByRole("row", { name: /30\/11\/2026 TEST JULIEN .*SOIR.* Présent/ }));
    expect(await accessibilityViolations(agent)).toEqual([]);
  });

  it("answers an agent on an administrators' page with a French 403, and an unknown address with a French 404", async () => {
    const forbidden = await agent.goto("/admin/journal");
    expect(forbidden?.status()).toBe(403);
    await expectVisible(agent.getByRole("heading", { level: 1, name: "Réservé aux administrateurs" }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    const missing = await agent.goto("/cette-page-n-existe-pas");
    expect(missing?.status()).toBe(404);
    await expectVisible(agent.getByRole("heading", { level: 1, name: "Page introuvable" }));
    expect(await agent.locator("body").innerText()).not.toContain("could not be found");
    expect(await agent.title()).toContain("Page introuvable");
    expect(await accessibilityViolations(agent)).toEqual([]);
  });

  it("writes the journal in plain French, and finds a family by its name", async () => {
    const admin = await journey.signIn(await journey.newContext(), "admin");
    await admin.goto("/admin/journal");
    await admin.getByRole("textbox", { name: "Famille (nom)" }).fill("test");
    await admin.getByRole("button", { name: /Filtrer|Rechercher|Afficher/ }).click();
    await admin.waitForURL(/family=test/);
    const body = await admin.locator("main").innerText();
    expect(body).toMatch(
      /Pointage corrigé\s+TEST\s+Réservation n° \d{6} – 30\/11 SOIR – TEST JULIEN : Présent \(avant : Absent\)/,
    );
    expect(body).not.toMatch(/daily-list\.view|attendance\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.goto("/admin/journal?action=daily-list.view");
    expect(await admin.locator("main").innerText()).toMatch(
      /Liste du jour consultée\s+—\s+Liste du 30\/11\/2026 – \d+ enfant\(s\)/,
    );
    await admin.context().close();
  });
});

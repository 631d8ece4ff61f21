// The catalogue in Chromium: an agent creates an establishment and a period for it through the
// forms (a duplicate name and dates out of order are refused at their field, what was typed
// stays), finds the period in the catalogue, then switches it to manual validation.
import type { Page } from "playwright-core";

import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";

describeE2e("the catalogue's editing, in Chromium", () => {
  let portal: Portal;
  let agent: Page;
  withPortalAndBrowser({ signIn: "agent" }, (journey) => ({ portal, page: agent } = journey));

  it("creates an establishment: a name already taken is refused at the field and what was typed stays", async () => {
    await agent.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Catalogue" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Catalogue", level: 1 }));
    await expectVisible(agent.getByRole("heading", { name: "Établissements" }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByRole("link", { name: "Créer un établissement" }).click();
    const name = agent.getByRole("textbox", { name: "Nom de l'établissement" });
    await name.fill("cantine elementaire foch");
    await agent.getByLabel("École rattachée").selectOption({ label: "Cambon" });
    await agent.getByRole("textbox", { name: "Adresse" }).fill("12 rue des Glycines, Rodez");
    await agent.getByRole("button", { name: "Créer l'établissement" }).click();
    await expectVisible(agent.getByRole("alert").filter({ hasText: "Un établissement porte déjà ce nom." }));
    expect(await agent.getByRole("textbox", { name: "Adresse" }).inputValue()).toBe("12 rue des Glycines, Rodez");
    expect(await accessibilityViolations(agent)).toEqual([]);

    await name.fill("ALSH LES GLYCINES");
    await agent.getByRole("button", { name: "Créer l'établissement" }).click();
    await agent.waitForURL(/\/admin\/catalogue(#etablissements)?$/);
    const row = agent.getByRole("row").filter({ hasText: "ALSH LES GLYCINES" });
    await expectVisible(row);
    expect(await row.textContent()).toContain("12 rue des Glycines, Rodez");
  });

  it("creates a period for it: dates out of order are refused at the field, then the period is in the catalogue", async () => {
    await agent.getByRole("link", { name: "Créer une période" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Créer une période" }));
    expect(await accessibilityViolations(agent)).toEqual([]);
    await agent.getByRole("combobox", { name: "Établissement", exact: true }).selectOption({ label: "ALSH LES GLYCINES" });
    await agent.getByRole("combobox", { name: "Activité", exact: true }).selectOption({ label: "ACCUEIL DE LOISIRS" });
    await agent.getByRole("textbox", { name: "Nom de la période" }).fill("VACANCES D'HIVER 2027");
    await agent.getByLabel("Date de début").fill("2027-02-15");
    await agent.getByLabel("Date de fin").fill("2027-02-01");
    await agent.getByRole("checkbox", { name: "mercredi" }).check();
    await agent.getByRole("button", { name: "Créer la période" }).click();
    await expectVisible(agent.getByText("La date de fin doit être postérieure ou égale à la date de début."));
    expect(await agent.getByRole("textbox", { name: "Nom de la période" }).inputValue()).toBe("VACANCES D'HIVER 2027");
    expect(await agent.getByRole("checkbox", { name: "mercredi" }).isChecked()).toBe(true);
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByLabel("Date de fin").fill("2027-02-26");
    await agent.getByRole("button", { name: "Créer la période" }).click();
    await expectVisible(agent.getByRole("heading", { name: "ALSH LES GLYCINES – VACANCES D'HIVER 2027" }));
    await expectVisible(agent.getByText("lundi, mardi, mercredi, jeudi, vendredi"));
    await expectVisible(agent.getByText("Automatique", { exact: true }));

    await agent.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Catalogue" }).click();
    const row = agent.getByRole("row").filter({ hasText: "VACANCES D'HIVER 2027" });
    await expectVisible(row);
    expect(await row.textContent()).toContain("15/02/2027 → 26/02/2027");
    await row.getByRole("link", { name: "VACANCES D'HIVER 2027" }).click();
    await expectVisible(agent.getByRole("heading", { name: "ALSH LES GLYCINES – VACANCES D'HIVER 2027" }));
  });

  it("switches the period to manual validation", async () => {
    await agent.getByRole("link", { name: "Modifier la période" }).click();
    await expectVisible(agent.getByRole("heading", { name: /Modifier la période ALSH LES GLYCINES/ }));
    expect(await agent.getByLabel("Date de début").inputValue()).toBe("2027-02-15");
    expect(await accessibilityViolations(agent)).toEqual([]);
    await agent.getByRole("radio", { name: /Manuelle/ }).check();
    await agent.getByRole("button", { name: "Enregistrer la période" }).click();
    await expectVisible(agent.getByText("Manuelle (file d'attente)"));
    expect(await accessibilityViolations(agent)).toEqual([]);

    await checkPortalDatabase(portal, "la période passée en validation manuelle et son journal", async (database) => {
      const period = await database.prisma.period.findFirstOrThrow({
        where: { name: "VACANCES D'HIVER 2027" },
        select: { id: true, validationMode: true, openWeekdays: true },
      });
      expect(period).toMatchObject({ validationMode: "MANUAL", openWeekdays: [1, 2, 3, 4, 5] });
      expect(
        await database.prisma.auditLog.count({
          where: { targetId: period.id, action: { in: ["period.create", "period.update"] } },
        }),
      ).toBe(2);
    });
  });
});

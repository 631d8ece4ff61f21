// The Guichet unique corrects a family in Chromium: an agent adds a child to the demo family and
// corrects a guardian's mobile phone; the parent then sees the new child (to complete) on the
// dashboard and the corrected phone in the family record. Staff edit pages are axe-clean.
import type { Browser, Page } from "playwright-core";

import type { ParentViewer } from "@/lib/auth/session";
import { DIET_KINDS } from "@/lib/children/child-labels";
import { getChildSheet, saveChildSheet } from "@/lib/children/child-sheet";
import { ZChildSheetSchema } from "@/lib/children/child-sheet.schema";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { useAsAppDatabase } from "../helpers/test-db";
import { accessibilityViolations, describeE2e, expectVisible, login, newContext } from "./browser";
import { expectChildSheetSections } from "./child-sheet-page";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase, portalDatabaseReadable } from "./portal-database";

const NEW_PHONE = "06 44 55 66 77";

describeE2e("staff editing of a family, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let agent: Page;
  withPortalAndBrowser({ signIn: "agent" }, (journey) => ({ browser, portal, page: agent } = journey));

  it("adds a child to the demo family: a refused birth date keeps what was typed, then the family page lists the child", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const panel = agent.getByRole("region", { name: "Ajouter un enfant" });
    await expectVisible(panel);
    const panelField = (name: string) => panel.getByRole("textbox", { name, exact: true });
    await panelField("Nom de l'enfant").fill("Test");
    await panelField("Prénom de l'enfant").fill("Léna");
    await panel.getByRole("combobox", { name: "Sexe" }).selectOption("F");
    await panel.getByLabel("Date de naissance").fill("2099-04-02");
    await panel.getByRole("combobox", { name: "École" }).selectOption({ label: "Cambon" });
    await panel.getByRole("combobox", { name: "Classe (niveau)" }).selectOption("GS");
    await panel.getByRole("button", { name: "Ajouter l'enfant" }).click();

    await expectVisible(panel.getByText("La date de naissance ne peut pas être dans le futur."));
    await expectVisible(panel.getByRole("alert"));
    expect(await panel.getByLabel("Date de naissance").getAttribute("aria-invalid")).toBe("true");
    expect(await panelField("Prénom de l'enfant").inputValue()).toBe("Léna");
    expect(await panel.getByRole("combobox", { name: "Classe (niveau)" }).inputValue()).toBe("GS");
    expect(await accessibilityViolations(agent)).toEqual([]);

    await panel.getByLabel("Date de naissance").fill("2021-04-02");
    await panel.getByRole("button", { name: "Ajouter l'enfant" }).click();
    await expectVisible(panel.getByText("L'enfant a été ajouté à la famille."));
    const children = agent.getByRole("region", { name: "Enfants" });
    await expectVisible(children.getByText("TEST LÉNA – né(e) le 02/04/2021"));
    await expectVisible(children.getByRole("link", { name: "Modifier la fiche enfant de TEST LÉNA" }));
    // The staff see what the family still has to complete before booking her.
    const completeness = agent.getByRole("region", { name: "Complétude du dossier" });
    await expectVisible(completeness.getByText("TEST LÉNA : à compléter"));
    await expectVisible(completeness.getByText("TEST JULIEN : fiche complète ✓"));
    // One neutral health item for staff: nothing of the health data's content.
    await expectVisible(
      completeness
        .getByTestId(/^completeness-/)
        .filter({ hasText: "TEST LÉNA" })
        .getByText("Renseignements médicaux ou régime alimentaire à compléter"),
    );
    expect(await completeness.getByText(/Régime alimentaire :|médecin traitant/).count()).toBe(0);
    // The form is emptied for the next child.
    expect(await panelField("Prénom de l'enfant").inputValue()).toBe("");
  });

  it("corrects the new child's class without any medical data: a refused birth date keeps what was typed; no health read is logged", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const children = agent.getByRole("region", { name: "Enfants" });
    await children.getByText("Modifier l'identité et la scolarité de TEST LÉNA").click();
    const form = children.locator("details[open]");
    await expectVisible(form.getByRole("combobox", { name: "Classe (niveau)" }));
    expect(await form.getByRole("textbox", { name: "Prénom de l'enfant", exact: true }).inputValue()).toBe("LÉNA");
    expect(await form.getByRole("combobox", { name: "Classe (niveau)" }).inputValue()).toBe("GS");
    expect(await form.getByRole("textbox", { name: /médecin/i }).count()).toBe(0);

    await form.getByRole("combobox", { name: "Classe (niveau)" }).selectOption("CP");
    await form.getByRole("textbox", { name: "Classe (précision)" }).fill("CP – M. Roques");
    await form.getByLabel("Date de naissance").fill("1990-04-02");
    await form.getByRole("button", { name: "Enregistrer l'identité et la scolarité" }).click();
    await expectVisible(
      form.getByText("Date de naissance invalide : les services du portail concernent les enfants de moins de 20 ans."),
    );
    await expectVisible(form.getByRole("alert"));
    expect(await form.getByLabel("Date de naissance").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByRole("textbox", { name: "Classe (précision)" }).inputValue()).toBe("CP – M. Roques");
    expect(await accessibilityViolations(agent)).toEqual([]);

    await form.getByLabel("Date de naissance").fill("2021-04-02");
    await form.getByRole("button", { name: "Enregistrer l'identité et la scolarité" }).click();
    await expectVisible(form.getByText("L'identité et la scolarité de l'enfant ont été enregistrées."));
    await expectVisible(children.getByText("– classe CP – M. Roques"));

    await checkPortalDatabase(portal, "l'enfant créé, corrigé, et son journal", async (database) => {
      const lena = await database.prisma.child.findFirstOrThrow({
        where: { familyId: DEMO_IDS.family, firstName: "LÉNA" },
        select: { id: true, schoolLevel: true, health: true },
      });
      expect(lena).toMatchObject({ schoolLevel: "CP", health: null });
      const entries = await database.prisma.auditLog.findMany({
        where: { childId: lena.id },
        select: { action: true, details: true },
        orderBy: { at: "asc" },
      });
      expect(entries.map((entry) => entry.action)).toEqual(["child.create", "child.identity.update"]);
      expect(entries[1].details).toEqual({
        before: { schoolLevel: "GS", schoolClass: null },
        after: { schoolLevel: "CP", schoolClass: "CP – M. Roques" },
        version: 2,
      });
    });
  });

  it("corrects Responsable 1's mobile phone in the family record; the statements are shown, not answered", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    await agent.getByRole("link", { name: "Modifier le dossier famille" }).click();
    await agent.waitForURL(`**/admin/familles/${DEMO_IDS.family}/dossier`);
    await expectVisible(agent.getByRole("heading", { name: "Modifier le dossier famille – TEST" }));
    for (const section of ["Coordonnées", "Informations personnelles", "Les parents", "Engagements"]) {
      await expectVisible(agent.getByRole("heading", { name: section, exact: true }));
    }
    await expectVisible(
      agent.getByTestId("consent-PROTECTION_DONNEES").getByText(/Accepté le \d\d\/\d\d\/\d{4} à \d\d:\d\d \(version 1\)/),
    );
    expect(await agent.getByLabel("J'accepte").count()).toBe(0);
    expect(await agent.locator("#reglements").count()).toBe(0);
    // react-hook-form fills the inputs when the page hydrates: wait for it.
    await agent.waitForFunction(
      () => (document.querySelector<HTMLInputElement>("#guardian1MobilePhone")?.value ?? "") !== "",
      undefined,
      { timeout: 15_000 },
    );
    expect(await agent.locator("#guardian1MobilePhone").inputValue()).toBe("06 12 34 56 78");
    expect(await accessibilityViolations(agent)).toEqual([]);

    // An invalid phone first: French error at the field, nothing lost.
    await agent.locator("#guardian1MobilePhone").fill("06 44");
    await agent.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(
      agent.locator("#guardian1MobilePhone-error").getByText("Numéro de téléphone invalide (exemple : 05 65 77 88 00)."),
    );
    expect(await agent.locator("#guardian1FirstName").inputValue()).toBe("Pierre");

    await agent.locator("#guardian1MobilePhone").fill(NEW_PHONE);
    await agent.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(agent.getByRole("status").getByText("Le dossier de la famille a été enregistré."));
    await agent.getByRole("link", { name: "Retour à la fiche famille", exact: true }).click();
    await agent.waitForURL(`**/admin/familles/${DEMO_IDS.family}`);
    await expectVisible(agent.getByRole("region", { name: "Responsables" }).getByText(NEW_PHONE));
  });

  it("opens Julien's sheet for editing (six sections, « J'accepte » read-only, axe-clean), the read of health data audited", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    await agent.getByRole("link", { name: "Modifier la fiche enfant de TEST JULIEN" }).click();
    await agent.waitForURL(`**/admin/familles/${DEMO_IDS.family}/enfants/${DEMO_IDS.julien}`);
    await expectVisible(agent.getByRole("heading", { name: "Modifier la fiche enfant – TEST JULIEN" }));
    await expectChildSheetSections(agent);
    await expectVisible(
      agent.getByTestId("consent-AUTORISATIONS_ENFANT").getByText(/Accepté le 20\/08\/2026 à 10:10 \(version 1\)/),
    );
    // The family's answers to the authorisations are shown, not editable.
    const answers = agent.getByTestId("staff-authorisations");
    await expectVisible(answers.getByText("J'autorise mon enfant à quitter seul la structure", { exact: false }));
    expect(await answers.getByText("Non", { exact: true }).count()).toBe(1);
    expect(await agent.getByRole("combobox", { name: /J'autorise/ }).count()).toBe(0);
    expect(await agent.getByLabel("J'accepte").count()).toBe(0);
    await agent.waitForFunction(() => (document.querySelector<HTMLInputElement>("#doctorName")?.value ?? "") !== "", undefined, {
      timeout: 15_000,
    });
    expect(await agent.locator("#doctorName").inputValue()).toBe("Dr Bernard");
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.locator("#schoolClass").fill("CM2 – M. Costes");
    await agent.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(agent.getByRole("status").getByText("La fiche de l'enfant a été enregistrée."));

    await checkPortalDatabase(
      portal,
      "la fiche de Julien enregistrée par l'agent, et le journal de la famille",
      async (database) => {
        const julien = await database.prisma.child.findUniqueOrThrow({
          where: { id: DEMO_IDS.julien },
          select: { schoolClass: true, authLeaveAlone: true, authPhotos: true, consents: { select: { acceptedAt: true } } },
        });
        expect(julien).toEqual({
          schoolClass: "CM2 – M. Costes",
          authLeaveAlone: false,
          authPhotos: true,
          consents: [{ acceptedAt: new Date("2026-08-20T08:10:00Z") }],
        });
        const actions = await database.prisma.auditLog.findMany({
          where: { familyId: DEMO_IDS.family },
          select: { action: true, childId: true },
        });
        expect(actions).toEqual(
          expect.arrayContaining([
            { action: "child.create", childId: expect.any(String) },
            { action: "family.record.update", childId: null },
            { action: "child.health.read", childId: DEMO_IDS.julien },
            { action: "child.sheet.update", childId: DEMO_IDS.julien },
          ]),
        );
      },
    );
    // An unknown child, or one of another family, is a 404.
    expect((await agent.goto(`/admin/familles/${DEMO_IDS.family}/enfants/00000000-0000-4000-8000-000000000999`))?.status()).toBe(
      404,
    );
    expect((await agent.goto(`/admin/familles/00000000-0000-4000-8000-000000000999/dossier`))?.status()).toBe(404);
  });

  it("shows the parent the new child to complete on the dashboard, and the corrected phone in the family record", async () => {
    const parent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    await expectVisible(parent.getByText("TEST LÉNA : à compléter"));
    await expectVisible(parent.getByText("Renseignements médicaux : médecin traitant (nom et téléphone)"));
    await parent.goto("/espace/famille");
    await parent.waitForFunction(
      () => (document.querySelector<HTMLInputElement>("#guardian1MobilePhone")?.value ?? "") !== "",
      undefined,
      { timeout: 15_000 },
    );
    expect(await parent.locator("#guardian1MobilePhone").inputValue()).toBe(NEW_PHONE);
    // The family's own acceptances are still there: the parent's form shows them answered.
    expect(await parent.locator("#reglements").inputValue()).toBe("OUI");
    expect(await parent.getByLabel("J'accepte").isChecked()).toBe(true);
    await parent.context().close();
  });

  it("refuses an identity correction made after the family saved the sheet, keeps what the agent typed, then saves it deliberately", async () => {
    // The family's save is made through the lib on the portal's database: PostgreSQL only.
    if (!portalDatabaseReadable(portal, "une correction d'identité après l'enregistrement de la famille")) return;
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const children = agent.getByRole("region", { name: "Enfants" });
    await children.getByText("Modifier l'identité et la scolarité de TEST JULIEN", { exact: true }).click();
    const form = children.locator("details[open]");
    const version = () => form.locator('input[name="version"]').inputValue();
    const loadedVersion = Number(await version());
    await form.getByRole("textbox", { name: "Classe (précision)" }).fill("CM2 – Mme Vidal");

    const database = portal.openDatabase();
    try {
      useAsAppDatabase(database);
      const user = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.parent }, select: { id: true } });
      const viewer: ParentViewer = {
        userId: user.id,
        email: DEMO_ACCOUNTS.parent,
        name: "Famille TEST",
        role: "PARENT",
        familyId: DEMO_IDS.family,
      };
      const sheet = (await getChildSheet(database.prisma, viewer, DEMO_IDS.julien))!.values;
      await saveChildSheet(database.prisma, viewer, ZChildSheetSchema.parse({ ...sheet, schoolLevel: "CM1", loaded: sheet }));

      await form.getByRole("button", { name: "Enregistrer l'identité et la scolarité" }).click();
      const alert = form.getByRole("alert");
      await expectVisible(
        alert.getByText(
          /^Cette fiche a été modifiée par la famille le .* pendant que vous la complétiez\. Vos saisies sont conservées dans le formulaire/,
        ),
      );
      expect(await alert.innerText()).toContain("Rubriques modifiées entre-temps : Classe (niveau).");
      expect(await form.getByRole("textbox", { name: "Classe (précision)" }).inputValue()).toBe("CM2 – Mme Vidal");
      // The page was refreshed behind the message: the form now carries the family's version.
      await agent.waitForFunction(
        (loaded) => Number(document.querySelector<HTMLInputElement>('details[open] input[name="version"]')?.value) > loaded,
        loadedVersion,
        { timeout: 15_000 },
      );
      expect(Number(await version())).toBe(loadedVersion + 1);
      expect(
        await database.prisma.child.findUniqueOrThrow({
          where: { id: DEMO_IDS.julien },
          select: { schoolClass: true, schoolLevel: true },
        }),
      ).toEqual({ schoolClass: "CM2 – M. Costes", schoolLevel: "CM1" });
      expect(await accessibilityViolations(agent)).toEqual([]);

      await form.getByRole("button", { name: "Enregistrer l'identité et la scolarité" }).click();
      await expectVisible(form.getByText("L'identité et la scolarité de l'enfant ont été enregistrées."));
      expect(
        await database.prisma.child.findUniqueOrThrow({
          where: { id: DEMO_IDS.julien },
          select: { schoolClass: true, version: true },
        }),
      ).toEqual({ schoolClass: "CM2 – Mme Vidal", version: loadedVersion + 2 });
    } finally {
      await database.close();
    }
  });

  it("shows a child's medical information on request, the diet in the sheet's words (not its code)", async () => {
    await agent.goto(`/admin/familles/${DEMO_IDS.family}`);
    const julien = agent
      .getByRole("region", { name: "Enfants" })
      .getByRole("listitem")
      .filter({ hasText: /TEST JULIEN –/ });
    await julien.getByRole("button", { name: "Afficher les informations médicales" }).click();
    const diet = julien.locator("dt:text-is('Régime alimentaire') + dd");
    await expectVisible(diet);
    expect(DIET_KINDS.map((kind) => kind.label)).toContain((await diet.innerText()).split(" – ")[0]);
  });
});

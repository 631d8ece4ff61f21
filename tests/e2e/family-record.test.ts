import crypto from "node:crypto";

import type { Browser, Page } from "playwright-core";

import type { Database } from "@/lib/db/connect";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { childSheetCareAnswers } from "../helpers/family-form";
import { accessibilityViolations, describeE2e, expectVisible, signedInPage } from "./browser";
import { serverActionId } from "./build-manifest";
import { expectChildSheetSections } from "./child-sheet-page";
import { fillFields } from "./forms";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";

// The demo family starts from an empty record (no address, no guardian, no acceptance); Julie's
// sheet is empty but her vaccination record is already accepted (uploads belong to the documents
// issue); Julien stays as the seed made him.
async function emptyDemoRecord(database: Database) {
  const { prisma } = database;
  await prisma.family.update({
    where: { id: DEMO_IDS.family },
    data: {
      civility: null,
      name: "",
      street: null,
      addressComplement: null,
      postalCode: null,
      city: null,
      homePhone: null,
      situation: null,
      allowanceNumber: null,
      allowanceHolder: null,
      benefitScheme: null,
    },
  });
  await prisma.guardian.deleteMany({ where: { familyId: DEMO_IDS.family } });
  await prisma.consent.deleteMany({ where: { familyId: DEMO_IDS.family, childId: null } });
  const vaccination = await prisma.documentType.findUniqueOrThrow({ where: { code: "CARNET_VACCINATION" } });
  await prisma.document.create({
    data: {
      familyId: DEMO_IDS.family,
      childId: DEMO_IDS.julie,
      typeId: vaccination.id,
      status: "ACCEPTED",
      name: "Carnet de vaccination de Julie",
      originalName: "carnet-vaccination-julie.pdf",
      storageKind: "LOCAL",
      storageKey: `documents/e2e-${crypto.randomUUID()}`,
      mimeType: "application/pdf",
      size: 100,
      sha256: "0".repeat(64),
      reviewedAt: new Date(),
    },
  });
}

const FOREIGN_CHILD = "00000000-0000-4000-8000-00000000c099";

/** A second family, whose child the demo parent must not be able to touch. */
async function prepare(database: Database) {
  await emptyDemoRecord(database);
  await database.prisma.family.create({
    data: {
      id: "00000000-0000-4000-8000-00000000f002",
      name: "AUTRE",
      children: {
        create: { id: FOREIGN_CHILD, lastName: "AUTRE", firstName: "LÉO", birthDate: new Date("2018-05-04T00:00:00Z") },
      },
    },
  });
}

/** Julie's sheet, first sections: a girl at Cambon in CP, her doctor, no PAI, vaccinations up to date, no pork. */
const JULIE_BASICS = {
  sex: "F",
  schoolId: { label: "Cambon" },
  schoolLevel: "CP",
  doctorName: "Dr Bernard",
  doctorPhone: "05 65 00 11 22",
  hasPai: "NON",
  vaccinationsUpToDate: "OUI",
  dietKind: "SANS_PORC",
};

const completeness = (page: Page, childId: string) => page.getByTestId(`completeness-${childId}`);

describeE2e("the family record and Julie's sheet, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let page: Page;
  withPortalAndBrowser({ prepare, signIn: "parent" }, (journey) => ({ browser, portal, page } = journey));

  it("shows the empty record's checklist, and the family form with no accessibility violation", async () => {
    await expectVisible(page.getByRole("heading", { name: "Dossier famille : à compléter" }));
    await expectVisible(page.getByText("Coordonnées : adresse complète (n° et rue, code postal, ville)"));
    await expectVisible(completeness(page, DEMO_IDS.julie).getByText("TEST JULIE : à compléter"));
    await page.getByRole("link", { name: "Modifier les informations de la famille" }).click();
    await page.waitForURL("**/espace/famille");
    await expectVisible(page.getByRole("heading", { name: "Modifier les informations de la famille" }));
    for (const section of ["Coordonnées", "Informations personnelles", "Les parents", "Engagements"]) {
      await expectVisible(page.getByRole("heading", { name: section, exact: true }));
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("refuses a submission missing a mandatory field: French error at the field, everything typed kept", async () => {
    await page.getByLabel("Civilité", { exact: false }).first().selectOption("M_ET_MME");
    await fillFields(page, {
      name: "TEST",
      street: "26 PLACE EUGENE-RAYNALDY",
      postalCode: "12000",
      // Ville left empty.
      homePhone: "05 65 77 88 00",
      situation: "MARIES",
      benefitScheme: "CAF",
      guardian1Civility: "M",
      guardian1LastName: "TEST",
      guardian1FirstName: "Pierre",
    });
    // The guardian's address is prefilled from the family's.
    expect(await page.locator("#guardian1Street").inputValue()).toBe("26 PLACE EUGENE-RAYNALDY");
    await fillFields(page, { reglements: "OUI", attestationHonneur: "OUI", signatureNumerique: "OUI" });
    await page.getByLabel("J'accepte").check();
    await page.getByRole("button", { name: "Enregistrer" }).click();

    const city = page.locator("#city");
    await expectVisible(page.locator("#city-error").getByText("La ville est obligatoire."));
    expect(await city.getAttribute("aria-invalid")).toBe("true");
    expect(await city.getAttribute("aria-describedby")).toContain("city-error");
    await expectVisible(page.getByRole("status").getByText("Le formulaire contient des erreurs : vérifiez les champs signalés."));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("city");
    expect(await page.locator("#name").inputValue()).toBe("TEST");
    expect(await page.locator("#street").inputValue()).toBe("26 PLACE EUGENE-RAYNALDY");
    expect(await page.locator("#guardian1FirstName").inputValue()).toBe("Pierre");
    expect(await page.locator("#situation").inputValue()).toBe("MARIES");
    expect(await page.locator("#reglements").inputValue()).toBe("OUI");
    expect(await page.getByLabel("J'accepte").isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("is completed with the keyboard only", async () => {
    await page.goto("/espace/famille");
    await expectVisible(page.getByRole("heading", { name: "Modifier les informations de la famille" }));
    // What to do when the focus reaches each field: type a text, move a select down N options,
    // tick a checkbox with Space.
    const plan: Record<string, { type?: string; down?: number; space?: boolean }> = {
      civility: { down: 1 }, // M. et Mme
      name: { type: "TEST" },
      street: { type: "26 PLACE EUGENE-RAYNALDY" },
      postalCode: { type: "12000" },
      city: { type: "RODEZ" },
      homePhone: { type: "05 65 77 88 00" },
      situation: { down: 1 }, // Mariés
      benefitScheme: { down: 1 }, // CAF
      guardian1Civility: { down: 1 }, // M.
      guardian1LastName: { type: "TEST" },
      guardian1FirstName: { type: "Pierre" },
      guardian1MobilePhone: { type: "06 12 34 56 78" },
      reglements: { down: 1 },
      attestationHonneur: { down: 1 },
      signatureNumerique: { down: 1 },
      protectionDonnees: { space: true },
    };
    const done = new Set<string>();
    let submitted = false;
    for (let step = 0; step < 200 && !submitted; step += 1) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return {
          name: element?.getAttribute("name") ?? "",
          text: element?.textContent?.trim() ?? "",
          tag: element?.tagName ?? "",
        };
      });
      const action = plan[focused.name];
      if (action && !done.has(focused.name)) {
        done.add(focused.name);
        if (action.type) await page.keyboard.type(action.type);
        for (let index = 0; index < (action.down ?? 0); index += 1) await page.keyboard.press("ArrowDown");
        if (action.space) await page.keyboard.press("Space");
      } else if (focused.tag === "BUTTON" && focused.text === "Enregistrer") {
        expect([...done].sort()).toEqual(Object.keys(plan).sort());
        await page.keyboard.press("Enter");
        submitted = true;
      }
    }
    expect(submitted).toBe(true);
    await expectVisible(page.getByRole("status").getByText("Les informations de la famille ont été enregistrées."));
    expect(await page.locator("#civility").inputValue()).toBe("M_ET_MME");
    expect(await page.locator("#guardian1Civility").inputValue()).toBe("M");

    await page.goto("/espace");
    await expectVisible(page.getByRole("heading", { name: "Dossier famille : complet ✓" }));
    await expectVisible(completeness(page, DEMO_IDS.julien).getByText("TEST JULIEN : fiche complète ✓"));
    await expectVisible(completeness(page, DEMO_IDS.julie).getByText("TEST JULIE : à compléter"));
  });

  it("completes Julie's sheet; a server-side refusal keeps what was typed; then the checklist is complete", async () => {
    await page.getByText(/^TEST JULIE \(/).click();
    await page.getByRole("link", { name: "Voir / Modifier la fiche enfant de TEST JULIE" }).click();
    await page.waitForURL(`**/espace/enfants/${DEMO_IDS.julie}`);
    await expectVisible(page.getByRole("heading", { name: "Fiche enfant – TEST JULIE" }));
    await expectChildSheetSections(page);
    expect(await page.getByRole("option", { name: /halal|casher/i }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await fillFields(page, JULIE_BASICS);
    await page.locator('[name="emergencyContacts.0.name"]').fill("Jeanne TEST");
    await page.locator('[name="emergencyContacts.0.relation"]').fill("Grand-mère");
    await page.locator('[name="emergencyContacts.0.phone"]').fill("06 11 22 33 44");
    await page.getByRole("button", { name: "Ajouter une personne autorisée" }).click();
    await page.locator('[name="authorisedPersons.0.name"]').fill("Paul TEST");
    await page.locator('[name="authorisedPersons.0.relation"]').fill("Oncle");
    await page.locator('[name="authorisedPersons.0.phone"]').fill("06 55 66 77 88");
    for (const name of ["authEmergencyCare", "authPhotos", "authTransport"]) await page.locator(`#${name}`).selectOption("OUI");
    await page.locator("#authLeaveAlone").selectOption("NON");
    await page.getByLabel("J'accepte").check();

    // A school the server does not know (the page's list changed meanwhile): refused by the
    // server, and everything typed stays.
    await page.locator("#schoolId").evaluate((select: HTMLSelectElement) => {
      select.options[select.selectedIndex].value = "00000000-0000-4000-8000-000000000999";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(page.getByRole("status").getByText("Choisissez une école de la liste."));
    expect(await page.locator("#doctorName").inputValue()).toBe("Dr Bernard");
    expect(await page.locator('[name="emergencyContacts.0.name"]').inputValue()).toBe("Jeanne TEST");
    expect(await page.locator('[name="authorisedPersons.0.name"]').inputValue()).toBe("Paul TEST");
    expect(await page.getByLabel("J'accepte").isChecked()).toBe(true);

    await page.reload();
    await fillFields(page, JULIE_BASICS);
    // The emergency contact left empty: French errors at the row's fields.
    for (const name of ["authEmergencyCare", "authPhotos", "authTransport"]) await page.locator(`#${name}`).selectOption("OUI");
    await page.locator("#authLeaveAlone").selectOption("NON");
    await page.getByLabel("J'accepte").check();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(page.getByText("Le nom et le prénom sont obligatoires."));
    expect(await page.locator("#doctorName").inputValue()).toBe("Dr Bernard");

    await page.locator('[name="emergencyContacts.0.name"]').fill("Jeanne TEST");
    await page.locator('[name="emergencyContacts.0.relation"]').fill("Grand-mère");
    await page.locator('[name="emergencyContacts.0.phone"]').fill("06 11 22 33 44");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(page.getByRole("status").getByText("La fiche de l'enfant a été enregistrée."));

    await page.goto("/espace");
    await expectVisible(page.getByText("✓ Votre dossier est complet : vous pouvez réserver pour tous vos enfants."));
  });

  it("refuses a foreign child id or a family id posted straight to the actions, and changes nothing", async () => {
    const post = (file: string, name: string, input: unknown) =>
      page.context().request.post(file.includes("enfants") ? `/espace/enfants/${DEMO_IDS.julie}` : "/espace/famille", {
        headers: {
          "Next-Action": serverActionId(file, name),
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
        },
        data: JSON.stringify([input]),
      });
    await page.goto(`/espace/enfants/${DEMO_IDS.julie}`);
    const school = await page.locator("#schoolId option", { hasText: "Cambon" }).getAttribute("value");
    // The sheet's version, as the form posts it (react-hook-form fills its hidden field on hydration).
    await page.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? "") !== "",
      undefined,
      { timeout: 15_000 },
    );
    const version = Number(await page.locator('input[name="version"]').inputValue());
    const sheet = {
      childId: FOREIGN_CHILD,
      lastName: "PIRATE",
      firstName: "PIRATE",
      sex: "M",
      birthDate: "2018-05-04",
      schoolId: school,
      schoolLevel: "CP",
      schoolClass: "",
      ...childSheetCareAnswers(),
      authEmergencyCare: "OUI",
      authPhotos: "OUI",
      authLeaveAlone: "OUI",
      authTransport: "OUI",
      accept: true,
      version,
    };
    const foreign = await post("app/(famille)/espace/enfants/actions.ts", "saveChildSheetAction", sheet);
    expect(await foreign.text()).toContain('"error":"Fiche enfant introuvable."');
    // The same request for Julie is accepted: the refusal above is the foreign id.
    const own = await post("app/(famille)/espace/enfants/actions.ts", "saveChildSheetAction", {
      ...sheet,
      childId: DEMO_IDS.julie,
      lastName: "TEST",
      firstName: "JULIE",
      sex: "F",
      birthDate: "2019-10-15",
    });
    expect(await own.text()).toContain('"ok":true');

    const family = await post("app/(famille)/espace/famille/actions.ts", "saveFamilyRecordAction", {
      familyId: "00000000-0000-4000-8000-00000000f002",
      name: "PIRATE",
    });
    expect(await family.text()).toContain("données inattendues");
    await checkPortalDatabase(portal, "l'enfant et la famille d'autrui inchangés", async (database) => {
      const child = await database.prisma.child.findUniqueOrThrow({
        where: { id: FOREIGN_CHILD },
        include: { health: true, emergencyContacts: true },
      });
      expect(child).toMatchObject({ lastName: "AUTRE", firstName: "LÉO", sex: null, health: null, emergencyContacts: [] });
      expect(
        (await database.prisma.family.findUniqueOrThrow({ where: { id: "00000000-0000-4000-8000-00000000f002" } })).name,
      ).toBe("AUTRE");
    });
  });

  it("shows the pages on a 360 px screen without horizontal scrolling", async () => {
    const mobile = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent, DEMO_PASSWORD, { mobile: true });
    const context = mobile.context();
    for (const path of ["/espace/famille", `/espace/enfants/${DEMO_IDS.julie}`]) {
      await mobile.goto(path);
      await expectVisible(mobile.getByRole("button", { name: "Enregistrer" }));
      expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    // Julien's sheet shows what the seed stored; a foreign or unknown child id is a 404.
    await mobile.goto(`/espace/enfants/${DEMO_IDS.julien}`);
    // react-hook-form fills the inputs when the page hydrates: wait for it rather than race it.
    const doctorName = mobile.locator("#doctorName");
    await mobile
      .waitForFunction(() => (document.querySelector<HTMLInputElement>("#doctorName")?.value ?? "") !== "", undefined, {
        timeout: 15_000,
      })
      .catch(() => undefined);
    expect(await doctorName.inputValue()).toBe("Dr Bernard");
    expect((await mobile.goto("/espace/enfants/00000000-0000-4000-8000-000000000999"))?.status()).toBe(404);
    await context.close();
  });
});

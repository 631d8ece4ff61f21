// « No lost updates » in the browser (issue #10, point 8): the parent opens the family record,
// an agent's correction is saved meanwhile (through the lib on the portal's database, so that
// this test does not depend on the staff sign-in), the parent's save is refused with the French
// message, what they typed stays in the fields, and a second save goes through deliberately.
import type { Page } from "playwright-core";

import type { StaffViewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/connect";
import { getFamilyRecordForStaff, saveFamilyRecordForStaff } from "@/lib/families/family-editing";
import { ZStaffFamilyRecordSchema } from "@/lib/families/family-record.schema";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { describePostgres, postgresAvailable, useAsAppDatabase } from "../helpers/test-db";
import { accessibilityViolations, describeE2e } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";

// The test writes the portal's database while its server runs: PostgreSQL only (an on-disk
// PGlite opens in one process).
const describeStaleSave = postgresAvailable() ? describeE2e : describePostgres;

describeStaleSave("a save of the family record made on an older version, in Chromium", () => {
  let portal: Portal;
  let database: Database;
  let page: Page;
  // Declared first, so it runs before the portal (and its PostgreSQL database) is stopped.
  afterAll(() => database?.close());
  withPortalAndBrowser({ signIn: "parent" }, (journey) => {
    ({ portal, page } = journey);
    database = portal.openDatabase();
    useAsAppDatabase(database);
  });

  const family = () =>
    database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: { guardians: { orderBy: { position: "asc" } } },
    });
  const hiddenVersion = () => page.locator('input[name="version"]').inputValue();

  it("is refused after an agent's correction, keeps what the parent typed, and goes through when saved again", async () => {
    await page.goto("/espace/famille");
    await page.getByRole("heading", { name: "Modifier les informations de la famille" }).waitFor();
    // The form is hydrated once react-hook-form has put the version in its hidden field.
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name="version"]')?.value === "1",
      undefined,
      { timeout: 15_000 },
    );
    await page.locator("#homePhone").fill("05 65 11 22 33");
    await page.locator("#guardian1Profession").fill("Boulanger");

    // Meanwhile an agent corrects the situation and Pierre's mobile at the Guichet unique.
    const agent = await database.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.agent },
      select: { id: true, email: true, role: true },
    });
    const viewer = { userId: agent.id, email: agent.email, name: "Agent", role: agent.role, familyId: null } as StaffViewer;
    const staffForm = (await getFamilyRecordForStaff(database.prisma, viewer, DEMO_IDS.family))!.values;
    await saveFamilyRecordForStaff(
      database.prisma,
      viewer,
      ZStaffFamilyRecordSchema.parse({
        ...staffForm,
        situation: "PACSES",
        guardian1MobilePhone: "06 11 11 11 11",
        loaded: staffForm,
      }),
    );

    await page.getByRole("button", { name: "Enregistrer" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "pendant que vous le complétiez" });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.locator("p").first().innerText()).toMatch(
      /^Ce dossier a été modifié par un agent de la mairie le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} pendant que vous le complétiez\. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau\.$/,
    );
    expect(await alert.getByRole("listitem").allInnerTexts()).toEqual(["Situation familiale", "Responsable 1 – Tél. mobile"]);
    // What the parent typed is still there, and so is the rest of the form as they loaded it.
    expect(await page.locator("#homePhone").inputValue()).toBe("05 65 11 22 33");
    expect(await page.locator("#guardian1Profession").inputValue()).toBe("Boulanger");
    expect(await page.locator("#situation").inputValue()).toBe("MARIES");
    expect(await page.locator("#guardian1MobilePhone").inputValue()).toBe("06 12 34 56 78");
    expect(await page.getByLabel("J'accepte").isChecked()).toBe(true);
    // Nothing of the refused save was written; the form now carries the agent's version.
    expect(await family()).toMatchObject({ version: 2, homePhone: "05 65 77 88 00", situation: "PACSES" });
    expect(await hiddenVersion()).toBe("2");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Saved again, knowingly: the parent's values stand.
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("status").getByText("Les informations de la famille ont été enregistrées.").waitFor({ timeout: 15_000 });
    expect(await page.getByRole("alert").filter({ hasText: "pendant que vous le complétiez" }).count()).toBe(0);
    const saved = await family();
    expect(saved).toMatchObject({ version: 3, homePhone: "05 65 11 22 33", situation: "MARIES" });
    expect(saved.guardians[0]).toMatchObject({ profession: "Boulanger", mobilePhone: "06 12 34 56 78" });
    expect(await hiddenVersion()).toBe("3");
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

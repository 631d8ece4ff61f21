// Petite enfance in Chromium (issue #15's browser acceptance): on a 390 px phone the parent sees
// the demo's waiting request in the dashboard's « PETITE ENFANCE » block, files a « Nouvelle
// demande d'inscription » for an « Enfant à naître » with two crèches and a Monday–Thursday
// planning, and reads « Demande envoyée » in « Inscriptions »; an agent opens the request in the
// back office and puts it on the waiting list; the parent then reads « Liste d'attente » with its
// position in each crèche's list — the positions the database holds. Every page is axe clean.
import type { BrowserContext, Page } from "playwright-core";

import { addDays } from "@/lib/dates/calendar-day";
import { DEMO_EARLY_CHILDHOOD_IDS } from "@/prisma/seed-early-childhood";

import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser, type Journey } from "./journey";
import type { Portal } from "./portal";

const PHONE = { width: 390, height: 844 };
const PITCHOUNS = "MULTI-ACCUEIL LES PITCHOUNS";
const FOIRAIL = "CRÈCHE FAMILIALE DU FOIRAIL";

describeE2e("a parent's crèche request for an unborn child, put on the waiting list by an agent, in Chromium", () => {
  let journey: Journey;
  let portal: Portal;
  let phone: BrowserContext;
  let page: Page;
  let requestId: string;

  withPortalAndBrowser({}, async (started) => {
    journey = started;
    portal = started.portal;
    phone = await started.browser.newContext({
      baseURL: portal.baseUrl,
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
      viewport: PHONE,
    });
    page = await started.signIn(phone, "parent");
  });
  afterAll(() => phone?.close());

  it("shows the demo's waiting request in the dashboard block, with its position", async () => {
    await page.goto("/espace");
    const block = page.getByRole("region", { name: "Petite enfance" });
    await expectVisible(block);
    await expectVisible(block.getByRole("link", { name: "Inscriptions" }));
    await expectVisible(block.getByText(`${PITCHOUNS} — Liste d'attente (3e)`));
    await expectVisible(block.getByText("Lun–Jeu 8h30–17h30").first());
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("files a request for an « Enfant à naître » with two crèches and a planning, and reads « Demande envoyée »", async () => {
    await page.goto("/espace/petite-enfance");
    await page.getByRole("link", { name: "Nouvelle demande d'inscription" }).first().click();
    await expectVisible(page.getByRole("heading", { name: "Nouvelle demande d'inscription", level: 1 }));
    expect(await accessibilityViolations(page)).toEqual([]);

    const birth = addDays(portal.today(), 120);
    await page.getByRole("radio", { name: "Enfant à naître" }).check();
    await page.getByLabel("Date de naissance prévue").fill(birth);
    await page.getByLabel("Prénom prévu").fill("Camille");
    await page.getByLabel("Date d'entrée souhaitée").fill(addDays(birth, 120));
    await page.getByLabel("Crèche souhaitée n° 1").selectOption({ label: PITCHOUNS });
    await page.getByLabel("Crèche souhaitée n° 2").selectOption({ label: FOIRAIL });
    for (const day of ["Lundi", "Mardi", "Mercredi", "Jeudi"]) {
      await page.getByRole("checkbox", { name: day, exact: true }).check();
    }
    await page.getByLabel("Commentaires").fill("Naissance prévue au printemps.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole("button", { name: "Envoyer la demande" }).click();

    await page.waitForURL(/\/espace\/petite-enfance\/[0-9a-f-]{36}\?envoyee=1$/);
    requestId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expectVisible(page.getByText("Votre demande a bien été envoyée."));
    await expectVisible(page.getByText("Demande envoyée").first());
    await expectVisible(page.getByText("Lun–Jeu 8h30–17h30").first());
    expect(await accessibilityViolations(page)).toEqual([]);

    const database = await portal.connectDatabase();
    try {
      const saved = await database.prisma.earlyChildhoodRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: {
          status: true,
          childId: true,
          unbornFirstName: true,
          choices: { orderBy: { rank: "asc" }, select: { crecheId: true } },
        },
      });
      expect(saved).toEqual({
        status: "SUBMITTED",
        childId: null,
        unbornFirstName: "Camille",
        choices: [{ crecheId: DEMO_EARLY_CHILDHOOD_IDS.pitchouns }, { crecheId: DEMO_EARLY_CHILDHOOD_IDS.foirail }],
      });
    } finally {
      await database.close();
    }

    await page.goto("/espace");
    const block = page.getByRole("region", { name: "Petite enfance" });
    await expectVisible(block.getByText(`${PITCHOUNS}, ${FOIRAIL} — Demande envoyée`));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("is put on the waiting list by an agent; the parent then reads « Liste d'attente » and the positions", async () => {
    const office = await journey.newContext();
    try {
      const agent = await journey.signIn(office, "agent");
      await agent.goto(`/admin/petite-enfance/demandes/${requestId}`);
      await expectVisible(agent.getByText("Demande envoyée").first());
      expect(await accessibilityViolations(agent)).toEqual([]);
      await agent.getByRole("button", { name: "Inscrire en liste d'attente" }).click();
      await expectVisible(agent.getByText("Liste d'attente").first());
      await agent.reload();
      await expectVisible(agent.getByText("Liste d'attente").first());
    } finally {
      await office.close();
    }

    const database = await portal.connectDatabase();
    let positions: { creche: string; position: number }[];
    try {
      const choices = await database.prisma.earlyChildhoodChoice.findMany({
        where: { requestId },
        orderBy: { rank: "asc" },
        select: { waitingPosition: true, creche: { select: { name: true } } },
      });
      positions = choices.map((choice) => ({ creche: choice.creche.name, position: choice.waitingPosition! }));
      // After the demo's three requests on the PITCHOUNS list.
      expect(positions[0]).toEqual({ creche: PITCHOUNS, position: 4 });
      expect(positions[1].position).toBeGreaterThanOrEqual(1);
      expect(
        await database.prisma.outboxMail.count({ where: { kind: "early-childhood-decision", to: "famille.test@demo.fr" } }),
      ).toBe(1);
    } finally {
      await database.close();
    }

    await page.goto(`/espace/petite-enfance/${requestId}`);
    await expectVisible(page.getByText("Liste d'attente").first());
    for (const { creche, position } of positions) {
      await expectVisible(page.getByText(`${position === 1 ? "1re" : `${position}e`} sur la liste de ${creche}`));
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto("/espace");
    await expectVisible(page.getByRole("region", { name: "Petite enfance" }).getByText(`${PITCHOUNS} — Liste d'attente (4e)`));
  });
});

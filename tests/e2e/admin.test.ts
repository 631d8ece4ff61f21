// The Guichet unique's day in Chromium: an agent creates a family, the parent activates the
// account from the e-mail and logs in; the agent refuses a pending line and the family is
// told (✗ and the message); the daily list's CSV export keeps its accents. Issue #17: an admin
// publishes a new version of the Règlements (preview, then publish) and the parent is asked to
// accept it; the parent's « Afficher [n] éléments / page » is a real choice kept for the session.
import path from "node:path";

import type { Browser, Page } from "playwright-core";

import { dayToDate, formatDay } from "@/lib/dates/calendar-day";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";
import { FIXTURE_DAY, prepareDemoReservations } from "./admin-e2e-fixtures";
import { accessibilityViolations, describeE2e, expectVisible, login, newContext } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";
import type { PortalPrisma } from "./portal-inspector";

describeE2e("the staff back office, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let agent: Page;
  withPortalAndBrowser({ prepare: prepareDemoReservations, signIn: "agent" }, (journey) => {
    ({ browser, portal, page: agent } = journey);
    agent.on("dialog", (dialog) => void dialog.accept());
  });

  it("creates a family whose parent activates the account from the e-mail and logs in", async () => {
    await agent.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Familles" }).click();
    await agent.getByRole("link", { name: "Créer une famille" }).click();
    await agent.getByRole("textbox", { name: "Nom de la famille", exact: true }).fill("Lefèvre");
    await agent.getByRole("textbox", { name: "Prénom du responsable 1", exact: true }).fill("Hélène");
    await agent.getByRole("textbox", { name: "Nom du responsable 1", exact: true }).fill("Lefèvre");
    await agent.getByLabel("Adresse e-mail (identifiant)").fill("helene.lefevre@exemple");
    await agent.getByRole("button", { name: "Créer la famille et envoyer l'e-mail d'activation" }).click();
    // The error is announced and what was typed is still there.
    await expectVisible(agent.getByText("L'adresse e-mail n'est pas valide."));
    expect(await agent.getByRole("textbox", { name: "Nom de la famille", exact: true }).inputValue()).toBe("Lefèvre");
    expect(await accessibilityViolations(agent)).toEqual([]);

    await agent.getByLabel("Adresse e-mail (identifiant)").fill("helene.lefevre@exemple.fr");
    await agent.getByRole("button", { name: "Créer la famille et envoyer l'e-mail d'activation" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Famille LEFÈVRE" }));
    await expectVisible(agent.getByText("en attente d'activation"));
    expect(await accessibilityViolations(agent)).toEqual([]);

    const deadline = Date.now() + 15_000;
    let mail = portal.smtp.mails.find((received) => received.to.includes("helene.lefevre@exemple.fr"));
    while (!mail && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mail = portal.smtp.mails.find((received) => received.to.includes("helene.lefevre@exemple.fr"));
    }
    expect(mail?.subject).toBe("Activez votre compte Portail Familles");
    const link = new URL(mail!.text.match(/https?:\/\/\S+\/activation\?jeton=[\w%-]+/)![0]);

    const parentContext = await newContext(browser, portal.baseUrl);
    const parent = await parentContext.newPage();
    await parent.goto(`${link.pathname}${link.search}`);
    await parent.getByLabel("Nouveau mot de passe", { exact: true }).fill("ma nouvelle phrase de passe");
    await parent.getByLabel("Ressaisissez votre nouveau mot de passe").fill("ma nouvelle phrase de passe");
    await parent.getByRole("button", { name: "Activer mon compte" }).click();
    await parent.waitForURL("**/espace");
    await parentContext.close();

    const again = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(again, "helene.lefevre@exemple.fr", "ma nouvelle phrase de passe");
    await again.waitForURL("**/espace");
    await again.context().close();

    await agent.reload();
    await expectVisible(agent.getByText(/activé le/));
  });

  it("refuses a pending line with a message: the place is freed and the family is told ✗ with the message", async () => {
    // The club's counters of that day, read in the portal's database (the pending MATIN + SOIR).
    const booked = async (database: PortalPrisma) => {
      const rows = await database.prisma.unitDay.findMany({
        where: { date: dayToDate(FIXTURE_DAY), unit: { period: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } } } },
        select: { booked: true, unit: { select: { label: true } } },
      });
      return Object.fromEntries(rows.map((row) => [row.unit.label, row.booked]));
    };
    let before: Record<string, number> = {};
    await checkPortalDatabase(portal, "les places du jour avant le refus", async (database) => {
      before = await booked(database);
      expect(before).toEqual({ MATIN: expect.any(Number), SOIR: expect.any(Number) });
      expect(before.SOIR).toBeGreaterThanOrEqual(1);
    });
    await agent.goto("/admin/reservations");
    const day = formatDay(FIXTURE_DAY);
    await expectVisible(agent.getByRole("row").filter({ hasText: "TEST JULIEN" }).filter({ hasText: "SOIR" }));
    expect(await accessibilityViolations(agent)).toEqual([]);
    await agent.getByLabel(/^Message à la famille/).fill("Plus de place le soir ce jour-là");
    await agent.getByRole("button", { name: `Refuser le ${day} SOIR`, exact: true }).click();
    await agent
      .getByRole("button", { name: `Refuser le ${day} SOIR`, exact: true })
      .waitFor({ state: "detached", timeout: 15_000 });
    await expectVisible(agent.getByRole("button", { name: `Accepter le ${day} MATIN`, exact: true }));
    await checkPortalDatabase(portal, "la place du soir libérée par le refus", async (database) => {
      // The button leaves the page as soon as the answer streams back; the commit may trail it.
      const until = Date.now() + 15_000;
      let counts = await booked(database);
      while (counts.SOIR !== before.SOIR - 1 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        counts = await booked(database);
      }
      expect(counts).toEqual({ MATIN: before.MATIN, SOIR: before.SOIR - 1 });
    });

    const deadline = Date.now() + 15_000;
    let mail = portal.smtp.mails.find((received) => received.to.includes(DEMO_ACCOUNTS.parent));
    while (!mail && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mail = portal.smtp.mails.find((received) => received.to.includes(DEMO_ACCOUNTS.parent));
    }
    expect(mail?.subject).toMatch(/Réservation n° \d{6} : demande refusée/);
    expect(mail?.text).toContain(`✗ ${day} – SOIR`);
    expect(mail?.text).toContain("Plus de place le soir ce jour-là");

    // The parent sees the refused line (✗) and the agent's message on the reservation.
    const number = mail?.subject.match(/n° (\d{6})/)?.[1];
    const parent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    await parent.goto("/espace/reservations");
    await parent.getByRole("link", { name: `Voir la réservation n° ${number}` }).click();
    const refusedLine = parent.getByRole("row").filter({ hasText: "SOIR" });
    await expectVisible(refusedLine.getByText("✗"));
    await expectVisible(refusedLine.getByText("refusée"));
    await expectVisible(refusedLine.getByText("Plus de place le soir ce jour-là"));
    await parent.context().close();

    await agent.getByRole("button", { name: `Accepter le ${day} MATIN`, exact: true }).click();
    await expectVisible(agent.getByText("Aucune demande en attente."));
    await checkPortalDatabase(portal, "la place du matin gardée par l'acceptation", async (database) => {
      expect(await booked(database)).toEqual({ MATIN: before.MATIN, SOIR: before.SOIR - 1 });
    });
  });

  it("shows the daily list with diets and exports it as CSV with a BOM and its accents", async () => {
    await agent.goto(`/admin/listes?date=${FIXTURE_DAY}`);
    const canteen = agent.getByRole("region", { name: /CANTINE ELEMENTAIRE CAMBON/ });
    await expectVisible(canteen.getByRole("cell", { name: "TEST JULIE" }));
    await expectVisible(canteen.getByRole("cell", { name: "Sans porc" }));
    const club = agent.getByRole("region", { name: /GARDERIE ELEMENTAIRE CAMBON – PERISCOLAIRE – MATIN/ });
    await expectVisible(club.getByRole("cell", { name: "TEST JULIEN" }));
    expect(await accessibilityViolations(agent)).toEqual([]);

    const href = await agent.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const response = await agent.context().request.get(href!);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("Établissement;Activité;Unité");
    expect(text).toContain(
      `${formatDay(FIXTURE_DAY)};CANTINE ELEMENTAIRE CAMBON;RESTAURATION SCOLAIRE;REPAS ENFANT;12:15 – 13:00;Accepté;TEST JULIE;`,
    );
    expect(text).toContain(";Sans porc;Non;");
    expect(text.split("\r\n").length).toBeGreaterThan(3);

    await agent.goto(`/admin/listes/cuisine?date=${FIXTURE_DAY}`);
    await expectVisible(agent.getByText("Sans porc : 1"));
    expect(await accessibilityViolations(agent)).toEqual([]);
  });

  it("lets an admin give the town a logo and its colour, shown in the header of the public pages", async () => {
    const admin = await (await newContext(browser, portal.baseUrl)).newPage();
    admin.on("dialog", (dialog) => void dialog.accept());
    await login(admin, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await admin.waitForURL("**/admin");
    await admin.goto("/admin/contenus");
    const panel = admin.getByRole("region", { name: /Logo de la commune/i });
    await expectVisible(panel.getByText("Aucun logo"));
    // The server decides from the bytes: an SVG is refused at the field's form, with its message.
    await panel.getByLabel("Nouveau logo").setInputFiles(path.join(__dirname, "../fixtures/uploads/drawing.svg"));
    await panel.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expectVisible(panel.getByRole("alert").getByText("Le logo doit être une image PNG, JPEG ou GIF."));
    await panel.getByLabel("Nouveau logo").setInputFiles(path.join(__dirname, "../fixtures/uploads/good-scan.png"));
    await panel.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expectVisible(panel.getByRole("img", { name: "Logo actuel de la commune" }));
    expect(await accessibilityViolations(admin)).toEqual([]);

    const visitor = await (await newContext(browser, portal.baseUrl)).newPage();
    await visitor.goto("/");
    const logo = visitor.locator("header img");
    await logo.waitFor({ state: "visible" });
    const response = await visitor.context().request.get((await logo.getAttribute("src"))!);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

    const settings = admin.getByRole("region", { name: /Paramètres de la commune/i });
    await settings.getByLabel("Couleur principale").fill("#fff3b0");
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expectVisible(settings.getByText(/Cette couleur est trop claire/));
    await settings.getByLabel("Couleur principale").fill("#0a5c36");
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expectVisible(settings.getByText("Les paramètres de la commune ont été enregistrés."));
    await visitor.reload();
    expect(await visitor.locator("header").evaluate((header) => getComputedStyle(header).backgroundColor)).toBe(
      "rgb(10, 92, 54)",
    );
    expect(await accessibilityViolations(visitor)).toEqual([]);

    await panel.getByRole("button", { name: "Retirer le logo" }).click();
    await expectVisible(panel.getByText("Aucun logo"));
    await visitor.reload();
    expect(await visitor.locator("header img").count()).toBe(0);
    await visitor.context().close();
    await admin.context().close();
  });
  it("lets the parent show 10 reservations a page instead of 5, remembered on « Mes réservations » for the session", async () => {
    let total = 0;
    await checkPortalDatabase(portal, "réservations ajoutées", async ({ prisma }) => {
      const canteen = await prisma.period.findFirstOrThrow({
        where: { establishment: { name: "CANTINE ELEMENTAIRE CAMBON" } },
        select: { id: true, units: { select: { id: true } } },
      });
      for (const day of ["2027-03-08", "2027-03-09", "2027-03-11", "2027-03-12", "2027-03-15", "2027-03-16"]) {
        await createReservation(prisma, {
          familyId: DEMO_IDS.family,
          childId: DEMO_IDS.julie,
          periodId: canteen.id,
          lines: [{ unitId: canteen.units[0].id, day }],
          status: "ACCEPTED",
        });
      }
      total = await prisma.reservation.count({ where: { familyId: DEMO_IDS.family } });
    });
    expect(total).toBeGreaterThan(5);
    const context = await newContext(browser, portal.baseUrl);
    const parent = await context.newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    const block = parent.getByRole("region", {
      name: "Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances",
    });
    const rows = block.getByRole("link", { name: /^Voir la réservation n°/ });
    const size = block.getByRole("combobox", { name: "Afficher éléments / page" });
    expect(await size.inputValue()).toBe("5");
    expect(await rows.count()).toBe(5);
    await expectVisible(block.getByText(`(de 1 à 5 sur ${total} éléments)`));

    await size.selectOption("10");
    await block.getByRole("button", { name: "Appliquer" }).click();
    await parent.waitForURL("**/espace");
    const shown = Math.min(10, total);
    await expectVisible(block.getByText(`(de 1 à ${shown} sur ${total} éléments)`));
    expect(await rows.count()).toBe(shown);
    expect(await accessibilityViolations(parent)).toEqual([]);

    // Another page of the same session: the same choice.
    await parent.goto("/espace/reservations");
    const list = parent.getByRole("region", {
      name: "Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances",
    });
    expect(await list.getByRole("combobox", { name: "Afficher éléments / page" }).inputValue()).toBe("10");
    expect(await list.getByRole("link", { name: /^Voir la réservation n°/ }).count()).toBe(shown);
    expect(await accessibilityViolations(parent)).toEqual([]);
    // Kept for the session only: the cookie has no expiry; a value that is not offered reads 5.
    const cookie = (await context.cookies()).find((entry) => entry.name === "portail-taille-page");
    expect(cookie).toMatchObject({ value: "10", expires: -1, httpOnly: true });
    await parent.goto("/api/taille-page?taille=7&retour=/espace/reservations");
    await parent.waitForURL("**/espace/reservations");
    expect(await list.getByRole("link", { name: /^Voir la réservation n°/ }).count()).toBe(5);
    await context.close();
  });

  it("lets an admin publish a new version of the Règlements after a preview; the parent is asked to accept it, and does", async () => {
    const text =
      "Je certifie avoir pris connaissance des règlements intérieurs 2027 des structures.\n\nJ'accepte leurs contenus.";
    const admin = await (await newContext(browser, portal.baseUrl)).newPage();
    admin.on("dialog", (dialog) => void dialog.accept());
    await login(admin, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await admin.waitForURL("**/admin");
    await admin.goto("/admin/contenus");
    await admin.getByRole("link", { name: "Textes d'engagement" }).click();
    await admin.waitForURL("**/admin/contenus/consentements");
    await expectVisible(admin.getByTestId("consent-text-REGLEMENTS").getByText("Version 1"));
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.getByRole("link", { name: "Modifier le texte « Règlements » et voir ses versions" }).click();
    await admin.waitForURL("**/admin/contenus/consentements/reglements");

    await admin.getByRole("textbox", { name: "Texte de la version 2" }).fill(text);
    // Publishing comes after the preview only.
    expect(await admin.getByRole("button", { name: "Publier la version 2" }).count()).toBe(0);
    await admin.getByRole("button", { name: "Prévisualiser" }).click();
    const preview = admin.getByTestId("consent-preview");
    await expectVisible(preview.getByText("RÈGLEMENTS :"));
    await expectVisible(preview.getByText("J'accepte leurs contenus."));
    expect(await preview.locator("p").count()).toBe(3); // two paragraphs, then the family's answer
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.getByRole("button", { name: "Publier la version 2" }).click();
    await expectVisible(admin.getByText("Version 2 publiée : les familles devront l'accepter à leur prochaine visite."));
    await expectVisible(admin.getByTestId("consent-version-2").getByText("Version 2 (en vigueur)"));
    await expectVisible(
      admin
        .getByTestId("consent-version-1")
        .getByText("Je certifie avoir pris connaissance des règlements intérieurs des structures et accepte leurs contenus."),
    );
    await admin.context().close();

    const parent = await (await newContext(browser, portal.baseUrl)).newPage();
    await login(parent, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await parent.waitForURL("**/espace");
    const banner = parent.getByRole("region", { name: "Nouvelle version à accepter" });
    await expectVisible(banner.getByRole("link", { name: "Règlements : nouvelle version à accepter" }));
    await expectVisible(
      parent.getByRole("region", { name: "Dossier à compléter" }).getByText("Règlements : nouvelle version à accepter"),
    );
    expect(await accessibilityViolations(parent)).toEqual([]);
    await banner.getByRole("link", { name: "Règlements : nouvelle version à accepter" }).click();
    await parent.waitForURL("**/espace/famille");
    await expectVisible(parent.getByText("Certains textes ont été mis à jour depuis votre dernière validation"));
    await expectVisible(parent.getByText("Je certifie avoir pris connaissance des règlements intérieurs 2027 des structures."));
    expect(await accessibilityViolations(parent)).toEqual([]);
    await parent.getByRole("combobox", { name: "RÈGLEMENTS — votre réponse" }).selectOption("OUI");
    await parent.getByRole("button", { name: "Enregistrer" }).click();
    await expectVisible(parent.getByText("Les informations de la famille ont été enregistrées."));
    await parent.goto("/espace");
    await parent.getByRole("heading", { name: /^Famille / }).waitFor();
    expect(await parent.getByText("Règlements : nouvelle version à accepter").count()).toBe(0);
    expect(await parent.getByRole("region", { name: "Nouvelle version à accepter" }).count()).toBe(0);
    await checkPortalDatabase(portal, "acceptations des règlements", async ({ prisma }) => {
      const rows = await prisma.consent.findMany({
        where: { familyId: DEMO_IDS.family, childId: null, text: { kind: "REGLEMENTS" } },
        select: { text: { select: { version: true } } },
        orderBy: { acceptedAt: "asc" },
      });
      expect(rows.map((row) => row.text.version)).toEqual([1, 2]);
    });
    await parent.context().close();
  });
});

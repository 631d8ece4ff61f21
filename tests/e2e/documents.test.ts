// Supporting documents in Chromium: the demo parent sends Julien's vaccination record (the
// demo one is prepared as refused), staff accept it and Julien's checklist turns complete; a
// refused document shows its reason to the parent and reaches them by e-mail; another family
// and a visitor get 404 and no bytes; a parent cannot reach the staff queue.
import fs from "node:fs";
import path from "node:path";

import type { Browser, Page } from "playwright-core";

import { hashPassword } from "@/lib/auth/password";
import { UPLOAD_MESSAGES } from "@/lib/documents/upload-rules";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { accessibilityViolations, describeE2e, expectVisible, newContext, signedInPage } from "./browser";
import { serverActionId } from "./build-manifest";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures/uploads", name);
const OTHER_PARENT = "autre.famille@demo.fr";
const OTHER_CHILD = "00000000-0000-4000-8000-0000000bc001";
const DEMO_REFUSAL = "Carnet illisible : merci d'envoyer une copie nette";

describeE2e("supporting documents, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let parentPage: Page;
  let agentPage: Page;

  withPortalAndBrowser(
    {
      async prepare(database) {
        // Julien starts without an accepted vaccination record: the demo one was refused.
        await database.prisma.document.update({
          where: { id: DEMO_IDS.julienVaccination },
          data: { status: "REFUSED", refusalReason: DEMO_REFUSAL, reviewedAt: new Date() },
        });
        await database.prisma.family.create({
          data: {
            name: "AUTRE",
            users: {
              create: {
                email: OTHER_PARENT,
                role: "PARENT",
                passwordHash: await hashPassword(DEMO_PASSWORD),
                activatedAt: new Date(),
              },
            },
            children: {
              create: { id: OTHER_CHILD, lastName: "AUTRE", firstName: "LOU", birthDate: new Date("2018-05-01T00:00:00Z") },
            },
          },
        });
      },
    },
    async (journey) => {
      ({ browser, portal } = journey);
      parentPage = await journey.signIn(await journey.newContext({ mobile: true }), "parent");
      agentPage = await journey.signIn(await journey.newContext(), "agent");
    },
  );

  const julienSection = () => parentPage.getByTestId(`completeness-${DEMO_IDS.julien}`);

  async function upload(concerns: string, type: string, file: string, name?: string) {
    const form = parentPage.locator("form", { has: parentPage.getByRole("button", { name: "Envoyer" }) });
    await form.getByLabel("Le document concerne").selectOption({ label: concerns });
    await form.getByLabel("Type de document").selectOption({ label: type });
    if (name) await form.getByLabel("Rappelez le nom du document").fill(name);
    await form.getByLabel(/Choisir le fichier/).setInputFiles(fixture(file));
    await form.getByRole("button", { name: "Envoyer" }).click();
  }

  async function decide(row: RegExp, decision: "accept" | "refuse", reason?: string) {
    await agentPage.goto("/admin/documents");
    await agentPage.getByRole("row", { name: row }).getByRole("link", { name: /Voir/ }).click();
    await agentPage.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    if (decision === "accept") {
      await agentPage.getByRole("button", { name: "Accepter le document" }).click();
    } else {
      await agentPage.getByLabel(/Motif du refus/).fill(reason!);
      await agentPage.getByRole("button", { name: "Refuser le document" }).click();
    }
    await agentPage.waitForURL(/\/admin\/documents\?decision=/);
  }

  it("shows the parent the refused record's reason on the dashboard, item by item", async () => {
    await expectVisible(
      julienSection().getByText(`Carnet de vaccination (obligatoire) : document refusé (${DEMO_REFUSAL}), à fournir de nouveau`),
    );
    const block = parentPage.getByRole("region", { name: "Pièces justificatives à fournir" });
    await expectVisible(block.getByText(`Motif : ${DEMO_REFUSAL}`));
    expect(await accessibilityViolations(parentPage)).toEqual([]);
  });

  it("refuses a disguised executable with a French message, then sends Julien's record", async () => {
    await parentPage.getByRole("link", { name: "Ajouter un document" }).click();
    await parentPage.waitForURL("**/espace/documents");
    const list = parentPage.getByRole("table", { name: "Mes documents transmis au Guichet unique" });
    const rowsBefore = await list.locator("tbody tr").count();

    await upload("TEST JULIEN", "Carnet de vaccination (obligatoire)", "elf-executable.pdf");
    await expectVisible(parentPage.getByText(UPLOAD_MESSAGES.type));
    expect(await parentPage.getByLabel(/Choisir le fichier/).getAttribute("aria-invalid")).toBe("true");
    await parentPage.reload();
    expect(await list.locator("tbody tr").count()).toBe(rowsBefore);

    // The type list follows who the document concerns.
    const form = parentPage.locator("form", { has: parentPage.getByRole("button", { name: "Envoyer" }) });
    await form.getByLabel("Le document concerne").selectOption({ label: "La famille" });
    expect(await form.getByLabel("Type de document").locator("option").allTextContents()).toEqual([
      "— Choisissez —",
      "Attestation QF MSA",
      "Avis d'imposition",
      "Document juridique divers",
      // The crèche request's (petite enfance, migration 20261130150000).
      "Certificat de grossesse",
      "Justificatif de domicile",
    ]);
    // Phones are offered the camera.
    expect(await parentPage.locator('input[type="file"][capture]').getAttribute("accept")).toBe("image/*");

    // « Rappelez le nom du document » (guide): the type's help text shows, the name is listed.
    await form.getByLabel("Le document concerne").selectOption({ label: "TEST JULIEN" });
    await form.getByLabel("Type de document").selectOption({ label: "Carnet de vaccination (obligatoire)" });
    await expectVisible(form.getByText("Les pages des vaccinations, où figurent le nom de l'enfant"));
    await upload(
      "TEST JULIEN",
      "Carnet de vaccination (obligatoire)",
      "good-document.pdf",
      "Carnet de santé de Julien, pages 90 à 93",
    );
    await expectVisible(parentPage.getByText("Votre document « good-document.pdf » a bien été envoyé."));
    await expectVisible(
      list.getByRole("row", {
        name: /TEST JULIEN.*Carnet de santé de Julien, pages 90 à 93.*Carnet de vaccination.*good-document\.pdf.*Transmis – en attente de validation/,
      }),
    );
    expect(await accessibilityViolations(parentPage)).toEqual([]);
    expect(await parentPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await parentPage.goto("/espace");
    await expectVisible(julienSection().getByText(/Carnet de vaccination \(obligatoire\) : transmis, en attente de validation/));
  });

  it("serves the file to its family only: the right type, inline, nosniff; 404 and no bytes for anyone else", async () => {
    const link = parentPage
      .getByRole("link", { name: /Voir le document « Carnet de vaccination \(obligatoire\) » \(TEST JULIEN\)/ })
      .first();
    const href = (await link.getAttribute("href"))!;
    const own = await parentPage.request.get(href);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("application/pdf");
    expect(own.headers()["x-content-type-options"]).toBe("nosniff");
    expect(own.headers()["content-disposition"]).toMatch(/^inline; filename="good-document\.pdf"/);
    expect((await own.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const otherPage = await signedInPage(browser, portal.baseUrl, OTHER_PARENT);
    const other = otherPage.context();
    for (const url of [href, `/api/documents/${DEMO_IDS.julienVaccination}`, `${href}?telecharger`]) {
      const response = await other.request.get(url);
      expect(response.status()).toBe(404);
      expect((await response.body()).includes(Buffer.from("%PDF"))).toBe(false);
    }
    // Uploading for another family's child, or deleting its document, finds nothing either.
    await otherPage.goto("/espace/documents");
    await otherPage.getByLabel("Le document concerne").selectOption({ label: "AUTRE LOU" });
    const typeId = (await otherPage
      .locator('select[name="typeId"] option', { hasText: "Carnet de vaccination" })
      .getAttribute("value"))!;
    const multipart = {
      concerns: DEMO_IDS.julie,
      typeId,
      file: { name: "a.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(fixture("good-document.pdf")) },
    };
    const foreignUpload = await other.request.post("/api/documents", { multipart, headers: { Origin: portal.baseUrl } });
    expect(await foreignUpload.json()).toMatchObject({ ok: false, error: "Choisissez la famille ou l'un de vos enfants." });
    const deleteId = serverActionId("app/(famille)/espace/documents/actions.ts", "deleteDocumentAction");
    const foreignDelete = await other.request.post("/espace/documents", {
      headers: { "Next-Action": deleteId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ id: DEMO_IDS.julienVaccination }]),
    });
    expect(await foreignDelete.text()).not.toContain('"ok":true');
    expect((await parentPage.request.get(`/api/documents/${DEMO_IDS.julienVaccination}`)).status()).toBe(200);

    const visitor = await newContext(browser, portal.baseUrl);
    expect((await visitor.request.get(href)).status()).toBe(404);
    await Promise.all([other.close(), visitor.close()]);
  });

  it("keeps a parent out of the staff queue and its review action", async () => {
    expect((await parentPage.request.get("/admin/documents")).status()).toBe(404);
    const reviewId = serverActionId("app/admin/documents/actions.ts", "reviewDocumentAction");
    const forged = await parentPage.request.post("/espace", {
      headers: { "Next-Action": reviewId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ id: DEMO_IDS.julienVaccination, decision: "accept" }]),
      maxRedirects: 0,
    });
    expect(await forged.text()).not.toContain("decision=accepte");
    await parentPage.goto("/espace");
    await expectVisible(julienSection().getByText(/en attente de validation/));
  });

  it("lets staff view the record inline and accept it: Julien's checklist turns complete", async () => {
    await agentPage.getByRole("link", { name: "Documents" }).click();
    await agentPage.waitForURL("**/admin/documents");
    expect(await accessibilityViolations(agentPage)).toEqual([]);
    await agentPage
      .getByRole("row", { name: /TEST JULIEN.*Carnet de vaccination.*« Carnet de santé de Julien, pages 90 à 93 »/ })
      .getByRole("link", { name: /Voir/ })
      .click();
    await agentPage.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    await expectVisible(agentPage.getByText("Carnet de santé de Julien, pages 90 à 93"));
    const frameSource = (await agentPage.locator("iframe[title^='Aperçu']").getAttribute("src"))!;
    const viewed = await agentPage.request.get(frameSource);
    expect(viewed.status()).toBe(200);
    expect(viewed.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(await accessibilityViolations(agentPage)).toEqual([]);
    await agentPage.getByRole("button", { name: "Accepter le document" }).click();
    await agentPage.waitForURL(/\/admin\/documents\?decision=accepte/);
    await expectVisible(agentPage.getByText("Le document a été accepté."));

    await parentPage.goto("/espace");
    await expectVisible(parentPage.getByRole("heading", { name: "TEST JULIEN : fiche complète ✓" }));
    await checkPortalDatabase(portal, "les consultations de documents au journal", async (database) => {
      const views = await database.prisma.auditLog.count({
        where: { action: "document.view", actor: { email: DEMO_ACCOUNTS.agent } },
      });
      expect(views).toBeGreaterThanOrEqual(2);
    });
  });

  it("e-mails a refusal's reason to the family and shows it in Mes documents; an unaccepted document can be deleted", async () => {
    await parentPage.goto("/espace/documents");
    await upload("TEST JULIE", "Brevet de natation", "png-named-as.pdf");
    await expectVisible(parentPage.getByText("Votre document « png-named-as.pdf » a bien été envoyé."));
    const reason = "Le brevet est au nom d'un autre enfant";
    await decide(/TEST JULIE\b.*Brevet de natation/, "refuse", reason);
    await expectVisible(agentPage.getByText("Le document a été refusé"));

    const mails = await portal.smtp.waitFor(1);
    const mail = mails.find((candidate) => candidate.subject === "Pièce justificative refusée : Brevet de natation")!;
    expect(mail.to).toEqual([DEMO_ACCOUNTS.parent]);
    expect(mail.text).toContain(`pour le motif suivant : ${reason}`);

    await parentPage.goto("/espace/documents");
    const row = parentPage.getByRole("row", { name: /TEST JULIE\b.*Brevet de natation/ });
    await expectVisible(row.getByText("Refusé"));
    await expectVisible(row.getByText(`Motif : ${reason}`));
    const stored = await parentPage.request.get((await row.getByRole("link", { name: /Voir/ }).getAttribute("href"))!);
    expect(stored.headers()["content-type"]).toBe("image/png");

    await row.getByRole("button", { name: /Supprimer/ }).click();
    await parentPage.getByRole("button", { name: "Oui, supprimer" }).click();
    await parentPage
      .getByRole("row", { name: /TEST JULIE\b.*Brevet de natation/ })
      .waitFor({ state: "detached", timeout: 15_000 });
  });
});

// Nothing is lost when the SMTP server is down (issue #13): with no SMTP server listening, 20
// bookings, a password reset, a staff decision on a pending line, a document refusal and a family
// creation all succeed and say so to the person, at normal speed; when the server starts, every
// mail arrives exactly once within 2 minutes (one Message-ID each, every outbox row SENT).
import type { Browser, BrowserContext, Page } from "playwright-core";

import { formatDay } from "@/lib/dates/calendar-day";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { nextBookableCantineWeek } from "../helpers/bookable-week";
import { createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { FIXTURE_DAY, prepareDemoReservations } from "./admin-e2e-fixtures";
import { describeE2e, expectVisible, newContext, signedInContext, signIn } from "./browser";
import { serverActionId } from "./build-manifest";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";
import { checkPortalDatabase } from "./portal-database";
import { actionResult, postAction } from "./server-action-http";

const PARENTS = 4;
const BOOKINGS_PER_PARENT = 5;
const MAIL_DEADLINE_MS = 120_000;

describeE2e("mails while the SMTP server is down, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let families: FixtureFamily[] = [];
  let booking: { periodId: string; unitId: string; days: string[] };

  withPortalAndBrowser(
    {
      smtpDown: true,
      async prepare(database, clock) {
        await prepareDemoReservations(database);
        // A document to refuse: Julien's vaccination record, waiting for review.
        await database.prisma.document.update({
          where: { id: DEMO_IDS.julienVaccination },
          data: { status: "SUBMITTED", reviewedAt: null },
        });
        families = await createCompleteFamilies(database.prisma, PARENTS, { prefix: "panne", password: DEMO_PASSWORD });
        const week = await nextBookableCantineWeek(database.prisma, "CAMBON", clock.now(), 10 * 60_000);
        const days = week.openDays.filter((day) => day >= week.week[0]).slice(0, BOOKINGS_PER_PARENT);
        if (days.length < BOOKINGS_PER_PARENT) throw new Error(`only ${days.length} bookable days`);
        booking = { periodId: week.periodId, unitId: week.unitId, days };
      },
    },
    (journey) => ({ browser, portal } = journey),
  );

  it("takes every change while SMTP is down, then delivers each mail exactly once when it is back", async () => {
    const expected: { to: string; subject: RegExp }[] = [];
    const actionId = serverActionId("app/(famille)/espace/reservations/actions.ts", "confirmBookingAction");

    // 20 bookings (4 parents × 5 days), over HTTP as the wizard's « Confirmer » sends them.
    const contexts: BrowserContext[] = [];
    for (const family of families) contexts.push(await signedInContext(browser, portal.baseUrl, family.email));
    const timings: number[] = [];
    await Promise.all(
      families.map(async (family, index) => {
        for (const day of booking.days) {
          const started = Date.now();
          const response = await postAction(contexts[index], actionId, "/espace/reservations", {
            json: { childId: family.childId, periodId: booking.periodId, days: [{ unitId: booking.unitId, date: day }] },
          });
          timings.push(Date.now() - started);
          expect({ day, status: response.status(), result: actionResult(await response.text()) }).toEqual({
            day,
            status: 200,
            result: { ok: true, data: expect.objectContaining({ number: expect.any(String) }) },
          });
          expected.push({ to: family.email, subject: /^Demande de réservation n° \d{6} enregistrée/ });
        }
      }),
    );
    timings.sort((a, b) => a - b);
    console.info(`[mail-outage] 20 réservations, SMTP arrêté : médiane ${timings[10]} ms, max ${timings[19]} ms`);
    // "At normal speed": nothing waited on a connection to the SMTP server (a generous bound for a loaded CI machine).
    expect(timings[19]).toBeLessThan(10_000);

    // A password reset: the neutral confirmation, as when everything works.
    const visitor = await (await newContext(browser, portal.baseUrl)).newPage();
    await visitor.goto("/mot-de-passe-oublie");
    await visitor.getByLabel("Identifiant").fill(DEMO_ACCOUNTS.parent);
    await visitor.getByRole("button", { name: "Recevoir un lien" }).click();
    await expectVisible(
      visitor.getByRole("status").getByText("Si cette adresse correspond à un compte du portail", { exact: false }),
    );
    expected.push({ to: DEMO_ACCOUNTS.parent, subject: /^Réinitialisation de votre mot de passe/ });
    await visitor.context().close();

    // A staff decision on a pending line: the line leaves the queue, no error message.
    const agent = await (await newContext(browser, portal.baseUrl)).newPage();
    agent.on("dialog", (dialog) => void dialog.accept());
    await signIn(agent, DEMO_ACCOUNTS.agent);
    await agent.goto("/admin/reservations");
    const day = formatDay(FIXTURE_DAY);
    await agent.getByRole("button", { name: `Accepter le ${day} SOIR`, exact: true }).click();
    await agent
      .getByRole("button", { name: `Accepter le ${day} SOIR`, exact: true })
      .waitFor({ state: "detached", timeout: 15_000 });
    await expectNoErrorMessage(agent);
    expected.push({ to: DEMO_ACCOUNTS.parent, subject: /^Réservation n° \d{6}/ });

    // A document refusal: back on the queue, the decision recorded.
    await agent.goto("/admin/documents");
    await agent
      .getByRole("row", { name: /JULIEN/ })
      .first()
      .getByRole("link", { name: /Voir/ })
      .click();
    await agent.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    await agent.getByLabel(/Motif du refus/).fill("Document illisible");
    await agent.getByRole("button", { name: "Refuser le document" }).click();
    await agent.waitForURL(/\/admin\/documents\?decision=/);
    await expectNoErrorMessage(agent);
    expected.push({ to: DEMO_ACCOUNTS.parent, subject: /refus/i });

    // A family creation: its page, « en attente d'activation ».
    await agent.goto("/admin/familles/nouvelle");
    await agent.getByRole("textbox", { name: "Nom de la famille", exact: true }).fill("Panne");
    await agent.getByRole("textbox", { name: "Prénom du responsable 1", exact: true }).fill("Sam");
    await agent.getByRole("textbox", { name: "Nom du responsable 1", exact: true }).fill("Panne");
    await agent.getByLabel("Adresse e-mail (identifiant)").fill("sam.panne@exemple.fr");
    await agent.getByRole("button", { name: "Créer la famille et envoyer l'e-mail d'activation" }).click();
    await expectVisible(agent.getByRole("heading", { name: "Famille PANNE" }));
    await expectVisible(agent.getByText("en attente d'activation"));
    expected.push({ to: "sam.panne@exemple.fr", subject: /^Activez votre compte/ });
    await agent.context().close();
    for (const context of contexts) await context.close();

    // Nothing could be delivered: every mail waits in the outbox, with the error it met.
    await checkPortalDatabase(portal, "les e-mails en attente", async (database) => {
      const rows = await database.prisma.outboxMail.findMany({ select: { status: true, sentAt: true } });
      expect(rows.length).toBe(expected.length);
      expect(rows.filter((row) => row.sentAt !== null)).toEqual([]);
    });
    expect(portal.smtp.mails).toEqual([]);

    // The SMTP server starts: every mail arrives within 2 minutes, exactly once.
    const started = Date.now();
    const smtp = await portal.restartSmtp();
    await smtp.waitFor(expected.length, MAIL_DEADLINE_MS);
    console.info(
      `[mail-outage] ${expected.length} e-mails reçus ${Math.round((Date.now() - started) / 1000)} s après le retour du serveur SMTP`,
    );
    const mails = await smtp.settle();
    expect(mails.length).toBe(expected.length);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(expected.length);
    const unmatched = [...mails];
    for (const want of expected) {
      const index = unmatched.findIndex((mail) => mail.to.includes(want.to) && want.subject.test(mail.subject));
      expect({ want: `${want.to} ${want.subject}`, found: index >= 0 }).toEqual({
        want: `${want.to} ${want.subject}`,
        found: true,
      });
      unmatched.splice(index, 1);
    }
    await checkPortalDatabase(portal, "les e-mails envoyés", async (database) => {
      const rows = await database.prisma.outboxMail.groupBy({ by: ["status"], _count: true });
      expect(rows.map((row) => [row.status, row._count])).toEqual([["SENT", expected.length]]);
    });
  }, 300_000);
});

async function expectNoErrorMessage(page: Page): Promise<void> {
  expect(await page.getByText("Une erreur inattendue", { exact: false }).count()).toBe(0);
  expect(await page.getByText("Service momentanément indisponible", { exact: false }).count()).toBe(0);
}

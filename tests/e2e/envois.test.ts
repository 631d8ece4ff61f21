// The staff page « Envois » in Chromium (issue 13): an administrator is alerted on the admin home
// when mails have been failing for more than an hour, sees the mails by state and the background
// jobs' last runs, and resends a failed mail after confirming; an agent gets neither the page nor
// its menu entry, and is told to warn an administrator.
import type { Page } from "playwright-core";

import type { Database } from "@/lib/db/connect";

import { accessibilityViolations, describeE2e, expectVisible } from "./browser";
import { withPortalAndBrowser, type Journey } from "./journey";
import type { Portal, PortalClock } from "./portal";
import { checkPortalDatabase } from "./portal-database";

const FAILED_TO = "abandon.envois@exemple.fr";
const RETRYING_TO = "nouvel.essai@exemple.fr";

/** One mail in each state, around the hour, and runs of the background jobs. */
async function prepareOutbox(database: Database, clock: PortalClock) {
  const prisma = database.prisma;
  const now = clock.now();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const mail = (
    to: string,
    minutesOld: number,
    facts: { status: "PENDING" | "SENDING" | "SENT" | "FAILED"; attempts?: number; lastError?: string },
  ) =>
    prisma.outboxMail.create({
      data: {
        to,
        subject: `Objet pour ${to}`,
        text: "Texte",
        html: "<p>Texte</p>",
        kind: "reservation-confirmation",
        status: facts.status,
        attempts: facts.attempts ?? 0,
        lastError: facts.lastError ?? null,
        createdAt: ago(minutesOld),
        // Far in the future for the pending ones: nothing delivers them while the test looks.
        nextAttemptAt: new Date(now.getTime() + 30 * 24 * 3_600_000),
        lastAttemptAt: facts.attempts ? ago(2) : null,
        sentAt: facts.status === "SENT" ? ago(minutesOld - 1) : null,
      },
    });
  await mail("attente.envois@exemple.fr", 5, { status: "PENDING" });
  await mail(RETRYING_TO, 75, { status: "PENDING", attempts: 4, lastError: "connect ECONNREFUSED 127.0.0.1:25" });
  await mail(FAILED_TO, 3_000, { status: "FAILED", attempts: 20, lastError: "550 5.1.1 boîte aux lettres inconnue" });
  await mail("envoye.envois@exemple.fr", 30, { status: "SENT", attempts: 1 });
  const run = (job: string, minutesAgo: number, ok: boolean | null, summary: string) =>
    prisma.jobRun.create({
      data: {
        job,
        startedAt: ago(minutesAgo),
        finishedAt: ok === null ? null : new Date(ago(minutesAgo).getTime() + 1_500),
        ok,
        summary,
        instance: "web-1:4242",
      },
    });
  await run("daily-purge", 24 * 60, false, "Erreur : connexion perdue");
  await run("daily-purge", 60, true, "12 entrées du journal supprimées");
  // A run still going. Not the mail sweep's: the portal's own sweep runs every minute and its run
  // would be the newest by the time the page is read; the crèche confirmations run once a day, at 06:00.
  await run("early-childhood-confirmations", 1, null, "");
}

describeE2e("the staff page « Envois », in Chromium", () => {
  let journey: Journey;
  let portal: Portal;
  let admin: Page;
  const dialogs: string[] = [];
  withPortalAndBrowser({ prepare: prepareOutbox, signIn: "admin" }, (started) => {
    ({ portal, page: admin } = started);
    journey = started;
    admin.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
  });

  it("alerts the administrator on the admin home, with how many, since when and a link to « Envois »", async () => {
    await admin.goto("/admin");
    const alert = admin.getByRole("alert");
    await expectVisible(
      alert.getByText(/2 e-mails n'ont pas pu être envoyés \(en échec depuis plus d'une heure, ou abandonnés\)/),
    );
    await expectVisible(alert.getByText(/le plus ancien a été écrit le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/));
    expect(await accessibilityViolations(admin)).toEqual([]);
    await alert.getByRole("link", { name: "Envois" }).click();
    await admin.waitForURL("**/admin/envois?etat=en-echec");
    await expectVisible(admin.getByRole("heading", { level: 1, name: "Envois" }));
    await expectVisible(admin.getByRole("cell", { name: FAILED_TO }));
    await expectVisible(admin.getByRole("cell", { name: RETRYING_TO }));
    expect(await admin.getByRole("cell", { name: "attente.envois@exemple.fr" }).count()).toBe(0);
  });

  it("shows the counts, every mail with its state and error, and the jobs' last runs", async () => {
    await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Envois" }).click();
    await admin.waitForURL("**/admin/envois");
    const table = admin.getByRole("table", { name: "E-mails du portail, du plus récent au plus ancien" });
    const row = (to: string) => table.getByRole("row").filter({ hasText: to });
    await expectVisible(row(FAILED_TO).getByRole("cell", { name: "En échec, abandonné" }));
    await expectVisible(row(FAILED_TO).getByText("550 5.1.1 boîte aux lettres inconnue"));
    await expectVisible(row(RETRYING_TO).getByRole("cell", { name: "En attente d'un nouvel essai" }));
    await expectVisible(row("attente.envois@exemple.fr").getByRole("cell", { name: "En attente", exact: true }));
    await expectVisible(row("envoye.envois@exemple.fr").getByRole("cell", { name: /^Envoyé/ }));
    expect(await row("envoye.envois@exemple.fr").getByRole("button").count()).toBe(0);
    await expectVisible(row(FAILED_TO).getByRole("cell", { name: "Confirmation de réservation" }));

    const jobs = admin.getByRole("table", { name: /Tâches d'arrière-plan/ });
    const purge = jobs.getByRole("row").filter({ hasText: "daily-purge" });
    await expectVisible(purge.getByRole("cell", { name: "Réussie" }));
    await expectVisible(purge.getByRole("cell", { name: "12 entrées du journal supprimées" }));
    await expectVisible(purge.getByText("Erreur : connexion perdue"));
    await expectVisible(purge.getByRole("cell", { name: "1,5 s" }));
    await expectVisible(
      jobs.getByRole("row").filter({ hasText: "early-childhood-confirmations" }).getByRole("cell", { name: "En cours" }),
    );
    await expectVisible(
      jobs.getByRole("row").filter({ hasText: "mail-dispatch" }).getByRole("cell", { name: "Jamais exécutée" }),
    );
    expect(await accessibilityViolations(admin)).toEqual([]);

    // The filters and the search by recipient, read back from the address.
    await admin.getByLabel("État").selectOption("envoyes");
    await admin.getByRole("button", { name: "Filtrer" }).click();
    await admin.waitForURL("**/admin/envois?etat=envoyes*");
    await expectVisible(table.getByRole("cell", { name: "envoye.envois@exemple.fr" }));
    expect(await table.getByRole("cell", { name: FAILED_TO }).count()).toBe(0);
    await admin.goto("/admin/envois?q=ABANDON");
    await expectVisible(table.getByRole("cell", { name: FAILED_TO }));
    expect(await table.getByRole("row").count()).toBe(2);
    await admin.goto("/admin/envois?q=personne");
    await expectVisible(admin.getByText("Aucun e-mail ne correspond à cette recherche."));
  });

  it("resends a failed mail after confirmation: it is pending again, due now, the success announced and audited", async () => {
    await admin.goto("/admin/envois");
    const row = admin.getByRole("row").filter({ hasText: FAILED_TO });
    await row.getByRole("button", { name: `Renvoyer l'e-mail à ${FAILED_TO}` }).click();
    await expectVisible(
      admin
        .getByRole("status")
        .getByText(`L'e-mail à ${FAILED_TO} est remis en file d'attente : un nouvel essai est fait tout de suite.`),
    );
    expect(dialogs.at(-1)).toBe(
      `Renvoyer l'e-mail « Objet pour ${FAILED_TO} » à ${FAILED_TO} ? Un nouvel essai est fait tout de suite, puis pendant 48 heures en cas d'échec.`,
    );
    // The focus goes to the message (the button is disabled meanwhile, and gone once the mail is sent).
    await admin.waitForFunction(() => document.activeElement?.textContent?.includes("remis en file d'attente"), null, {
      timeout: 15_000,
    });
    // Pending again, its old error shown until the next attempt — or already being sent, or sent,
    // when a job runtime delivers it at once; never given up any more.
    await expectVisible(row.getByRole("cell", { name: /^(En attente d'un nouvel essai|Nouvel essai en cours|Envoyé)/ }));
    expect(await row.getByRole("cell", { name: "En échec, abandonné" }).count()).toBe(0);
    expect(await accessibilityViolations(admin)).toEqual([]);

    await checkPortalDatabase(portal, "l'e-mail renvoyé et son entrée au journal", async (database) => {
      const mail = await database.prisma.outboxMail.findFirstOrThrow({ where: { to: FAILED_TO } });
      // A job runtime may already have taken it (SENDING, SENT) — never FAILED with its old count.
      expect(["PENDING", "SENDING", "SENT"]).toContain(mail.status);
      expect(mail.attempts).toBeLessThanOrEqual(1);
      expect(await database.prisma.auditLog.count({ where: { action: "outbox.resend", targetId: mail.id } })).toBe(1);
    });
  });

  it("keeps the page and its menu entry from an agent, who is told to warn an administrator", async () => {
    const agent = await journey.signIn(await journey.newContext({ mobile: true }), "agent");
    await expectVisible(agent.getByRole("alert").getByText(/Prévenez un administrateur du portail/));
    expect(await agent.getByRole("alert").getByRole("link").count()).toBe(0);
    expect(await agent.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Envois" }).count()).toBe(0);
    expect(await accessibilityViolations(agent)).toEqual([]);
    const response = await agent.goto("/admin/envois");
    expect(response?.status()).toBe(403);
    await expectVisible(agent.getByText("Réservé aux administrateurs"));
    expect(await agent.content()).not.toContain(RETRYING_TO);
    await agent.context().close();
  });

  it("reads on a phone's screen: the tables scroll in their own focusable region", async () => {
    const phone = await journey.signIn(await journey.newContext({ mobile: true }), "admin");
    await phone.goto("/admin/envois");
    const region = phone.getByRole("region", { name: "Tableau des e-mails" });
    await expectVisible(region);
    const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await phone.context().close();
  });
});

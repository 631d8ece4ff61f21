// The staff page « Envois » (issue 13): the outbox's mails by state, the hour rule of the admin
// home's alert, « Renvoyer », and the background jobs' last runs — on rows written straight into
// the outbox and the job-run table, in every state.
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import type { OutboxMailStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { onMailQueued } from "@/lib/mail/delivery-signal";
import { isFailingForOverAnHour } from "@/lib/mail/failing-mail-rule";
import { jobRunsOverview, listOutbox, mailFailureAlert, outboxSummary, resendMail } from "@/lib/mail/outbox-admin";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const ERROR = "Refus du serveur SMTP (451, RCPT TO) : réessayez plus tard";
const HELD = "Serveur SMTP injoignable (ECONNECTION) : connect ECONNREFUSED 127.0.0.1:25";
const PARENT: Viewer = { userId: "parent", email: "parent@exemple.fr", name: "Parent", role: "PARENT", familyId: "famille" };

describe.each(testDatabaseKinds())("the staff page « Envois » on %s", (kind) => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let admin: StaffViewer;
  withStaffTestBed(kind, async (suite) => {
    ({ database, agent } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
  });

  const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

  type MailFacts = { to: string; status: OutboxMailStatus; minutesOld: number; attempts?: number; lastError?: string | null };
  async function writeMail(now: Date, facts: MailFacts) {
    const createdAt = minutesAgo(now, facts.minutesOld);
    return database.prisma.outboxMail.create({
      data: {
        to: facts.to,
        subject: `Objet pour ${facts.to}`,
        text: "Lien secret : https://portail.test/activation?jeton=SECRET",
        html: "<p>SECRET</p>",
        kind: "reservation-confirmation",
        status: facts.status,
        attempts: facts.attempts ?? 0,
        lastError: facts.lastError ?? null,
        createdAt,
        nextAttemptAt: facts.status === "PENDING" ? minutesAgo(now, -5) : createdAt,
        leaseUntil: facts.status === "SENDING" ? minutesAgo(now, -1) : null,
        lastAttemptAt: facts.attempts ? minutesAgo(now, 1) : null,
        sentAt: facts.status === "SENT" ? minutesAgo(now, facts.minutesOld - 1) : null,
        transport: facts.status === "SENT" ? "smtp" : null,
      },
      select: { id: true },
    });
  }

  /** One mail in each state the page tells apart, around the hour. */
  async function writeEveryState(now: Date) {
    const ids = {
      waiting: await writeMail(now, { to: "attente@exemple.fr", status: "PENDING", minutesOld: 120 }),
      sending: await writeMail(now, { to: "envoi@exemple.fr", status: "SENDING", minutesOld: 3, attempts: 0 }),
      retryingOld: await writeMail(now, {
        to: "Echec.Ancien@exemple.fr",
        status: "PENDING",
        minutesOld: 61,
        attempts: 4,
        lastError: ERROR,
      }),
      retryingRecent: await writeMail(now, {
        to: "echec.recent@exemple.fr",
        status: "PENDING",
        minutesOld: 59,
        attempts: 3,
        lastError: ERROR,
      }),
      retryingSending: await writeMail(now, {
        to: "echec.envoi@exemple.fr",
        status: "SENDING",
        minutesOld: 90,
        attempts: 5,
        lastError: ERROR,
      }),
      // Held by an outage: delivery gave it the failed mail's error, its own attempts unchanged (lib/mail/delivery.ts).
      held: await writeMail(now, { to: "retenu@exemple.fr", status: "PENDING", minutesOld: 600, attempts: 0, lastError: HELD }),
      failed: await writeMail(now, {
        to: "abandon@exemple.fr",
        status: "FAILED",
        minutesOld: 3000,
        attempts: 20,
        lastError: "550 boîte inconnue",
      }),
      sent: await writeMail(now, { to: "envoye@exemple.fr", status: "SENT", minutesOld: 30, attempts: 1 }),
    };
    return Object.fromEntries(Object.entries(ids).map(([key, row]) => [key, row.id])) as Record<keyof typeof ids, string>;
  }

  beforeEach(async () => {
    await database.prisma.outboxMail.deleteMany();
    await database.prisma.jobRun.deleteMany();
  });

  const recipients = (result: { mails: { to: string }[] }) => result.mails.map((mail) => mail.to);
  const list = (filter: Partial<Parameters<typeof listOutbox>[2]>) =>
    listOutbox(database.prisma, admin, { view: null, recipient: null, page: 1, ...filter });

  it("lists the mails newest first, by state and by recipient, without their bodies", async () => {
    const now = clock.now();
    await writeEveryState(now);
    const all = await list({});
    expect(all.total).toBe(8);
    expect(recipients(all)).toEqual([
      "envoi@exemple.fr",
      "envoye@exemple.fr",
      "echec.recent@exemple.fr",
      "Echec.Ancien@exemple.fr",
      "echec.envoi@exemple.fr",
      "attente@exemple.fr",
      "retenu@exemple.fr",
      "abandon@exemple.fr",
    ]);
    expect(JSON.stringify(all)).not.toContain("SECRET");
    expect(all.mails[0]).toEqual(
      expect.objectContaining({ subject: "Objet pour envoi@exemple.fr", kind: "reservation-confirmation", status: "SENDING" }),
    );

    expect(recipients(await list({ view: "en-attente" }))).toEqual(["envoi@exemple.fr", "attente@exemple.fr"]);
    expect(recipients(await list({ view: "en-echec" }))).toEqual([
      "echec.recent@exemple.fr",
      "Echec.Ancien@exemple.fr",
      "echec.envoi@exemple.fr",
      "retenu@exemple.fr",
      "abandon@exemple.fr",
    ]);
    expect(recipients(await list({ view: "envoyes" }))).toEqual(["envoye@exemple.fr"]);
    expect(recipients(await list({ recipient: "ECHEC.a" }))).toEqual(["Echec.Ancien@exemple.fr"]);
    expect(recipients(await list({ view: "envoyes", recipient: "echec" }))).toEqual([]);
    // « Renvoyer » is offered on the failed ones only, never on a mail being sent.
    expect((await list({})).mails.filter((mail) => mail.resendable).map((mail) => mail.to)).toEqual([
      "echec.recent@exemple.fr",
      "Echec.Ancien@exemple.fr",
      "retenu@exemple.fr",
      "abandon@exemple.fr",
    ]);
  });

  it("pages the list by 50 and clamps a page past the end to the last one", async () => {
    const now = clock.now();
    await database.prisma.outboxMail.createMany({
      data: Array.from({ length: 53 }, (_, index) => ({
        to: `lot-${index}@exemple.fr`,
        subject: "Lot",
        text: "",
        html: "",
        status: "SENT" as const,
        createdAt: minutesAgo(now, index),
      })),
    });
    const first = await list({ recipient: "lot-" });
    expect([first.total, first.page, first.pageCount, first.mails.length]).toEqual([53, 1, 2, 50]);
    const past = await list({ recipient: "lot-", page: 99 });
    expect([past.page, recipients(past)]).toEqual([2, ["lot-50@exemple.fr", "lot-51@exemple.fr", "lot-52@exemple.fr"]]);
  });

  it("counts the mails per state and names the oldest failure", async () => {
    const now = clock.now();
    await writeEveryState(now);
    const summary = await outboxSummary(database.prisma, admin);
    expect(summary).toEqual({
      pending: 2,
      retrying: 4,
      failed: 1,
      sent: 1,
      oldestFailure: expect.objectContaining({ to: "abandon@exemple.fr", lastError: "550 boîte inconnue" }),
    });
    await database.prisma.outboxMail.deleteMany({ where: { lastError: { not: null } } });
    expect((await outboxSummary(database.prisma, admin)).oldestFailure).toBeNull();
  });

  it("raises the alert for mails given up, or failing and written more than an hour ago — the rule and the query agree", async () => {
    const now = clock.now();
    const ids = await writeEveryState(now);
    const alert = await mailFailureAlert(database.prisma, agent, now);
    // The given-up one, the old ones retried, being retried or held by the outage; not the recent one.
    expect(alert).toEqual({ count: 4, since: minutesAgo(now, 3000) });
    const rows = await database.prisma.outboxMail.findMany();
    const byRule = rows.filter((row) => isFailingForOverAnHour(row, now)).map((row) => row.id);
    expect(byRule.sort()).toEqual([ids.failed, ids.retryingOld, ids.retryingSending, ids.held].sort());

    // Two minutes later the recent one has failed for more than an hour too.
    expect((await mailFailureAlert(database.prisma, admin, minutesAgo(now, -2))).count).toBe(5);
    // Without the given-up one, "since" is the oldest mail still retried.
    await database.prisma.outboxMail.delete({ where: { id: ids.failed } });
    expect(await mailFailureAlert(database.prisma, admin, now)).toEqual({ count: 3, since: minutesAgo(now, 600) });
    await database.prisma.outboxMail.deleteMany({ where: { lastError: { not: null } } });
    expect(await mailFailureAlert(database.prisma, admin, now)).toEqual({ count: 0, since: null });
  });

  it("puts a failed mail back in the queue on « Renvoyer »: due now, a new window of attempts, its error kept, audited, the runtime told", async () => {
    const now = clock.now();
    const ids = await writeEveryState(now);
    let signals = 0;
    const stop = onMailQueued(() => (signals += 1));
    try {
      expect(await resendMail(database.prisma, admin, ids.failed)).toEqual({ to: "abandon@exemple.fr" });
      expect(signals).toBe(1);
    } finally {
      stop();
    }
    const resent = await database.prisma.outboxMail.findUniqueOrThrow({ where: { id: ids.failed } });
    expect(resent).toEqual(
      expect.objectContaining({ status: "PENDING", attempts: 0, lastError: "550 boîte inconnue", leaseUntil: null }),
    );
    expect(resent.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect(resent.nextAttemptAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    const audit = await database.prisma.auditLog.findMany({ where: { action: "outbox.resend", targetId: ids.failed } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorUserId: admin.userId,
        actorRole: "ADMIN",
        targetType: "OutboxMail",
        details: expect.objectContaining({ destinataire: "abandon@exemple.fr", "dernière erreur": "550 boîte inconnue" }),
      }),
    ]);
    // Still undelivered: it keeps the alert until its next attempt succeeds.
    expect(await mailFailureAlert(database.prisma, admin, now)).toEqual({ count: 4, since: minutesAgo(now, 3000) });

    // A mail waiting for a new attempt after a failure can be sent at once too, and a resent one again.
    for (const id of [ids.retryingOld, ids.held, ids.failed]) await resendMail(database.prisma, admin, id);
    expect(await database.prisma.outboxMail.findUniqueOrThrow({ where: { id: ids.retryingOld } })).toEqual(
      expect.objectContaining({ status: "PENDING", attempts: 0, lastError: ERROR }),
    );
    expect(await database.prisma.auditLog.count({ where: { action: "outbox.resend", targetId: ids.failed } })).toBe(2);
  });

  it("refuses « Renvoyer » on a sent mail, one being sent, one waiting without error and one that does not exist", async () => {
    const now = clock.now();
    const ids = await writeEveryState(now);
    const before = await database.prisma.outboxMail.findMany({ orderBy: { id: "asc" } });
    await expect(resendMail(database.prisma, admin, ids.sent)).rejects.toEqual(
      new AppError("INVALID", "Cet e-mail a déjà été envoyé : il n'est pas renvoyé une seconde fois."),
    );
    await expect(resendMail(database.prisma, admin, ids.retryingSending)).rejects.toMatchObject({ code: "BUSY" });
    await expect(resendMail(database.prisma, admin, ids.waiting)).rejects.toMatchObject({
      code: "INVALID",
      message: "Cet e-mail est déjà en attente d'envoi : il part au prochain essai.",
    });
    await expect(resendMail(database.prisma, admin, "ffffffff-ffff-4fff-8fff-ffffffffffff")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await database.prisma.outboxMail.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(
      await database.prisma.auditLog.count({ where: { action: "outbox.resend", targetId: { in: Object.values(ids) } } }),
    ).toBe(0);
  });

  it("keeps the page from agents and parents, and the alert from parents", async () => {
    const now = clock.now();
    const ids = await writeEveryState(now);
    const adminsOnly = new AppError("FORBIDDEN", "Ces informations sont réservées aux administrateurs.");
    for (const viewer of [agent, PARENT]) {
      await expect(resendMail(database.prisma, viewer, ids.failed)).rejects.toEqual(adminsOnly);
      await expect(listOutbox(database.prisma, viewer, { view: null, recipient: null, page: 1 })).rejects.toEqual(adminsOnly);
      await expect(outboxSummary(database.prisma, viewer)).rejects.toEqual(adminsOnly);
      await expect(jobRunsOverview(database.prisma, viewer)).rejects.toEqual(adminsOnly);
    }
    expect(await database.prisma.outboxMail.findUniqueOrThrow({ where: { id: ids.failed } })).toMatchObject({ status: "FAILED" });
    expect(await database.prisma.auditLog.count({ where: { action: "outbox.resend", targetId: ids.failed } })).toBe(0);
    await expect(mailFailureAlert(database.prisma, PARENT, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows each job's last run and last failure, the known jobs first even before they ran", async () => {
    const now = clock.now();
    const run = (job: string, startedMinutesAgo: number, seconds: number | null, ok: boolean | null, summary: string) =>
      database.prisma.jobRun.create({
        data: {
          job,
          startedAt: minutesAgo(now, startedMinutesAgo),
          finishedAt: seconds === null ? null : new Date(minutesAgo(now, startedMinutesAgo).getTime() + seconds * 1000),
          ok,
          summary,
          instance: "web-1:4242",
        },
      });
    await run("daily-purge", 2 * 24 * 60, 3, true, "12 entrées du journal supprimées");
    await run("daily-purge", 24 * 60, 1, false, "Erreur : connexion perdue");
    await run("daily-purge", 10, 2.5, true, "3 entrées du journal supprimées");
    await run("mail-sweep", 1, null, null, "");
    await run("payfip-poll", 5, 0.2, false, "Erreur : délai dépassé");
    // A job this version no longer knows is still listed, under its own name.
    await run("ancienne-tache", 60, 0.1, true, "Terminé");

    const jobs = await jobRunsOverview(database.prisma, admin);
    expect(jobs.map((job) => job.job)).toEqual([
      "mail-dispatch",
      "mail-sweep",
      "daily-purge",
      "payfip-poll",
      "early-childhood-confirmations",
      "ancienne-tache",
    ]);
    const [dispatch, sweep, purge, payfip, confirmations, unknown] = jobs;
    expect(dispatch).toEqual({ job: "mail-dispatch", label: "Envoi des e-mails", lastRun: null, lastFailure: null });
    expect(sweep.lastRun).toEqual(expect.objectContaining({ ok: null, finishedAt: null, durationMs: null }));
    expect(sweep.lastFailure).toBeNull();
    expect(purge.lastRun).toEqual(
      expect.objectContaining({
        ok: true,
        summary: "3 entrées du journal supprimées",
        durationMs: 2500,
        instance: "web-1:4242",
        startedAt: minutesAgo(now, 10),
        id: expect.any(String),
      }),
    );
    expect(purge.lastFailure).toEqual(expect.objectContaining({ ok: false, summary: "Erreur : connexion perdue" }));
    expect(payfip).toEqual(
      expect.objectContaining({
        label: "Vérification des paiements en ligne (PayFiP)",
        lastFailure: expect.objectContaining({ summary: "Erreur : délai dépassé" }),
      }),
    );
    // Known but never run: listed with its label and nothing else.
    expect(confirmations).toEqual({
      job: "early-childhood-confirmations",
      label: "Confirmation des demandes de place en crèche",
      lastRun: null,
      lastFailure: null,
    });
    expect(unknown).toEqual(expect.objectContaining({ label: "ancienne-tache", lastFailure: null }));
  });
});

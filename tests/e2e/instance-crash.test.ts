// An instance killed (kill -9) in the middle of 50 concurrent bookings served by two `next start`
// on one PostgreSQL database (issue #13): no partial reservation, the counters equal the booked
// days, the surviving instance keeps serving, and the confirmation of every committed booking is
// delivered (the outbox row committed with the booking; a claim the dead instance held runs out
// and another instance sends it).
import type { Browser, BrowserContext } from "playwright-core";

import { DEMO_PASSWORD } from "@/prisma/seed";

import { nextBookableCantineWeek } from "../helpers/bookable-week";
import { counterMismatches } from "../helpers/counters";
import { createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { describePostgres, postgresAvailable } from "../helpers/test-db";
import { describeE2e, launchBrowser, signedInContext } from "./browser";
import { serverActionId } from "./build-manifest";
import { startPortal, type Portal, type PortalInstance } from "./portal";
import { actionResult, postAction } from "./server-action-http";

const PARENTS = 10;
const BOOKINGS_PER_PARENT = 5;
/** How long the committed bookings' mails may take, including a claim of the dead instance running out. */
const DELIVERY_DEADLINE_MS = 150_000;

// Two instances on one database: PostgreSQL only (PGlite opens in one process).
const describeCrash = postgresAvailable() ? describeE2e : describePostgres;

describeCrash("kill -9 of one of two instances during 50 concurrent bookings", () => {
  let portal: Portal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let second: PortalInstance;
  let families: FixtureFamily[] = [];
  let booking: { periodId: string; unitId: string; days: string[] };

  beforeAll(async () => {
    portal = await startPortal({
      // The rows the killed instance was sending come back after this claim (5 min otherwise).
      env: { MAIL_LEASE_SECONDS: "30" },
      async prepare(database, clock) {
        families = await createCompleteFamilies(database.prisma, PARENTS, { prefix: "crash", password: DEMO_PASSWORD });
        const week = await nextBookableCantineWeek(database.prisma, "CAMBON", clock.now(), 10 * 60_000);
        const days = week.openDays.filter((day) => day >= week.week[0]).slice(0, BOOKINGS_PER_PARENT + 1);
        if (days.length < BOOKINGS_PER_PARENT + 1) throw new Error(`only ${days.length} bookable days`);
        booking = { periodId: week.periodId, unitId: week.unitId, days };
      },
    });
    second = await portal.startInstance();
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 240_000);
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it("loses nothing: whole reservations only, balanced counters, the survivor serves, every committed booking's mail delivered", async () => {
    const actionId = serverActionId("app/(famille)/espace/reservations/actions.ts", "confirmBookingAction");
    // The session cookies are the same on both instances (one database, one secret, one host).
    const contexts: BrowserContext[] = [];
    for (const family of families) contexts.push(await signedInContext(browser, portal.baseUrl, family.email));

    // 50 bookings at once, one in two sent to the instance that will be killed.
    const outcomes: ("confirmed" | "refused" | "cut")[] = [];
    // Killed once it has answered 5 of its 25: the rest are in flight (some mid-transaction).
    let answeredBySecond = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      process.kill(-second.process.pid!, "SIGKILL");
    };
    const requests = families.flatMap((family, index) =>
      booking.days.slice(0, BOOKINGS_PER_PARENT).map(async (day, position) => {
        const target = (index + position) % 2 === 0 ? portal.baseUrl : second.baseUrl;
        try {
          const response = await postAction(contexts[index], actionId, `${target}/espace/reservations`, {
            json: { childId: family.childId, periodId: booking.periodId, days: [{ unitId: booking.unitId, date: day }] },
          });
          const result = actionResult(await response.text()) as { ok?: boolean } | undefined;
          outcomes.push(result?.ok ? "confirmed" : "refused");
        } catch {
          outcomes.push("cut"); // the connection died with the instance
        } finally {
          if (target === second.baseUrl && outcomes[outcomes.length - 1] !== "cut" && ++answeredBySecond === 5) kill();
        }
      }),
    );
    await Promise.all(requests);
    kill();
    if (second.process.exitCode === null && second.process.signalCode === null) {
      await new Promise((resolve) => second.process.once("exit", resolve));
    }
    console.info(
      `[instance-crash] ${outcomes.filter((outcome) => outcome === "confirmed").length} confirmées, ` +
        `${outcomes.filter((outcome) => outcome === "cut").length} coupées avec l'instance, ${outcomes.filter((outcome) => outcome === "refused").length} refusées`,
    );
    expect(outcomes.length).toBe(PARENTS * BOOKINGS_PER_PARENT);
    expect(outcomes.filter((outcome) => outcome === "refused")).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === "cut").length).toBeGreaterThan(0); // the kill did cut requests short

    // The survivor keeps serving: health, a parent's page, and one more booking.
    expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
    expect((await contexts[0].request.get("/espace")).status()).toBe(200);
    const after = await postAction(contexts[0], actionId, "/espace/reservations", {
      json: {
        childId: families[0].childId,
        periodId: booking.periodId,
        days: [{ unitId: booking.unitId, date: booking.days[BOOKINGS_PER_PARENT] }],
      },
    });
    expect(actionResult(await after.text())).toEqual({ ok: true, data: expect.objectContaining({ number: expect.any(String) }) });
    for (const context of contexts) await context.close();

    const database = portal.openDatabase();
    try {
      const prisma = database.prisma;
      // Whole reservations only: each holds its one booked day; the counters balance.
      const reservations = await prisma.reservation.findMany({
        where: { familyId: { in: families.map((family) => family.familyId) } },
        select: { id: true, familyId: true, _count: { select: { days: true } } },
      });
      expect(reservations.filter((reservation) => reservation._count.days !== 1)).toEqual([]);
      const confirmed = outcomes.filter((outcome) => outcome === "confirmed").length;
      console.info(
        `[instance-crash] ${reservations.length - 1 - confirmed} réservation(s) enregistrée(s) dont la réponse s'est perdue avec l'instance`,
      );
      expect(reservations.length).toBeGreaterThanOrEqual(confirmed + 1);
      expect(await counterMismatches(prisma)).toEqual([]);

      // Each committed booking committed its confirmation: one outbox row per reservation, all delivered.
      const emails = new Map(families.map((family) => [family.familyId, family.email]));
      const wanted = reservations.map((reservation) => emails.get(reservation.familyId)!).sort();
      const rows = await prisma.outboxMail.findMany({ where: { to: { in: [...emails.values()] } }, select: { to: true } });
      expect(rows.map((row) => row.to).sort()).toEqual(wanted);
      const deadline = Date.now() + DELIVERY_DEADLINE_MS;
      let pending = await prisma.outboxMail.count({ where: { to: { in: [...emails.values()] }, status: { not: "SENT" } } });
      while (pending > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        pending = await prisma.outboxMail.count({ where: { to: { in: [...emails.values()] }, status: { not: "SENT" } } });
      }
      expect({ notSent: pending }).toEqual({ notSent: 0 });
      const mails = await portal.smtp.settle();
      const received = new Map<string, number>();
      for (const mail of mails) received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
      // Every row reached the SMTP server; a row the dead instance was sending may arrive a second
      // time (same Message-ID) — never more (the outbox's bound).
      expect(received.size).toBe(rows.length);
      expect([...received.values()].filter((count) => count > 2)).toEqual([]);
      // The dead instance's SMTP connections were reset mid-message at most: nothing else broke.
      const broken = portal.smtp.connectionErrors.map((error) => (error as NodeJS.ErrnoException).code);
      console.info(`[instance-crash] ${broken.length} connexion(s) SMTP coupée(s) avec l'instance`);
      expect(broken.filter((code) => code !== "ECONNRESET" && code !== "EPIPE")).toEqual([]);
    } finally {
      await database.close();
    }
  }, 360_000);
});

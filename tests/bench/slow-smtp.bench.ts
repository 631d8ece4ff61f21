// A slow SMTP server does not slow bookings down (issue #13): the booking server action over
// HTTP, on the production build (`next start`, PostgreSQL), with a fast SMTP server and then
// with one that takes 2 s per message — p50/p95 of what the parent waits for, and the ratio
// slow / fast. Bookings only write their confirmation in the outbox; the job delivers it beside.
// Needs a production build (`npm run build`) and Debian's Chromium (to sign the parents in).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

import type { BrowserContext } from "playwright-core";

import type { BenchContext, Benchmark } from "../../scripts/bench";
import { latencySummary } from "./bench-stats";

// The lib modules are "server-only"; this process is a server too. The e2e helpers declare
// Jest suites at load time: give them a describe/it that do nothing here.
const localRequire = createRequire(__filename);
localRequire.cache[localRequire.resolve("server-only")] = { exports: {} } as NodeJS.Module;
Object.assign(globalThis, { describe: () => undefined, it: () => undefined });

const PARENTS = 10;
const DAYS = 16;
const SLOW_SMTP_MS = 2000;

type Side = { key: string; name: string; delayMs: number };

async function measureSide(side: Side, log: (line: string) => void) {
  const { startPortal } = await import("../e2e/portal");
  const { serverActionId } = await import("../e2e/build-manifest");
  const { postAction, actionResult } = await import("../e2e/server-action-http");
  const { launchChromium } = await import("../helpers/chromium");
  const { createCompleteFamilies } = await import("../helpers/families");
  const { nextBookableCantineWeek } = await import("../helpers/bookable-week");
  const { DEMO_PASSWORD } = await import("../../prisma/seed");

  let families: { familyId: string; childId: string; email: string }[] = [];
  let booking = { periodId: "", unitId: "", days: [] as string[] };
  const portal = await startPortal({
    smtpDelayMs: side.delayMs,
    async prepare(database, clock) {
      families = await createCompleteFamilies(database.prisma, PARENTS, { prefix: `bench-${side.key}`, password: DEMO_PASSWORD });
      const week = await nextBookableCantineWeek(database.prisma, "CAMBON", clock.now(), 30 * 60_000);
      booking = {
        periodId: week.periodId,
        unitId: week.unitId,
        days: week.openDays.filter((day) => day >= week.week[0]).slice(0, DAYS),
      };
    },
  });
  const browser = await launchChromium();
  try {
    const actionId = serverActionId("app/(famille)/espace/reservations/actions.ts", "confirmBookingAction");
    const contexts: BrowserContext[] = [];
    for (const family of families) {
      const context = await browser.newContext({ baseURL: portal.baseUrl, locale: "fr-FR" });
      const page = await context.newPage();
      await page.goto("/");
      await page.getByLabel("Identifiant").fill(family.email);
      await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: /Connexion/ }).click();
      await page.waitForURL("**/espace");
      await page.close();
      contexts.push(context);
    }
    const book = async (index: number, day: string) => {
      const started = performance.now();
      const response = await postAction(contexts[index], actionId, "/espace/reservations", {
        json: { childId: families[index].childId, periodId: booking.periodId, days: [{ unitId: booking.unitId, date: day }] },
      });
      const result = actionResult(await response.text()) as { ok?: boolean; error?: string } | undefined;
      if (!result?.ok) throw new Error(`booking refused: ${JSON.stringify(result)}`);
      return performance.now() - started;
    };
    // Warm-up: the first day for every parent (compiles, fills caches), not measured.
    await Promise.all(families.map((_, index) => book(index, booking.days[0])));
    const latencies: number[] = [];
    const started = performance.now();
    // PARENTS parents at once, each booking the next days one after another.
    await Promise.all(
      families.map(async (_, index) => {
        for (const day of booking.days.slice(1)) latencies.push(await book(index, day));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const summary = latencySummary(latencies);
    log(
      `  ${side.name.padEnd(22)} ${latencies.length} réservations en ${seconds.toFixed(1)} s — p50 ${summary.p50.toFixed(0)} ms, ` +
        `p95 ${summary.p95.toFixed(0)} ms ; e-mails déjà reçus par le serveur SMTP : ${portal.smtp.mails.length}`,
    );
    for (const context of contexts) await context.close();
    return summary;
  } finally {
    await browser.close();
    await portal.stop();
  }
}

const benchmark: Benchmark = {
  name: "Réservations et serveur SMTP lent (HTTP, build de production)",
  async run(context: BenchContext) {
    if (process.env.PORTAIL_TEST_PG === undefined) process.env.PORTAIL_TEST_PG = "1";
    context.log(
      `${PARENTS} parents réservent chacun ${DAYS - 1} jours, en même temps ; serveur SMTP rapide, puis lent (${SLOW_SMTP_MS} ms par message), puis rapide de nouveau`,
    );
    const fast1 = await measureSide({ key: "rapide1", name: "SMTP rapide", delayMs: 0 }, context.log);
    const slow = await measureSide(
      { key: "lent", name: `SMTP lent (${SLOW_SMTP_MS / 1000} s/message)`, delayMs: SLOW_SMTP_MS },
      context.log,
    );
    const fast2 = await measureSide({ key: "rapide2", name: "SMTP rapide (encore)", delayMs: 0 }, context.log);
    const fastP95 = (fast1.p95 + fast2.p95) / 2;
    const fastP50 = (fast1.p50 + fast2.p50) / 2;
    context.log(
      `  ratio lent / rapide : p50 ${(slow.p50 / fastP50).toFixed(2)}, p95 ${(slow.p95 / fastP95).toFixed(2)} ` +
        `(1,00 = la réservation n'attend pas le serveur SMTP ; avant l'outbox, chaque confirmation attendait l'envoi : + ${SLOW_SMTP_MS} ms)`,
    );
  },
};

export default benchmark;

// Booking confirmations per second and p50/p95 latency at 1, 10 and 50 concurrent clients,
// through lib/reservations/book-days.ts#confirmBooking (the function the server action calls),
// side by side with a baseline sending the same SQL directly with `pg`, on a fresh PostgreSQL
// database created and dropped here.
//
// Fair by construction: the baseline takes the same locks and reads the same rows as the
// product, statement for statement (the SQL Prisma sends for confirmBooking, captured from its
// query log, as plain SQL); both pools have the same size, within what the server accepts; a
// warm-up runs first; each level runs product and baseline in A B B A order (the tables grow as
// bookings accumulate); rates and latencies count successes only; an expected refusal (the day
// is full) is counted apart, and any other error stops the benchmark.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import pg from "pg";

import type { PrismaClient as PrismaClientType } from "@/lib/db/generated/client";

import type { BenchContext, Benchmark } from "../../scripts/bench";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { abbaOrder, latencySummary } from "./bench-stats";

// The lib modules are marked "server-only" (they throw outside React server bundles); this
// process is a server too, so the marker is satisfied by hand before they are loaded.
const localRequire = createRequire(__filename);
localRequire.cache[localRequire.resolve("server-only")] = { exports: {} } as NodeJS.Module;

const NOW = new Date("2026-11-26T10:00:00Z");
const LEVELS = [
  { clients: 1, operations: 150 },
  { clients: 10, operations: 600 },
  { clients: 50, operations: 1200 },
];
/**
 * Each side's operations of a level are split over this many runs, in A B B A A B B A order:
 * short alternating runs share out the load of a busy machine between the two sides.
 */
const RUNS_PER_SIDE = 4;
const WARM_UP = { clients: 10, operations: 100 };
const FAMILIES = 200;

type Job = { familyId: string; userId: string; email: string; childId: string; day: string };
type Side = "ours" | "pg";
type Run = { confirmed: number; refused: number; errors: unknown[]; latencies: number[]; seconds: number };

/** The expected refusal of a booking rush: no place left that day. Anything else is an error. */
class DayFull extends Error {}

/**
 * Runs the jobs with `clients` concurrent callers. Only successes are timed and rated; a
 * refusal because the day is full is counted apart; any other error stops the callers (the
 * run is then reported and the benchmark fails).
 */
async function measure(
  clients: number,
  jobs: Job[],
  book: (job: Job) => Promise<void>,
  isFull: (error: unknown) => boolean,
): Promise<Run> {
  const run: Run = { confirmed: 0, refused: 0, errors: [], latencies: [], seconds: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < jobs.length && run.errors.length === 0) {
        const job = jobs[next++];
        const begin = performance.now();
        try {
          await book(job);
          run.latencies.push(performance.now() - begin);
          run.confirmed += 1;
        } catch (error) {
          if (isFull(error)) run.refused += 1;
          else run.errors.push(error);
        }
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

function combine(runs: Run[]) {
  const confirmed = runs.reduce((sum, run) => sum + run.confirmed, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    perSecond: confirmed / seconds,
    ...latencySummary(runs.flatMap((run) => run.latencies)),
    confirmed,
    refused: runs.reduce((sum, run) => sum + run.refused, 0),
    errors: runs.flatMap((run) => run.errors),
  };
}

/** A statement of confirmBooking's transaction as Prisma sent it (its query log). */
type Statement = { query: string; params: unknown[] };
/** The captured transaction: its statements, and the ids the product generated in it (new rows). */
type Capture = { statements: Statement[]; generated: string[]; job: Job };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The baseline: confirmBooking's transaction for a new one-day booking, as plain SQL through
 * `pg` — the statements Prisma sent for one product booking, captured from its query log when
 * the benchmark starts (so they follow the product whatever it becomes), sent verbatim in the
 * same order with this job's values: its family, child, user, e-mail and day, and fresh ids
 * where the product generated some. Same locks (the period and the unit FOR KEY SHARE, the
 * counter's row), same rows read and written, the same mail payload. What it leaves out is the
 * product's JavaScript around the SQL (rules, completeness computation, mail rendering, Prisma).
 */
async function baselineBooking(pool: pg.Pool, capture: Capture, job: Job): Promise<void> {
  const { statements, job: captured } = capture;
  const fresh = new Map(capture.generated.map((id) => [id, crypto.randomUUID()]));
  const known = new Map<string, string>([
    [captured.familyId, job.familyId],
    [captured.childId, job.childId],
    [captured.userId, job.userId],
    [captured.email, job.email],
    [captured.day, job.day],
    [`${captured.day}T00:00:00.000Z`, `${job.day}T00:00:00.000Z`],
  ]);
  const substitute = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(substitute);
    if (typeof value !== "string") return value;
    const mapped = known.get(value);
    if (mapped !== undefined) return mapped;
    return fresh.get(value) ?? value;
  };
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const [index, statement] of statements.entries()) {
      const result = await client.query(statement.query, statement.params.map(substitute));
      if (index === 0 && result.rowCount !== 1) throw new Error("Enfant introuvable.");
      // The last statement takes the place (INSERT … ON CONFLICT … RETURNING): no row, the day is full.
      if (index === statements.length - 1 && result.rowCount !== 1) throw new DayFull();
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * One product booking of `job` with Prisma's query events on: the statements of its transaction
 * (BEGIN and COMMIT left to the baseline), and the UUIDs that first appear in an INSERT — the rows
 * it created, whose ids the baseline draws afresh for each job.
 */
async function captureBooking(url: string, job: Job, book: (prisma: PrismaClientType) => Promise<void>): Promise<Capture> {
  const { PrismaClient } = await import("@/lib/db/generated/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const statements: Statement[] = [];
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  logging.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    await book(logging);
  } finally {
    await logging.$disconnect();
  }
  const transaction = statements.filter((statement) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(statement.query));
  const seen = new Set<string>([job.familyId, job.childId, job.userId]);
  const generated: string[] = [];
  const walk = (value: unknown, inInsert: boolean) => {
    if (Array.isArray(value)) return value.forEach((entry) => walk(entry, inInsert));
    if (typeof value !== "string" || !UUID.test(value) || seen.has(value)) return;
    seen.add(value);
    if (inInsert) generated.push(value);
  };
  for (const statement of transaction) statement.params.forEach((param) => walk(param, /^\s*INSERT\b/i.test(statement.query)));
  if (!/INSERT INTO "UnitDay"/.test(transaction.at(-1)?.query ?? ""))
    throw new Error('la transaction capturée ne finit pas par la prise de place (INSERT INTO "UnitDay")');
  return { statements: transaction, generated, job };
}

const fmt = (value: number, digits = 1) => value.toFixed(digits).padStart(8);

const benchmark: Benchmark = {
  name: "Confirmations de réservation (confirmBooking contre le même SQL envoyé directement avec pg)",
  async run({ pgAdminUrl, connectionBudget, log }: BenchContext) {
    const { openDatabase } = await import("@/lib/db/connect");
    const { migratePostgres } = await import("@/lib/db/migrate");
    const { confirmBooking } = await import("@/lib/reservations/book-days");
    const { openDays, REASONS } = await import("@/lib/reservations/booking-rules");
    const { periodRulesOf, PERIOD_SELECT } = await import("@/lib/reservations/period-rules");
    const { AppError } = await import("@/lib/errors");
    const { seedDemo } = await import("@/prisma/seed");
    const { cantinePeriod, createCompleteFamilies } = await import("../helpers/families");
    const { counterMismatches } = await import("../helpers/counters");
    const { dateToDay } = await import("@/lib/dates/calendar-day");

    // Both sides get the same pool, the two together within the server's free connections.
    const poolSize = Math.min(Math.max(...LEVELS.map((level) => level.clients)), Math.floor(connectionBudget / 2));
    const created = await createPostgresDatabase({ prefix: "portail_bench", adminUrl: pgAdminUrl });
    const url = new URL(created.url);
    const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-bench-"));
    const database = openDatabase({ kind: "postgres", url: url.toString(), poolSize });
    const pool = new pg.Pool({ connectionString: url.toString(), max: poolSize });
    const productFull = (error: unknown) => error instanceof AppError && error.message.includes(REASONS.full.toLowerCase());
    try {
      await migratePostgres(url.toString());
      await seedDemo(database.prisma, { storageRoot });
      const families = await createCompleteFamilies(database.prisma, FAMILIES);
      const cantine = await cantinePeriod(database.prisma, "CAMBON");
      const period = await database.prisma.period.findUniqueOrThrow({ where: { id: cantine.periodId }, select: PERIOD_SELECT });
      const closures = new Map(
        (
          await database.prisma.closure.findMany({ where: { periodId: cantine.periodId }, select: { date: true, reason: true } })
        ).map((row) => [dateToDay(row.date), row.reason]),
      );
      // Bookable days (deadline not passed at NOW), each booked by at most FAMILIES children: the
      // unit's capacity is raised to FAMILIES, so that a refusal is not expected (it is still
      // counted apart if it happens).
      await database.prisma.unit.update({ where: { id: cantine.unitId }, data: { capacity: FAMILIES } });
      const days = openDays(periodRulesOf(period), closures)
        .filter((entry) => !entry.closure && entry.day >= "2026-12-07")
        .map((entry) => entry.day);
      let dayCursor = 0;
      const jobsFor = (count: number): Job[] => {
        if (dayCursor + Math.ceil(count / FAMILIES) > days.length)
          throw new Error("plus assez de journées réservables pour le benchmark");
        const jobs = Array.from({ length: count }, (_, index) => ({
          ...families[index % FAMILIES],
          day: days[dayCursor + Math.floor(index / FAMILIES)],
        }));
        dayCursor += Math.ceil(count / FAMILIES);
        return jobs;
      };
      const bookWith = async (prisma: PrismaClientType, job: Job) => {
        await confirmBooking(
          prisma,
          { familyId: job.familyId, userId: job.userId, email: job.email },
          { childId: job.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: job.day }] },
          NOW,
        );
      };
      // The baseline's statements: one booking of the product on the last bookable day (the levels never reach it).
      const captureJob = { ...families[0], day: days[days.length - 1] };
      const capture = await captureBooking(url.toString(), captureJob, (prisma) => bookWith(prisma, captureJob));
      const sides: Record<Side, { book: (job: Job) => Promise<void>; isFull: (error: unknown) => boolean }> = {
        ours: { book: (job) => bookWith(database.prisma, job), isFull: productFull },
        pg: { book: (job) => baselineBooking(pool, capture, job), isFull: (error) => error instanceof DayFull },
      };
      const stopOnErrors = (side: Side, clients: number, errors: unknown[]) => {
        if (errors.length === 0) return;
        const first = errors[0] as Error;
        throw new Error(
          `${errors.length} erreur(s) inattendue(s) (${side === "ours" ? "notre fonction" : "SQL direct"}, ${clients} client(s)) : ${first?.stack ?? String(first)}`,
        );
      };

      log(
        `Base : ${url.pathname.slice(1)} (PostgreSQL), ${FAMILIES} familles, une journée REPAS ENFANT par confirmation ; deux pools de ${poolSize} connexions (un par côté).`,
      );
      log(
        `SQL direct : les ${capture.statements.length} requêtes de la transaction de confirmBooking capturées dans le journal de Prisma (+ BEGIN et COMMIT), ${capture.generated.length} identifiant(s) tiré(s) à neuf par confirmation.`,
      );
      for (const side of ["ours", "pg"] as const) {
        const warm = await measure(WARM_UP.clients, jobsFor(WARM_UP.operations), sides[side].book, sides[side].isFull);
        stopOnErrors(side, WARM_UP.clients, warm.errors);
      }
      log(
        `Échauffement : ${WARM_UP.operations} confirmations par côté à ${WARM_UP.clients} clients (non mesurées). Puis, par niveau, ${RUNS_PER_SIDE} passes par côté, dans l'ordre ${abbaOrder(["nous", "pg"], RUNS_PER_SIDE).join(" ")}.`,
      );
      log(
        "clients |   notre fonction : conf/s  p50 ms  p95 ms |   SQL direct pg : conf/s  p50 ms  p95 ms | débit (nous/pg)  p95 (nous/pg) | refus (jour complet)  erreurs",
      );
      for (const level of LEVELS) {
        const runs: Record<Side, Run[]> = { ours: [], pg: [] };
        for (const side of abbaOrder<Side>(["ours", "pg"], RUNS_PER_SIDE)) {
          const run = await measure(
            level.clients,
            jobsFor(Math.round(level.operations / RUNS_PER_SIDE)),
            sides[side].book,
            sides[side].isFull,
          );
          runs[side].push(run);
          stopOnErrors(side, level.clients, run.errors);
        }
        const [ours, baseline] = [combine(runs.ours), combine(runs.pg)];
        log(
          `${String(level.clients).padStart(7)} | ${fmt(ours.perSecond)} ${fmt(ours.p50)} ${fmt(ours.p95)}                  | ${fmt(baseline.perSecond)} ${fmt(baseline.p50)} ${fmt(baseline.p95)}                 | ` +
            `${fmt(ours.perSecond / baseline.perSecond, 2)}        ${fmt(ours.p95 / baseline.p95, 2)}      | ${String(ours.refused).padStart(6)} / ${String(baseline.refused).padEnd(6)}         ${ours.errors.length} / ${baseline.errors.length}`,
        );
      }
      const mismatches = await counterMismatches(database.prisma);
      log(
        `Compteurs UnitDay égaux au nombre de journées réservées : ${mismatches.length === 0 ? "oui" : `NON (${mismatches.length} écarts)`}`,
      );
    } finally {
      // DROP … WITH (FORCE) below may reach a connection still closing: not an error of the run.
      pool.on("error", () => {});
      await pool.end();
      await database.close();
      await created.drop();
      fs.rmSync(storageRoot, { recursive: true, force: true });
    }
  },
};

export default benchmark;

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

/**
 * confirmBooking's transaction for a new one-day booking, as plain SQL through `pg`: the same
 * statements in the same order, taking the same locks (the period and the unit FOR KEY SHARE,
 * the counter's row) and reading the same rows (child, period and its relations, the family's
 * completeness, closures, existing lines, counter), writing the same rows. What it leaves out
 * is the product's JavaScript around the SQL (rules, completeness computation, Prisma).
 */
async function baselineBooking(pool: pg.Pool, job: Job, periodId: string, unitId: string): Promise<void> {
  const client = await pool.connect();
  const day = job.day; // sent as text: PostgreSQL reads it as the column's date
  try {
    await client.query("BEGIN");
    const child = await client.query(
      `SELECT "id", "firstName", "lastName", "birthDate", "schoolId", "schoolLevel"::text FROM "Child" WHERE "id" = $1 AND "familyId" = $2 LIMIT $3 OFFSET $4`,
      [job.childId, job.familyId, 1, 0],
    );
    if (child.rowCount !== 1) throw new Error("Enfant introuvable.");

    // loadPeriod: the period's key share lock, then the period and its relations.
    await client.query(`SELECT id FROM "Period" WHERE id = $1 FOR KEY SHARE`, [periodId]);
    const period = await client.query(
      `SELECT p."id", p."name", p."startDate", p."endDate", p."openWeekdays", p."lastBookingDate", p."validationMode"::text, p."minAgeYears", p."maxAgeYears",
              p."schoolLevels"::text[], p."bookingRuleId", p."changeRuleId", p."establishmentId", p."activityId"
         FROM "Period" p LEFT JOIN "Establishment" e ON e."id" = p."establishmentId"
        WHERE p."id" = $1 AND p."active" = $2 AND e."active" = $3 AND e."id" IS NOT NULL LIMIT $4 OFFSET $5`,
      [periodId, true, true, 1, 0],
    );
    if (period.rowCount !== 1) throw new Error("Période introuvable.");
    const row = period.rows[0];
    const rule = `SELECT "id", "kind"::text, "weekday", "daysBefore", "timeOfDay" FROM "DeadlineRule" WHERE "id" IN ($1) OFFSET $2`;
    await client.query(rule, [row.bookingRuleId, 0]);
    await client.query(rule, [row.changeRuleId, 0]);
    await client.query(`SELECT "id", "name" FROM "Establishment" WHERE "id" IN ($1) OFFSET $2`, [row.establishmentId, 0]);
    await client.query(`SELECT "id", "name" FROM "Activity" WHERE "id" IN ($1) OFFSET $2`, [row.activityId, 0]);
    await client.query(
      `SELECT "id", "label", "startTime", "endTime", "capacity", "periodId" FROM "Unit" WHERE "periodId" IN ($1) ORDER BY "sortOrder" ASC, "label" ASC OFFSET $2`,
      [periodId, 0],
    );
    await client.query(`SELECT "periodId", "schoolId" FROM "PeriodEligibleSchool" WHERE "periodId" IN ($1) OFFSET $2`, [
      periodId,
      0,
    ]);

    // loadCompleteness (lib/families/load-completeness.ts): the family, its guardians,
    // consents and documents, its children with their emergency contacts counted, the consent
    // texts accepted, health and documents of the children, the current texts, the mandatory types.
    await client.query(
      `SELECT "id", "civility"::text, "name", "street", "postalCode", "city", "homePhone", "situation"::text, "benefitScheme"::text FROM "Family" WHERE "id" = $1 LIMIT $2 OFFSET $3`,
      [job.familyId, 1, 0],
    );
    await client.query(
      `SELECT "id", "position", "lastName", "firstName", "homePhone", "mobilePhone", "workPhone", "familyId" FROM "Guardian" WHERE "familyId" = $1 OFFSET $2`,
      [job.familyId, 0],
    );
    const consents = await client.query<{ textId: string }>(
      `SELECT "id", "childId", "textId", "familyId" FROM "Consent" WHERE "familyId" = $1 OFFSET $2`,
      [job.familyId, 0],
    );
    await client.query(
      `SELECT "id", "typeId", "status"::text, "refusalReason", "uploadedAt", "familyId" FROM "Document" WHERE "childId" IS NULL AND "familyId" = $1 OFFSET $2`,
      [job.familyId, 0],
    );
    const children = await client.query<{ id: string }>(
      `SELECT c."id", c."firstName", c."lastName", c."sex"::text, c."schoolId", c."schoolLevel"::text, c."authEmergencyCare", c."authPhotos", c."authLeaveAlone",
              c."authTransport", c."familyId", COALESCE(e."count", 0) AS "emergencyContacts"
         FROM "Child" c LEFT JOIN (SELECT "childId", COUNT(*) AS "count" FROM "EmergencyContact" GROUP BY "childId") e ON e."childId" = c."id"
        WHERE c."familyId" = $1 ORDER BY c."birthDate" DESC, c."firstName" ASC OFFSET $2`,
      [job.familyId, 0],
    );
    const textIds = [...new Set(consents.rows.map((consent) => consent.textId))];
    if (textIds.length)
      await client.query(`SELECT "id", "kind"::text, "version" FROM "ConsentText" WHERE "id" = ANY($1::text[]) OFFSET $2`, [
        textIds,
        0,
      ]);
    const childIds = children.rows.map((entry) => entry.id);
    if (childIds.length) {
      await client.query(
        `SELECT "childId", "doctorName", "doctorPhone", "hasPai", "vaccinationsUpToDate", "dietKind"::text, "dietDetails" FROM "ChildHealth" WHERE "childId" = ANY($1::text[]) OFFSET $2`,
        [childIds, 0],
      );
      await client.query(
        `SELECT "id", "typeId", "status"::text, "refusalReason", "uploadedAt", "childId" FROM "Document" WHERE "childId" = ANY($1::text[]) OFFSET $2`,
        [childIds, 0],
      );
    }
    await client.query(`SELECT MAX("version") AS "max", "kind"::text FROM "ConsentText" GROUP BY "kind" OFFSET $1`, [0]);
    await client.query(
      `SELECT "id", "code", "label", "scope"::text FROM "DocumentType" WHERE "mandatory" = $1 AND "active" = $2 OFFSET $3`,
      [true, true, 0],
    );

    // Closures, the child's lines already there (and their reservations' numbers), the counter.
    await client.query(`SELECT "id", "date", "reason" FROM "Closure" WHERE "periodId" = $1 AND "date" IN ($2) OFFSET $3`, [
      periodId,
      day,
      0,
    ]);
    const already = await client.query<{ reservationId: string }>(
      `SELECT "id", "unitId", "date", "reservationId" FROM "ReservationDay"
        WHERE "childId" = $1 AND "status" IN ($2::"ReservationDayStatus", $3::"ReservationDayStatus") AND "unitId" IN ($4) AND "date" IN ($5) OFFSET $6`,
      [job.childId, "PENDING", "ACCEPTED", unitId, day, 0],
    );
    await client.query(`SELECT "id", "number" FROM "Reservation" WHERE "id" = ANY($1::text[]) OFFSET $2`, [
      already.rows.map((line) => line.reservationId),
      0,
    ]);
    if (already.rowCount) throw new Error("Déjà inscrit.");
    const counter = await client.query(
      `SELECT "unitId", "date", "capacity", "booked" FROM "UnitDay" WHERE "unitId" = $1 AND "date" = $2 OFFSET $3`,
      [unitId, day, 0],
    );
    if (counter.rowCount === 1 && counter.rows[0].booked >= counter.rows[0].capacity) throw new DayFull();

    const reservationId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "Reservation" ("id", "familyId", "childId", "periodId", "status", "firstDate", "lastDate", "replacesId", "createdAt", "createdByUserId")
       VALUES ($1, $2, $3, $4, $5::"ReservationStatus", $6, $7, $8, $9, $10) RETURNING "id"`,
      [reservationId, job.familyId, job.childId, periodId, "ACCEPTED", day, day, null, new Date(), job.userId],
    );
    await client.query(
      `INSERT INTO "ReservationDay" ("id", "reservationId", "childId", "unitId", "date", "status", "decidedAt", "decidedByUserId", "staffMessage")
       VALUES ($1, $2, $3, $4, $5, $6::"ReservationDayStatus", $7, $8, $9) RETURNING "id"`,
      [crypto.randomUUID(), reservationId, job.childId, unitId, day, "ACCEPTED", NOW, null, null],
    );
    await client.query(`SELECT "id", "number" FROM "Reservation" WHERE "id" = $1 LIMIT $2 OFFSET $3`, [reservationId, 1, 0]);

    // The confirmation mail, rendered and written to the outbox in the booking's transaction
    // (queueReservationConfirmation): the reservation as the mail shows it, the town, the row.
    await client.query(
      `SELECT "id", "number", "status"::text, "familyId", "childId", "periodId" FROM "Reservation" WHERE "id" = $1 LIMIT $2 OFFSET $3`,
      [reservationId, 1, 0],
    );
    await client.query(`SELECT "id", "firstName", "lastName" FROM "Child" WHERE "id" = $1 OFFSET $2`, [job.childId, 0]);
    await client.query(
      `SELECT p."id", p."name", e."name" AS "establishment", a."name" AS "activity" FROM "Period" p
        JOIN "Establishment" e ON e."id" = p."establishmentId" JOIN "Activity" a ON a."id" = p."activityId" WHERE p."id" = $1 OFFSET $2`,
      [periodId, 0],
    );
    await client.query(
      `SELECT d."date", d."status"::text, d."staffMessage", u."label" FROM "ReservationDay" d JOIN "Unit" u ON u."id" = d."unitId"
        WHERE d."reservationId" = $1 AND d."status" <> $2::"ReservationDayStatus" ORDER BY d."date", u."sortOrder" OFFSET $3`,
      [reservationId, "CANCELLED", 0],
    );
    await client.query(
      `SELECT "townName", "portalName", "guichetName", "guichetPhone", "guichetEmail" FROM "TownSettings" WHERE "id" = $1 LIMIT $2 OFFSET $3`,
      [1, 1, 0],
    );
    await client.query(
      `INSERT INTO "OutboxMail" ("id", "to", "subject", "text", "html", "kind", "nextAttemptAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING "id"`,
      [
        crypto.randomUUID(),
        job.email,
        "Demande de réservation enregistrée",
        "texte",
        "<p>html</p>",
        "reservation-confirmation",
        NOW,
      ],
    );

    // takePlace: the counter created with the unit's capacity (the unit FOR KEY SHARE), then taken.
    await client.query(
      `INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked") SELECT "id", $1::date, "capacity", 0 FROM "Unit" WHERE "id" = $2 FOR KEY SHARE ON CONFLICT DO NOTHING`,
      [job.day, unitId],
    );
    const taken = await client.query(
      `UPDATE "UnitDay" SET "booked" = "booked" + 1 WHERE "unitId" = $1 AND "date" = $2::date AND "booked" + 1 <= "capacity"`,
      [unitId, job.day],
    );
    if (taken.rowCount !== 1) throw new DayFull();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
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
      const sides: Record<Side, { book: (job: Job) => Promise<void>; isFull: (error: unknown) => boolean }> = {
        ours: {
          book: async (job) => {
            await confirmBooking(
              database.prisma,
              { familyId: job.familyId, userId: job.userId, email: job.email },
              { childId: job.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: job.day }] },
              NOW,
            );
          },
          isFull: productFull,
        },
        pg: {
          book: (job) => baselineBooking(pool, job, cantine.periodId, cantine.unitId),
          isFull: (error) => error instanceof DayFull,
        },
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

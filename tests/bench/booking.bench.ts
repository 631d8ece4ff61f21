// Booking confirmations per second and p50/p95 latency at 1, 10 and 50 concurrent clients,
// through lib/reservations/book-days.ts#confirmBooking (the function the server action calls),
// side by side with a baseline running the same SQL transaction directly with `pg`, on a fresh
// PostgreSQL database created and dropped here.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Benchmark, BenchContext } from "../../scripts/bench";

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
const FAMILIES = 200;

type Job = { familyId: string; userId: string; childId: string; day: string };
type Result = { perSecond: number; p50: number; p95: number; refused: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(clients: number, jobs: Job[], book: (job: Job) => Promise<void>): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const begin = performance.now();
        try {
          await book(job);
        } catch {
          refused += 1;
        }
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: jobs.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), refused };
}

/** The booking transaction of confirmBooking, statement for statement, written for `pg`. */
async function baselineBooking(pool: pg.Pool, job: Job, periodId: string, unitId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const child = await client.query(`SELECT "id", "birthDate", "schoolId", "schoolLevel" FROM "Child" WHERE "id" = $1 AND "familyId" = $2`, [job.childId, job.familyId]);
    if (child.rowCount !== 1) throw new Error("Enfant introuvable.");
    await client.query(
      `SELECT p.*, b."kind", b."weekday", b."daysBefore", b."timeOfDay" FROM "Period" p JOIN "DeadlineRule" b ON b."id" = p."bookingRuleId"
       WHERE p."id" = $1 AND p."active"`,
      [periodId],
    );
    await client.query(`SELECT "id", "label", "capacity" FROM "Unit" WHERE "periodId" = $1`, [periodId]);
    await client.query(`SELECT "schoolId" FROM "PeriodEligibleSchool" WHERE "periodId" = $1`, [periodId]);
    // The completeness gate's reads.
    await client.query(`SELECT * FROM "Family" WHERE "id" = $1`, [job.familyId]);
    await client.query(`SELECT * FROM "Guardian" WHERE "familyId" = $1`, [job.familyId]);
    await client.query(`SELECT c."childId", t."kind", t."version" FROM "Consent" c JOIN "ConsentText" t ON t."id" = c."textId" WHERE c."familyId" = $1`, [job.familyId]);
    await client.query(
      `SELECT c.*, h.*, (SELECT COUNT(*) FROM "EmergencyContact" e WHERE e."childId" = c."id") AS contacts
       FROM "Child" c LEFT JOIN "ChildHealth" h ON h."childId" = c."id" WHERE c."familyId" = $1`,
      [job.familyId],
    );
    await client.query(`SELECT "childId", "typeId", "status", "uploadedAt" FROM "Document" WHERE "familyId" = $1`, [job.familyId]);
    await client.query(`SELECT "kind", MAX("version") FROM "ConsentText" GROUP BY "kind"`);
    await client.query(`SELECT "id", "code", "scope" FROM "DocumentType" WHERE "mandatory" AND "active"`);
    await client.query(`SELECT "date", "reason" FROM "Closure" WHERE "periodId" = $1 AND "date" = ANY($2::date[])`, [periodId, [job.day]]);
    await client.query(
      `SELECT "id" FROM "ReservationDay" WHERE "childId" = $1 AND "status" IN ('PENDING', 'ACCEPTED') AND "unitId" = $2 AND "date" = $3::date`,
      [job.childId, unitId, job.day],
    );
    const counter = await client.query(`SELECT "capacity", "booked" FROM "UnitDay" WHERE "unitId" = $1 AND "date" = $2::date`, [unitId, job.day]);
    if (counter.rowCount === 1 && counter.rows[0].booked >= counter.rows[0].capacity) throw new Error("Plus de place disponible");
    const reservationId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "Reservation" ("id", "familyId", "childId", "periodId", "status", "firstDate", "lastDate", "createdByUserId")
       VALUES ($1, $2, $3, $4, 'ACCEPTED', $5::date, $5::date, $6) RETURNING "number"`,
      [reservationId, job.familyId, job.childId, periodId, job.day, job.userId],
    );
    await client.query(
      `INSERT INTO "ReservationDay" ("id", "reservationId", "childId", "unitId", "date", "status", "decidedAt") VALUES ($1, $2, $3, $4, $5::date, 'ACCEPTED', $6)`,
      [crypto.randomUUID(), reservationId, job.childId, unitId, job.day, NOW],
    );
    await client.query(
      `INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked") SELECT "id", $2::date, "capacity", 0 FROM "Unit" WHERE "id" = $1 ON CONFLICT DO NOTHING`,
      [unitId, job.day],
    );
    const taken = await client.query(
      `UPDATE "UnitDay" SET "booked" = "booked" + 1 WHERE "unitId" = $1 AND "date" = $2::date AND "booked" + 1 <= "capacity"`,
      [unitId, job.day],
    );
    if (taken.rowCount !== 1) throw new Error("Plus de place disponible");
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
  name: "Confirmations de réservation (confirmBooking contre SQL direct avec pg)",
  async run({ pgAdminUrl, log }: BenchContext) {
    const { openDatabase } = await import("@/lib/db/connect");
    const { migratePostgres } = await import("@/lib/db/migrate");
    const { confirmBooking } = await import("@/lib/reservations/book-days");
    const { openDays } = await import("@/lib/reservations/booking-rules");
    const { periodRulesOf, PERIOD_SELECT } = await import("@/lib/reservations/period-rules");
    const { seedDemo } = await import("@/prisma/seed");
    const { cantinePeriod, createCompleteFamilies } = await import("../e2e/fixtures/families");
    const { dateToDay } = await import("@/lib/dates/calendar-day");

    const name = `portail_bench_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-bench-"));
    const database = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 50 });
    const pool = new pg.Pool({ connectionString: url.toString(), max: 50 });
    try {
      await migratePostgres(url.toString());
      await seedDemo(database.prisma, { storageRoot });
      const families = await createCompleteFamilies(database.prisma, FAMILIES);
      const cantine = await cantinePeriod(database.prisma, "CAMBON");
      const period = await database.prisma.period.findUniqueOrThrow({ where: { id: cantine.periodId }, select: PERIOD_SELECT });
      const closures = new Map(
        (await database.prisma.closure.findMany({ where: { periodId: cantine.periodId }, select: { date: true, reason: true } })).map((row) => [
          dateToDay(row.date),
          row.reason,
        ]),
      );
      // Bookable days (deadline not passed at NOW), each booked by at most FAMILIES children: the
      // unit's capacity is raised to FAMILIES so that every measured confirmation succeeds.
      await database.prisma.unit.update({ where: { id: cantine.unitId }, data: { capacity: FAMILIES } });
      const days = openDays(periodRulesOf(period), closures)
        .filter((entry) => !entry.closure && entry.day >= "2026-12-07")
        .map((entry) => entry.day);
      let dayCursor = 0;
      const jobsFor = (count: number): Job[] => {
        const jobs = Array.from({ length: count }, (_, index) => ({ ...families[index % FAMILIES], day: days[dayCursor + Math.floor(index / FAMILIES)] }));
        dayCursor += Math.ceil(count / FAMILIES);
        return jobs;
      };

      log(`Base : ${name} (PostgreSQL), ${FAMILIES} familles, une journée REPAS ENFANT par confirmation, pool de 50 connexions.`);
      log("clients |   notre fonction : conf/s  p50 ms  p95 ms |   SQL direct pg : conf/s  p50 ms  p95 ms | débit (nous/pg)  p95 (nous/pg)");
      for (const level of LEVELS) {
        const ours = await measure(level.clients, jobsFor(level.operations), async (job) => {
          await confirmBooking(
            database.prisma,
            { familyId: job.familyId, userId: job.userId },
            { childId: job.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: job.day }] },
            NOW,
          );
        });
        const baseline = await measure(level.clients, jobsFor(level.operations), (job) => baselineBooking(pool, job, cantine.periodId, cantine.unitId));
        log(
          `${String(level.clients).padStart(7)} | ${fmt(ours.perSecond)} ${fmt(ours.p50)} ${fmt(ours.p95)}                  | ${fmt(baseline.perSecond)} ${fmt(baseline.p50)} ${fmt(baseline.p95)}                 | ${fmt(ours.perSecond / baseline.perSecond, 2)}        ${fmt(ours.p95 / baseline.p95, 2)}` +
            (ours.refused || baseline.refused ? `   (refus : ${ours.refused} / ${baseline.refused})` : ""),
        );
      }
      const [{ mismatches }] = await pool
        .query(
          `SELECT COUNT(*)::int AS mismatches FROM "UnitDay" u WHERE u."booked" <> (SELECT COUNT(*) FROM "ReservationDay" d WHERE d."unitId" = u."unitId" AND d."date" = u."date" AND d."status" IN ('PENDING', 'ACCEPTED'))`,
        )
        .then((result) => result.rows as { mismatches: number }[]);
      log(`Compteurs UnitDay égaux au nombre de journées réservées : ${mismatches === 0 ? "oui" : `NON (${mismatches} écarts)`}`);
    } finally {
      await pool.end();
      await database.close();
      const cleanup = new pg.Client({ connectionString: pgAdminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      fs.rmSync(storageRoot, { recursive: true, force: true });
    }
  },
};

export default benchmark;

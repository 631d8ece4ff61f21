// Listes du jour and kitchen counts for a day with 2 000 booked children (issue 6: < 200 ms
// server time on PostgreSQL). Generated data on a fresh database: 7 schools, 2 000 children
// each booked for lunch on every open day of four weeks (≈ 32 000 lines), 600 of them also at
// the after-school club on the measured day, plus pending and refused lines. Each figure is
// compared with a baseline measured in the same run: the daily list's SQL sent through `pg`
// directly, and a plain count of the day's lines.
import { createRequire } from "node:module";

import pg from "pg";

import type { StaffViewer } from "../../lib/auth/session";
import { openDatabase, type Database } from "../../lib/db/connect";
import { migratePostgres } from "../../lib/db/migrate";
import type { BenchContext } from "../../scripts/bench";
import { createCatalogue, createStaffViewer, createTown } from "../helpers/admin-fixtures";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { latencySummary } from "./bench-stats";

// lib/lists is "server-only" (a guard for Next's bundler); outside Next, stub it as the
// tests do (jest maps it to tests/helpers/server-only.ts).
const requireHere = createRequire(__filename);
requireHere.cache[requireHere.resolve("server-only")] = { exports: {} } as NodeJS.Module;

const DAY = "2026-12-03";
const CHILDREN = 2000;
const ITERATIONS = 40;

const WARM_UP = 5;

/**
 * Times every function ITERATIONS times, interleaved: each iteration runs them all once, the
 * order rotating from one iteration to the next, so that none always runs first (cold) or last,
 * and a drift of the machine (other test runs share it) falls on all of them alike.
 */
async function measureInterleaved<K extends string>(
  runs: Record<K, () => Promise<unknown>>,
): Promise<Record<K, { p50: number; p95: number }>> {
  const names = Object.keys(runs) as K[];
  for (let index = 0; index < WARM_UP; index += 1) for (const name of names) await runs[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let index = 0; index < ITERATIONS; index += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(index + offset) % names.length];
      const started = process.hrtime.bigint();
      await runs[name]();
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(names.map((name) => [name, latencySummary(times[name])])) as Record<K, { p50: number; p95: number }>;
}

async function generate(database: Database, url: string) {
  const prisma = database.prisma;
  await createTown(prisma);
  const schools = [];
  for (const name of ["Cambon", "Cardaillac", "Flaugergues", "Foch", "Gourgan", "Mitterrand", "Ramadier"])
    schools.push(await createCatalogue(prisma, name));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Unit" SET capacity = 400`);
    // Families and children, spread over the seven schools; a third with a diet, some with a PAI.
    await client.query(`
      INSERT INTO "Family" (id, name, "updatedAt") SELECT 'fam-' || g, 'FAMILLE' || g, now() FROM generate_series(1, ${CHILDREN}) g;
      INSERT INTO "Child" (id, "familyId", "lastName", "firstName", "birthDate", "schoolId", "schoolLevel", "schoolClass", "updatedAt")
        SELECT 'child-' || g, 'fam-' || g, 'NOM' || g, 'Prénom', DATE '2018-01-01', (ARRAY[${schools.map((s) => `'${s.school.id}'`).join(",")}])[1 + g % 7], 'CE1', 'CE1 ' || (g % 3), now()
          FROM generate_series(1, ${CHILDREN}) g;
      INSERT INTO "ChildHealth" ("childId", "dietKind", "hasPai", allergies, "updatedAt")
        SELECT 'child-' || g, (ARRAY['SANS_PORC','VEGETARIEN','ALLERGIE_PAI']::"DietKind"[])[1 + g % 3], g % 9 = 0, CASE WHEN g % 9 = 0 THEN 'Arachide' END, now()
          FROM generate_series(1, ${CHILDREN}) g WHERE g % 3 = 0;
      INSERT INTO "EmergencyContact" (id, "childId", position, name, relation, phone)
        SELECT 'ec-' || g, 'child-' || g, 1, 'Contact ' || g, 'Grand-parent', '06 00 00 00 00' FROM generate_series(1, ${CHILDREN}) g;`);
    const canteenUnits = schools.map((s) => `'${s.canteen.units[0].id}'`).join(",");
    const canteenPeriods = schools.map((s) => `'${s.canteen.id}'`).join(",");
    const clubUnits = schools.map((s) => `'${s.club.units[1].id}'`).join(",");
    const clubPeriods = schools.map((s) => `'${s.club.id}'`).join(",");
    // Lunch on every open day (Mon, Tue, Thu, Fri) of four weeks around the measured day.
    await client.query(`
      INSERT INTO "Reservation" (id, "familyId", "childId", "periodId", status, "firstDate", "lastDate")
        SELECT 'res-' || g, 'fam-' || g, 'child-' || g, (ARRAY[${canteenPeriods}])[1 + g % 7], 'ACCEPTED', DATE '2026-11-16', DATE '2026-12-11' FROM generate_series(1, ${CHILDREN}) g;
      INSERT INTO "ReservationDay" (id, "reservationId", "childId", "unitId", date, status)
        SELECT 'rd-' || g || '-' || d::date, 'res-' || g, 'child-' || g, (ARRAY[${canteenUnits}])[1 + g % 7], d::date, 'ACCEPTED'
          FROM generate_series(1, ${CHILDREN}) g, generate_series(DATE '2026-11-16', DATE '2026-12-11', interval '1 day') d
         WHERE extract(isodow FROM d) IN (1, 2, 4, 5);
      INSERT INTO "Reservation" (id, "familyId", "childId", "periodId", status, "firstDate", "lastDate")
        SELECT 'club-' || g, 'fam-' || g, 'child-' || g, (ARRAY[${clubPeriods}])[1 + g % 7], CASE WHEN g % 5 = 0 THEN 'PENDING' ELSE 'ACCEPTED' END::"ReservationStatus", DATE '${DAY}', DATE '${DAY}' FROM generate_series(1, 600) g;
      INSERT INTO "ReservationDay" (id, "reservationId", "childId", "unitId", date, status)
        SELECT 'crd-' || g, 'club-' || g, 'child-' || g, (ARRAY[${clubUnits}])[1 + g % 7], DATE '${DAY}', CASE WHEN g % 5 = 0 THEN 'PENDING' WHEN g % 11 = 0 THEN 'REFUSED' ELSE 'ACCEPTED' END::"ReservationDayStatus"
          FROM generate_series(1, 600) g;
      INSERT INTO "UnitDay" ("unitId", date, capacity, booked)
        SELECT "unitId", date, 400, count(*) FILTER (WHERE status IN ('PENDING', 'ACCEPTED')) FROM "ReservationDay" GROUP BY "unitId", date;
      ANALYZE;`);
  } finally {
    await client.end();
  }
}

const benchmark = {
  name: "Listes du jour et repas pour la cuisine, 2 000 enfants un même jour",
  async run(context: BenchContext) {
    const created = await createPostgresDatabase({ prefix: "portail_bench", adminUrl: context.pgAdminUrl });
    const url = new URL(created.url);
    // One query at a time: small pools, within the server's free connections (scripts/bench.ts).
    if (5 + 2 > context.connectionBudget) throw new Error(`${context.connectionBudget} connexions libres : il en faut 7`);
    const database = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
    const direct = new pg.Pool({ connectionString: url.toString(), max: 2 });
    try {
      await migratePostgres(url.toString());
      const started = Date.now();
      await generate(database, url.toString());
      const { dailyList, kitchenCounts } = await import("../../lib/lists/daily-list");
      const viewer: StaffViewer = await createStaffViewer(database.prisma, "AGENT", "bench@mairie.test");
      const lines = await database.prisma.reservationDay.count();
      const list = await dailyList(database.prisma, viewer, { date: DAY });
      const kitchen = await kitchenCounts(database.prisma, viewer, { date: DAY, span: "day" });
      context.log(
        `données : ${lines} lignes de réservation générées en ${((Date.now() - started) / 1000).toFixed(1)} s ; le ${DAY} : ${list.totalAccepted} enfants attendus (dont ${kitchen.total} repas), ${list.totalPending} en attente`,
      );
      if (kitchen.total !== CHILDREN) throw new Error(`expected ${CHILDREN} meals, got ${kitchen.total}`);

      // The daily list's main query, as dailyList sends it, through pg directly.
      const dailyListSql = `
        WITH lines AS (
          SELECT rd."unitId", rd."childId", rd.status FROM "ReservationDay" rd JOIN "Unit" u ON u.id = rd."unitId" JOIN "Period" p ON p.id = u."periodId"
           WHERE rd.date = $1::date AND rd.status IN ('ACCEPTED', 'PENDING')
        ), contacts AS (
          SELECT ec."childId", string_agg(ec.name || ' (' || ec.relation || ') ' || ec.phone, ' ; ' ORDER BY ec.position) AS contacts
            FROM "EmergencyContact" ec WHERE ec."childId" IN (SELECT "childId" FROM lines) GROUP BY ec."childId"
        )
        SELECT json_agg(json_build_object('unitId', l."unitId", 'status', l.status, 'childId', c.id, 'familyId', c."familyId", 'firstName', c."firstName",
               'lastName', c."lastName", 'schoolClass', c."schoolClass", 'schoolLevel', c."schoolLevel", 'school', s.name, 'dietKind', h."dietKind",
               'allergyOrPai', (COALESCE(h."hasPai", false) OR COALESCE(btrim(h.allergies), '') <> '' OR COALESCE(h."dietKind" = 'ALLERGIE_PAI', false)), 'contacts', ct.contacts)) AS rows
          FROM lines l JOIN "Child" c ON c.id = l."childId" LEFT JOIN "School" s ON s.id = c."schoolId"
          LEFT JOIN "ChildHealth" h ON h."childId" = c.id LEFT JOIN contacts ct ON ct."childId" = c.id`;
      if (process.env.BENCH_EXPLAIN) {
        const plan = await direct.query(`EXPLAIN (ANALYZE, BUFFERS) ${dailyListSql}`, [DAY]);
        context.log(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));
      }
      const figures = await measureInterleaved({
        count: () => direct.query(`SELECT count(*) FROM "ReservationDay" WHERE date = $1::date AND status = 'ACCEPTED'`, [DAY]),
        rawList: () => direct.query(dailyListSql, [DAY]),
        list: () => dailyList(database.prisma, viewer, { date: DAY }),
        kitchenDay: () => kitchenCounts(database.prisma, viewer, { date: DAY, span: "day" }),
        kitchenWeek: () => kitchenCounts(database.prisma, viewer, { date: DAY, span: "week" }),
      });
      context.log(`${ITERATIONS} mesures de chaque, entrelacées (ordre tournant), après ${WARM_UP} tours d'échauffement.`);
      const row = (label: string, figure: { p50: number; p95: number }, baseline?: { p50: number; label: string }) =>
        context.log(
          `${label.padEnd(52)} p50 ${figure.p50.toFixed(1).padStart(6)} ms   p95 ${figure.p95.toFixed(1).padStart(6)} ms` +
            (baseline ? `   ×${(figure.p50 / baseline.p50).toFixed(1)} ${baseline.label}` : ""),
        );
      row("référence : SELECT count(*) des lignes du jour (pg)", figures.count);
      row("référence : SQL de la liste du jour via pg", figures.rawList, { p50: figures.count.p50, label: "le count" });
      row("dailyList (tous établissements, + entrée du journal)", figures.list, {
        p50: figures.rawList.p50,
        label: "le SQL via pg",
      });
      row("kitchenCounts (jour)", figures.kitchenDay, { p50: figures.count.p50, label: "le count" });
      row("kitchenCounts (semaine)", figures.kitchenWeek, { p50: figures.count.p50, label: "le count" });
      const worst = Math.max(figures.list.p95, figures.kitchenDay.p95, figures.kitchenWeek.p95);
      context.log(`objectif < 200 ms : ${worst < 200 ? "atteint" : "NON ATTEINT"} (pire p95 ${worst.toFixed(1)} ms)`);
    } finally {
      // DROP … WITH (FORCE) below may reach a connection still closing: not an error of the run.
      direct.on("error", () => {});
      await direct.end();
      await database.close();
      await created.drop();
    }
  },
};

export default benchmark;

// A town at scale on PostgreSQL, for the HTTP benchmark (tests/bench/http.bench.ts) and for tests
// that need big tables (e.g. a sequential-scan check). Set-based SQL only (INSERT … SELECT over
// generate_series), never Prisma row by row: scale 1 takes a few minutes on a small machine.
//
// It runs on a database that has the migrations and the demo seed applied (prisma/seed.ts: the
// seven schools, their CANTINE and GARDERIE ELEMENTAIRE periods, consent texts, document types)
// and adds, for `scale` (1 = a town of about 25,000 inhabitants):
//
// | rows                                   | scale 1    | scale 0.05 |
// |----------------------------------------|------------|------------|
// | Family, Guardian (responsable 1), User | 10,000     | 500        |
// | Child (CP–CM2, 7 schools), ChildHealth, EmergencyContact, vaccination Document (ACCEPTED, row only) | 15,000 | 750 |
// | Consent (4 per family + 1 per child)   | 55,000     | 2,750      |
// | Reservation (one per child, service and month) | ≈ 120,000 | ≈ 6,000 |
// | ReservationDay (the school year's canteen, garderie matin and soir) | ≈ 1.5 million | ≈ 75,000 |
// | UnitDay (one per unit and open day, `booked` = its PENDING/ACCEPTED days) | ≈ 3,000 | ≈ 3,000 |
//
// Every family is complete (its children are bookable): the record, responsable 1, the
// statements, each child's sheet, health, an emergency contact, the authorisations and an
// accepted vaccination record. Parent N (1-based) signs in as `parent<N>@bench.test` with
// BENCH_PASSWORD (one argon2 hash computed once, shared by every account).
//
// The days of `openingWeek` (by default the week after next, Monday to Sunday, from `today`) are
// left unbooked for every child: the opening-day scenario books them. Canteen bookings are
// ACCEPTED (the canteen validates automatically); garderie bookings are ACCEPTED up to `today`'s
// month and PENDING after it (the garderie is validated by staff). Unit capacities are raised to
// fit the generated demand (with a margin), so no counter is above its capacity.
// Invoices are not generated (their lines would need the billing run's rules); documents are
// rows only (no file is written: no benchmarked page reads one).
import type pg from "pg";

import { hashPassword } from "@/lib/auth/password";

export const BENCH_PASSWORD = "portail-bench-2026";
export const benchEmail = (n: number) => `parent${n}@bench.test`;

export type TownOptions = {
  scale: number;
  /** The portal's day (Paris): the school year whose periods hold `today` is booked. Default 2026-11-30. */
  today?: string;
  /** Monday of the week left unbooked (the opening day's week). Default: `today`'s Monday + 7 days. */
  openingWeek?: string;
  log?: (line: string) => void;
};

export type TownSummary = {
  families: number;
  children: number;
  reservations: number;
  reservationDays: number;
  unitDays: number;
  seconds: number;
  schoolYear: { start: string; end: string };
  openingWeek: { from: string; to: string };
};

const SURNAMES = [
  "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
  "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
  "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
  "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
]; // prettier-ignore
const FIRST_NAMES = [
  "LÉA", "HUGO", "CHLOÉ", "LOUIS", "EMMA", "GABRIEL", "JADE", "RAPHAËL", "LOUISE", "JULES",
  "ALICE", "ARTHUR", "LINA", "ADAM", "ROSE", "MAËL", "MIA", "LÉO", "ANNA", "PAUL",
]; // prettier-ignore
const LEVELS = ["CP", "CE1", "CE2", "CM1", "CM2"];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const iso = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - iso);
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Generates the town (see the table above) in the database `client` is connected to. */
export async function generateTown(client: pg.ClientBase, options: TownOptions): Promise<TownSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const today = options.today ?? "2026-11-30";
  const openingFrom = options.openingWeek ?? addDays(mondayOf(today), 7);
  const openingTo = addDays(openingFrom, 6);
  const families = Math.max(1, Math.round(10_000 * options.scale));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const begin = Date.now();
    const result = await client.query(sql, params);
    log(`  ${label} : ${result.rowCount ?? 0} ligne(s) en ${((Date.now() - begin) / 1000).toFixed(1)} s`);
    return result;
  };

  const existing = await client.query(`SELECT 1 FROM "User" WHERE "email" LIKE '%@bench.test' LIMIT 1`);
  if (existing.rowCount) throw new Error("Cette base contient déjà une ville générée (comptes @bench.test).");
  const periods = await client.query<{ id: string; schoolName: string; kind: string; start: string; end: string }>(
    `SELECT p."id", s."name" AS "schoolName", CASE WHEN p."name" LIKE 'CANTINE%' THEN 'CANTINE' ELSE 'GARDERIE' END AS "kind",
            to_char(p."startDate", 'YYYY-MM-DD') AS "start", to_char(p."endDate", 'YYYY-MM-DD') AS "end"
       FROM "Period" p JOIN "Establishment" e ON e."id" = p."establishmentId" JOIN "School" s ON s."id" = e."schoolId"
      WHERE (p."name" LIKE 'CANTINE ELEMENTAIRE %' OR p."name" LIKE 'GARDERIE ELEMENTAIRE %')
        AND p."startDate" <= $1::date AND p."endDate" >= $1::date
      ORDER BY s."name", p."name"`,
    [today],
  );
  if (periods.rowCount !== 14)
    throw new Error(`generateTown: expected the demo's 14 school periods holding ${today}, found ${periods.rowCount}`);
  const schoolYear = { start: periods.rows[0].start, end: periods.rows[0].end };

  await client.query("BEGIN");
  try {
    // Rows are consistent by construction: skip the foreign-key triggers while loading.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL work_mem = '64MB'");

    await step(
      "familles",
      `INSERT INTO "Family" ("id", "civility", "name", "street", "postalCode", "city", "homePhone", "situation", "benefitScheme",
                             "quotientFamilial", "createdAt", "updatedAt")
       SELECT md5('bench-family-' || n)::uuid::text, 'M_ET_MME', (${sqlArray(SURNAMES)})[1 + n % ${SURNAMES.length}],
              n || ' RUE DU BENCH', '12000', 'RODEZ', '05 65 ' || lpad((n % 1000000)::text, 6, '0'), 'MARIES', 'CAF',
              300 + (n * 37) % 1200, now(), now()
         FROM generate_series(1, $1::int) AS n`,
      [families],
    );
    await step(
      "responsables",
      `INSERT INTO "Guardian" ("id", "familyId", "position", "civility", "lastName", "firstName", "mobilePhone")
       SELECT md5('bench-guardian-' || n)::uuid::text, md5('bench-family-' || n)::uuid::text, 1, 'MME',
              (${sqlArray(SURNAMES)})[1 + n % ${SURNAMES.length}], (${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}],
              '06 ' || lpad((n % 100000000)::text, 8, '0')
         FROM generate_series(1, $1::int) AS n`,
      [families],
    );
    await step(
      "comptes",
      `INSERT INTO "User" ("id", "email", "passwordHash", "role", "familyId", "activatedAt", "createdAt", "updatedAt")
       SELECT md5('bench-user-' || n)::uuid::text, 'parent' || n || '@bench.test', $2, 'PARENT',
              md5('bench-family-' || n)::uuid::text, now(), now(), now()
         FROM generate_series(1, $1::int) AS n`,
      [families, passwordHash],
    );
    await step(
      "engagements des familles",
      `INSERT INTO "Consent" ("id", "familyId", "textId", "acceptedAt")
       SELECT gen_random_uuid()::text, md5('bench-family-' || n)::uuid::text, t."id", now()
         FROM generate_series(1, $1::int) AS n
         CROSS JOIN (SELECT DISTINCT ON ("kind") "id" FROM "ConsentText"
                      WHERE "kind" IN ('REGLEMENTS', 'ATTESTATION_HONNEUR', 'SIGNATURE_NUMERIQUE', 'PROTECTION_DONNEES')
                      ORDER BY "kind", "version" DESC) AS t`,
      [families],
    );

    // Children: one in even families, two in odd ones (1.5 per family), CP to CM2, spread over the schools.
    await client.query(
      `CREATE TEMP TABLE bench_child ON COMMIT DROP AS
       SELECT md5('bench-child-' || n || '-' || k)::uuid::text AS "id", md5('bench-family-' || n)::uuid::text AS "familyId",
              n, k, (n * 2 + k) % 7 AS school_rank, (n + k * 2) % 5 AS level_rank,
              abs(hashtext('bench-services-' || n || '-' || k)) % 100 AS draw
         FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(1, 2) AS k
        WHERE k = 1 OR n % 2 = 1`,
      [families],
    );
    await step(
      "enfants",
      `WITH schools AS (SELECT "id", (row_number() OVER (ORDER BY "name") - 1)::int AS rank FROM "School")
       INSERT INTO "Child" ("id", "familyId", "lastName", "firstName", "sex", "birthDate", "schoolId", "schoolLevel", "schoolClass",
                            "authEmergencyCare", "authPhotos", "authLeaveAlone", "authTransport", "createdAt", "updatedAt")
       SELECT c."id", c."familyId", (${sqlArray(SURNAMES)})[1 + c.n % ${SURNAMES.length}],
              (${sqlArray(FIRST_NAMES)})[1 + (c.n + c.k * 7) % ${FIRST_NAMES.length}], CASE WHEN (c.n + c.k) % 2 = 0 THEN 'F' ELSE 'M' END::"Sex",
              make_date(2019 - c.level_rank, 1 + (c.n % 12), 1 + (c.n % 28)), s."id",
              (${sqlArray(LEVELS)})[1 + c.level_rank]::"SchoolLevel", (${sqlArray(LEVELS)})[1 + c.level_rank],
              true, true, false, true, now(), now()
         FROM bench_child c JOIN schools s ON s.rank = c.school_rank`,
    );
    await step(
      "santé",
      `INSERT INTO "ChildHealth" ("childId", "doctorName", "doctorPhone", "hasPai", "vaccinationsUpToDate", "dietKind", "updatedAt")
       SELECT "id", 'Dr Bench', '05 65 00 00 00', false, true, 'AUCUN', now() FROM bench_child`,
    );
    await step(
      "contacts d'urgence",
      `INSERT INTO "EmergencyContact" ("id", "childId", "position", "name", "relation", "phone")
       SELECT gen_random_uuid()::text, "id", 1, 'Grand-parent', 'Grand-parent', '06 11 22 33 44' FROM bench_child`,
    );
    await step(
      "autorisations acceptées",
      `INSERT INTO "Consent" ("id", "familyId", "childId", "textId", "acceptedAt")
       SELECT gen_random_uuid()::text, c."familyId", c."id",
              (SELECT "id" FROM "ConsentText" WHERE "kind" = 'AUTORISATIONS_ENFANT' ORDER BY "version" DESC LIMIT 1), now()
         FROM bench_child c`,
    );
    await step(
      "carnets de vaccination (lignes)",
      `INSERT INTO "Document" ("id", "familyId", "childId", "typeId", "status", "name", "originalName", "storageKind", "storageKey",
                               "mimeType", "size", "sha256", "uploadedAt", "reviewedAt")
       SELECT md5('bench-document-' || c."id")::uuid::text, c."familyId", c."id", t."id", 'ACCEPTED', 'Carnet de vaccination',
              'carnet.pdf', 'LOCAL', 'bench/documents/' || c."id", 'application/pdf', 1024, repeat('0', 64), now(), now()
         FROM bench_child c CROSS JOIN (SELECT "id" FROM "DocumentType" WHERE "code" = 'CARNET_VACCINATION') AS t`,
    );

    // Which services each child takes: the canteen (55 %), the morning garderie (12 %), the evening one (8 %).
    await client.query(
      `CREATE TEMP TABLE bench_take ON COMMIT DROP AS
       WITH schools AS (SELECT "id", "name", (row_number() OVER (ORDER BY "name") - 1)::int AS rank FROM "School"),
            units AS (
              SELECT u."id" AS "unitId", u."label", p."id" AS "periodId", p."validationMode"::text AS mode, s.rank AS school_rank
                FROM "Unit" u JOIN "Period" p ON p."id" = u."periodId" JOIN "Establishment" e ON e."id" = p."establishmentId"
                JOIN schools s ON s."id" = e."schoolId"
               WHERE p."id" = ANY($1::text[]))
       SELECT c."id" AS "childId", c."familyId", u."unitId", u."periodId", u.mode
         FROM bench_child c JOIN units u ON u.school_rank = c.school_rank
        WHERE (u."label" = 'REPAS ENFANT' AND c.draw < 55)
           OR (u."label" = 'MATIN' AND (c.draw * 7) % 100 < 12)
           OR (u."label" = 'SOIR' AND (c.draw * 13) % 100 < 8)`,
      [periods.rows.map((period) => period.id)],
    );
    // The open days of each period: its weekdays, less its closures and the opening week.
    await client.query(
      `CREATE TEMP TABLE bench_day ON COMMIT DROP AS
       SELECT p."id" AS "periodId", d::date AS "date", to_char(d, 'YYYY-MM') AS month
         FROM "Period" p CROSS JOIN LATERAL generate_series(p."startDate", p."endDate", interval '1 day') AS d
        WHERE p."id" = ANY($1::text[])
          AND extract(isodow FROM d)::int = ANY(p."openWeekdays")
          AND NOT EXISTS (SELECT 1 FROM "Closure" cl WHERE cl."periodId" = p."id" AND cl."date" = d::date)
          AND NOT (d::date BETWEEN $2::date AND $3::date)`,
      [periods.rows.map((period) => period.id), openingFrom, openingTo],
    );
    await client.query(
      `CREATE TEMP TABLE bench_reservation ON COMMIT DROP AS
       SELECT gen_random_uuid()::text AS "id", t."childId", t."familyId", t."periodId", t."unitId", m.month,
              CASE WHEN t.mode = 'MANUAL' AND m.month > to_char($1::date, 'YYYY-MM') THEN 'PENDING' ELSE 'ACCEPTED' END AS status,
              m.first, m.last
         FROM bench_take t
         JOIN (SELECT "periodId", month, min("date") AS first, max("date") AS last FROM bench_day GROUP BY "periodId", month) AS m
           ON m."periodId" = t."periodId"`,
      [today],
    );
    await step(
      "réservations",
      `INSERT INTO "Reservation" ("id", "familyId", "childId", "periodId", "status", "firstDate", "lastDate", "createdAt", "createdByUserId")
       SELECT r."id", r."familyId", r."childId", r."periodId", r.status::"ReservationStatus", r.first, r.last,
              (r.first - interval '10 days')::timestamp, u."id"
         FROM bench_reservation r JOIN "User" u ON u."familyId" = r."familyId"
        ORDER BY r.first, r."childId"`,
    );
    await step(
      "journées réservées",
      `INSERT INTO "ReservationDay" ("id", "reservationId", "childId", "unitId", "date", "status", "decidedAt")
       SELECT gen_random_uuid()::text, r."id", r."childId", r."unitId", d."date", r.status::"ReservationDayStatus",
              CASE WHEN r.status = 'ACCEPTED' THEN (r.first - interval '9 days')::timestamp END
         FROM bench_reservation r JOIN bench_day d ON d."periodId" = r."periodId" AND d.month = r.month`,
    );

    // Capacities fit the demand with a margin; the counters are the booked days.
    await step(
      "capacités des unités",
      `UPDATE "Unit" u SET "capacity" = GREATEST(u."capacity", ceil(x.peak * 1.15)::int + 5)
         FROM (SELECT "unitId", max(n) AS peak FROM (SELECT "unitId", "date", count(*) AS n FROM "ReservationDay"
                WHERE "unitId" IN (SELECT DISTINCT "unitId" FROM bench_take) AND "status" IN ('PENDING', 'ACCEPTED')
                GROUP BY "unitId", "date") AS per_day GROUP BY "unitId") AS x
        WHERE u."id" = x."unitId"`,
    );
    await step(
      "compteurs (UnitDay)",
      `INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked")
       SELECT rd."unitId", rd."date", u."capacity", count(*)
         FROM "ReservationDay" rd JOIN "Unit" u ON u."id" = rd."unitId"
        WHERE rd."status" IN ('PENDING', 'ACCEPTED') AND rd."unitId" IN (SELECT DISTINCT "unitId" FROM bench_take)
        GROUP BY rd."unitId", rd."date", u."capacity"
       ON CONFLICT ("unitId", "date") DO UPDATE
         SET "booked" = (SELECT count(*) FROM "ReservationDay" x WHERE x."unitId" = EXCLUDED."unitId" AND x."date" = EXCLUDED."date"
                          AND x."status" IN ('PENDING', 'ACCEPTED')),
             "capacity" = GREATEST("UnitDay"."capacity", EXCLUDED."capacity")`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  const begin = Date.now();
  await client.query(`ANALYZE`);
  log(`  ANALYZE : ${((Date.now() - begin) / 1000).toFixed(1)} s`);

  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
  return {
    families,
    children: await count(
      `SELECT count(*) AS n FROM "Child" WHERE "id" IN (SELECT "childId" FROM "ChildHealth" WHERE "doctorName" = 'Dr Bench')`,
    ),
    reservations: await count(
      `SELECT count(*) AS n FROM "Reservation" r JOIN "User" u ON u."familyId" = r."familyId" WHERE u."email" LIKE '%@bench.test'`,
    ),
    reservationDays: await count(`SELECT count(*) AS n FROM "ReservationDay"`),
    unitDays: await count(`SELECT count(*) AS n FROM "UnitDay"`),
    seconds: (Date.now() - started) / 1000,
    schoolYear,
    openingWeek: { from: openingFrom, to: openingTo },
  };
}

// The monthly invoicing run for 10 000 families (issue #14 acceptance: ≤ 30 s on PostgreSQL).
// Generated data on a fresh database: 7 schools, 10 000 families (one child each, every fourth
// family two), lunch on every open day of November 2026 and the evening club twice a week for
// half the children; QF history for 90 % of the families (a tenth of them changing mid-month),
// four brackets priced on every unit. Timed in the same run: a single INSERT … SELECT doing the
// same aggregation (each day priced at the bracket of the QF valid that day, summed per family)
// — the baseline — then generateInvoices for the régie and the month (numbers, invoices, lines,
// mails, run record, audit), and their ratio.
import { createRequire } from "node:module";

import pg from "pg";

import type { StaffViewer } from "../../lib/auth/session";
import { openDatabase } from "../../lib/db/connect";
import { migratePostgres } from "../../lib/db/migrate";
import type { BenchContext } from "../../scripts/bench";
import { createCatalogue, createStaffViewer, createTown } from "../helpers/admin-fixtures";
import { createPostgresDatabase } from "../helpers/postgres-database";

// lib/billing is "server-only" (a guard for Next's bundler); outside Next, stub it as the tests do.
const requireHere = createRequire(__filename);
requireHere.cache[requireHere.resolve("server-only")] = { exports: {} } as NodeJS.Module;

const FAMILIES = 10_000;
const MONTH = "2026-11";
const TARGET_SECONDS = 30;

async function generate(prisma: Awaited<ReturnType<typeof openDatabase>>["prisma"], url: string) {
  await createTown(prisma);
  const schools = [];
  for (const name of ["Cambon", "Cardaillac", "Flaugergues", "Foch", "Gourgan", "Mitterrand", "Ramadier"])
    schools.push(await createCatalogue(prisma, name));
  const regie = await prisma.regie.create({
    data: { code: "PERI", name: "Régie périscolaire et restauration", payableOnline: true, payfipClientNumber: "012345" },
  });
  await prisma.activity.updateMany({
    where: { code: { in: ["RESTAURATION_SCOLAIRE", "PERISCOLAIRE"] } },
    data: { regieId: regie.id },
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const canteenUnits = schools.map((s) => `'${s.canteen.units[0].id}'`).join(",");
    const canteenPeriods = schools.map((s) => `'${s.canteen.id}'`).join(",");
    const clubUnits = schools.map((s) => `'${s.club.units[1].id}'`).join(",");
    const clubPeriods = schools.map((s) => `'${s.club.id}'`).join(",");
    await client.query(`
      UPDATE "Unit" SET capacity = 5000;
      INSERT INTO "QfBracket" (id, label, "minQf", "maxQf") VALUES
        ('b1', 'QF inférieur à 400', 0, 400), ('b2', 'QF de 400 à 699', 400, 700),
        ('b3', 'QF de 700 à 999', 700, 1000), ('b4', 'QF de 1 000 et plus', 1000, NULL);
      INSERT INTO "Tariff" (id, "unitId", "bracketId", "priceCents")
        SELECT 't-' || u.id || '-' || b.id, u.id, b.id, 50 + b."minQf" / 5 + length(u.label) * 10 FROM "Unit" u CROSS JOIN "QfBracket" b;
      INSERT INTO "Family" (id, civility, name, street, "postalCode", city, "updatedAt")
        SELECT 'fam-' || g, (ARRAY['M_ET_MME','MME','M']::"FamilyCivility"[])[1 + g % 3], 'FAMILLE' || lpad(g::text, 5, '0'),
               g || ' RUE DU BOURG', '12000', 'RODEZ', now() FROM generate_series(1, ${FAMILIES}) g;
      INSERT INTO "User" (id, email, role, "familyId", "updatedAt")
        SELECT 'user-' || g, 'parent' || g || '@exemple.fr', 'PARENT', 'fam-' || g, now() FROM generate_series(1, ${FAMILIES}) g;
      INSERT INTO "QuotientHistory" (id, "familyId", "quotientFamilial", "validFrom")
        SELECT 'qh-' || g, 'fam-' || g, (g * 37) % 1400, DATE '2026-09-01' FROM generate_series(1, ${FAMILIES}) g WHERE g % 10 <> 0;
      INSERT INTO "QuotientHistory" (id, "familyId", "quotientFamilial", "validFrom")
        SELECT 'qh2-' || g, 'fam-' || g, (g * 53) % 1400, DATE '2026-11-16' FROM generate_series(1, ${FAMILIES}) g WHERE g % 10 = 1;
      INSERT INTO "Child" (id, "familyId", "lastName", "firstName", "birthDate", "schoolId", "schoolLevel", "updatedAt")
        SELECT 'child-' || g || '-' || k, 'fam-' || g, 'FAMILLE' || lpad(g::text, 5, '0'), 'Enfant ' || k, DATE '2018-01-01',
               (ARRAY[${schools.map((s) => `'${s.school.id}'`).join(",")}])[1 + g % 7], 'CE1', now()
          FROM generate_series(1, ${FAMILIES}) g, generate_series(1, 2) k WHERE k = 1 OR g % 4 = 0;
      INSERT INTO "Reservation" (id, "familyId", "childId", "periodId", status, "firstDate", "lastDate")
        SELECT 'res-' || c.id, c."familyId", c.id, (ARRAY[${canteenPeriods}])[1 + substr(c."familyId", 5)::int % 7], 'ACCEPTED',
               DATE '2026-11-02', DATE '2026-11-30' FROM "Child" c;
      INSERT INTO "ReservationDay" (id, "reservationId", "childId", "unitId", date, status)
        SELECT 'rd-' || c.id || '-' || d::date, 'res-' || c.id, c.id, (ARRAY[${canteenUnits}])[1 + substr(c."familyId", 5)::int % 7], d::date, 'ACCEPTED'
          FROM "Child" c, generate_series(DATE '2026-11-02', DATE '2026-11-30', interval '1 day') d
         WHERE extract(isodow FROM d) IN (1, 2, 4, 5) AND d::date <> DATE '2026-11-11';
      INSERT INTO "Reservation" (id, "familyId", "childId", "periodId", status, "firstDate", "lastDate")
        SELECT 'club-' || c.id, c."familyId", c.id, (ARRAY[${clubPeriods}])[1 + substr(c."familyId", 5)::int % 7], 'ACCEPTED',
               DATE '2026-11-02', DATE '2026-11-30' FROM "Child" c WHERE substr(c."familyId", 5)::int % 2 = 0;
      INSERT INTO "ReservationDay" (id, "reservationId", "childId", "unitId", date, status)
        SELECT 'crd-' || c.id || '-' || d::date, 'club-' || c.id, c.id, (ARRAY[${clubUnits}])[1 + substr(c."familyId", 5)::int % 7], d::date, 'ACCEPTED'
          FROM "Child" c, generate_series(DATE '2026-11-02', DATE '2026-11-30', interval '1 day') d
         WHERE substr(c."familyId", 5)::int % 2 = 0 AND extract(isodow FROM d) IN (2, 4);
      ANALYZE;`);
    return regie.id;
  } finally {
    await client.end();
  }
}

const BASELINE_SQL = `
  INSERT INTO bench_family_total (family_id, days, total)
  SELECT r."familyId", count(*), sum(t."priceCents")
    FROM "ReservationDay" rd
    JOIN "Reservation" r ON r.id = rd."reservationId"
    JOIN "Unit" u ON u.id = rd."unitId"
    JOIN "Period" p ON p.id = u."periodId"
    JOIN "Activity" a ON a.id = p."activityId"
    LEFT JOIN LATERAL (SELECT h."quotientFamilial" AS qf FROM "QuotientHistory" h
                        WHERE h."familyId" = r."familyId" AND h."validFrom" <= rd.date ORDER BY h."validFrom" DESC LIMIT 1) q ON true
    JOIN LATERAL (SELECT b.id FROM "QfBracket" b
                   WHERE b."minQf" <= COALESCE(q.qf, 2147483647) ORDER BY b."minQf" DESC LIMIT 1) b ON true
    JOIN "Tariff" t ON t."unitId" = rd."unitId" AND t."bracketId" = b.id
   WHERE a."regieId" = $1 AND rd.status = 'ACCEPTED' AND rd.date >= DATE '2026-11-01' AND rd.date < DATE '2026-12-01'
     AND NOT EXISTS (SELECT 1 FROM "InvoiceLine" il WHERE il."billedDayId" = rd.id)
   GROUP BY r."familyId"`;

const benchmark = {
  name: "Facturation du mois, 10 000 familles",
  async run(context: BenchContext) {
    const created = await createPostgresDatabase({ prefix: "portail_bench", adminUrl: context.pgAdminUrl });
    const url = created.url;
    if (3 + 1 > context.connectionBudget) throw new Error(`${context.connectionBudget} connexions libres : il en faut 4`);
    const database = openDatabase({ kind: "postgres", url, poolSize: 3 });
    const direct = new pg.Client({ connectionString: url });
    try {
      await migratePostgres(url);
      const started = Date.now();
      const regieId = await generate(database.prisma, url);
      const days = await database.prisma.reservationDay.count();
      context.log(
        `données : ${FAMILIES} familles, ${days} journées réservées générées en ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      const viewer: StaffViewer = await createStaffViewer(database.prisma, "AGENT", "bench@mairie.test");
      const { generateInvoices } = await import("../../lib/billing/invoicing-run");

      // Baseline: the same aggregation as one INSERT … SELECT (rolled back).
      await direct.connect();
      await direct.query("BEGIN");
      await direct.query("CREATE TEMP TABLE bench_family_total (family_id text, days bigint, total bigint) ON COMMIT DROP");
      const baselineStart = process.hrtime.bigint();
      const baselineRows = await direct.query(BASELINE_SQL, [regieId]);
      const baselineMs = Number(process.hrtime.bigint() - baselineStart) / 1e6;
      const [expected] = (
        await direct.query(
          "SELECT count(*)::int AS families, sum(days)::int AS days, sum(total)::int AS total FROM bench_family_total",
        )
      ).rows as { families: number; days: number; total: number }[];
      await direct.query("ROLLBACK");

      const runStart = process.hrtime.bigint();
      const result = await generateInvoices(database.prisma, viewer, { regieId, month: MONTH });
      const runMs = Number(process.hrtime.bigint() - runStart) / 1e6;
      if (
        result.invoiceCount !== expected.families ||
        result.totalCents !== expected.total ||
        result.dayCount !== expected.days
      ) {
        throw new Error(`run ${JSON.stringify(result)} ≠ baseline ${JSON.stringify(expected)}`);
      }
      const mails = await database.prisma.outboxMail.count({ where: { kind: "invoice-available" } });
      context.log(
        `référence : un INSERT … SELECT de la même agrégation : ${(baselineMs / 1000).toFixed(2)} s (${baselineRows.rowCount} familles, ${expected.days} journées)`,
      );
      context.log(
        `generateInvoices : ${(runMs / 1000).toFixed(2)} s — ${result.invoiceCount} factures (${result.firstNumber} à ${result.lastNumber}), ` +
          `${result.dayCount} lignes, ${mails} e-mails, total ${(result.totalCents / 100).toFixed(2)} € — ×${(runMs / baselineMs).toFixed(1)} la référence`,
      );
      context.log(`objectif ≤ ${TARGET_SECONDS} s : ${runMs / 1000 <= TARGET_SECONDS ? "atteint" : "NON ATTEINT"}`);
    } finally {
      await direct.end().catch(() => {});
      await database.close();
      await created.drop();
    }
  },
};

export default benchmark;

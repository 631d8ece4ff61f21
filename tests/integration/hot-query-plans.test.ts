// Issue #16, point 3: the hot queries use indexes on a town-sized database. The demo town is
// grown with plain SQL (tens of thousands of families, children, reservations, invoices and
// mails, a few hundred thousand booked days and unit-day counters), ANALYZEd, and the queries
// are captured from the real code paths (Prisma's query events) — the dashboard's, the
// reservations list's, the planning page's, the booking's, the session check, the staff's
// family list and daily list — then EXPLAINed: none may read a large table by a sequential scan.
// PostgreSQL only (PGlite's planner is the same, its statistics are not worth the wait).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { readUserSession } from "@/lib/auth/user-sessions";
import { familyInvoicesToPay } from "@/lib/billing/family-invoices";
import { addDays } from "@/lib/dates/calendar-day";
import { PrismaClient } from "@/lib/db/generated/client";
import { listFamilyDocuments } from "@/lib/documents/family-documents";
import { getFamilyDashboard } from "@/lib/families/dashboard";
import { searchFamilies } from "@/lib/families/families";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { dailyList } from "@/lib/lists/daily-list";
import { confirmBooking } from "@/lib/reservations/book-days";
import { getPlanning, listReservations, reservationSearchOptions } from "@/lib/reservations/reservations-query";
import { DEMO_IDS } from "@/prisma/seed";

import { cantinePeriod } from "../helpers/families";
import { describePostgres, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

const LARGE_TABLES = [
  "Family",
  "Child",
  "Reservation",
  "ReservationDay",
  "UnitDay",
  "Document",
  "Invoice",
  "InvoiceLine",
  "OutboxMail",
] as const;

const FAMILIES = 20_000;
const CHILDREN = 30_000;
const DAYS_PER_RESERVATION = 10;
const UNITS = 300;
const UNIT_DAYS = 300;

const NOW = new Date("2026-11-26T10:00:00Z");

/** Copies one row of `table` (`template`: a WHERE) `count` times, with SQL expressions of `g` (1..count) for some columns. */
async function cloneRows(client: pg.Client, table: string, template: string, count: number, overrides: Record<string, string>) {
  const columns = (
    await client.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).rows.map((row) => row.name);
  const values = columns.map((column) => overrides[column] ?? `t."${column}"`);
  await client.query(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})
     SELECT ${values.join(", ")} FROM (SELECT * FROM "${table}" WHERE ${template} LIMIT 1) t CROSS JOIN generate_series(1, ${count}) g`,
  );
}

const uuid = (prefix: string, expression: string) => `md5('${prefix}' || (${expression}))::uuid::text`;

type PlanNode = { "Node Type": string; "Relation Name"?: string; Filter?: string; Plans?: PlanNode[] };
/**
 * The tables a plan reads by a sequential scan — but a scan without any filter under an
 * aggregate: the count of a whole table (the staff's unfiltered family list) has nothing to look up.
 */
function seqScans(node: PlanNode, parent: PlanNode | null = null): string[] {
  const wholeTableCount = parent?.["Node Type"] === "Aggregate" && !node.Filter;
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] && !wholeTableCount ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, node))];
}

/**
 * The daily list of a day reads the children of a fifth of the town's children here (every
 * canteen day is booked by many): the planner rightly hashes the whole Child table rather than
 * look up thousands of ids one by one.
 */
const EXPECTED_SCANS: Record<string, string[]> = { "daily list": ["Child"] };

describePostgres("hot queries on a town-sized database (EXPLAIN)", () => {
  let database: TestDatabase;
  let client: pg.Client;
  const captured: { path: string; query: string; params: unknown[] }[] = [];
  let currentPath = "";

  withDemoDatabase(
    "postgres",
    async (suite) => {
      database = suite.database;
      client = new pg.Client({ connectionString: database.url! });
      client.on("error", () => {}); // the suite's database is dropped under it at the end
      await client.connect();
      const cantine = await cantinePeriod(database.prisma, "CAMBON");
      const family = `'${DEMO_IDS.family}'`;
      const child = `'${DEMO_IDS.julien}'`;
      const familyOf = (g: string) => uuid("f", `((${g}) - 1) % ${FAMILIES} + 1`);
      await cloneRows(client, "Family", `id = ${family}`, FAMILIES, {
        id: familyOf("g"),
        name: `'FAMILLE ' || g`,
        allowanceNumber: `'A' || g`,
      });
      await cloneRows(client, "Child", `id = ${child}`, CHILDREN, {
        id: uuid("c", "g"),
        familyId: familyOf("g"),
        firstName: `'Enfant ' || g`,
      });
      await cloneRows(client, "Reservation", `"familyId" = ${family}`, CHILDREN, {
        id: uuid("r", "g"),
        familyId: familyOf("g"),
        childId: uuid("c", "g"),
        periodId: `'${cantine.periodId}'`,
        number: `1000000 + g`,
        replacesId: "NULL",
      });
      const reservationOf = `((g - 1) / ${DAYS_PER_RESERVATION} + 1)`;
      await cloneRows(client, "ReservationDay", "true", CHILDREN * DAYS_PER_RESERVATION, {
        id: uuid("d", "g"),
        reservationId: uuid("r", reservationOf),
        childId: uuid("c", reservationOf),
        unitId: `'${cantine.unitId}'`,
        date: `DATE '2026-09-01' + ((g - 1) % ${DAYS_PER_RESERVATION}) * 7 + (${reservationOf} % 5)`,
      });
      // Units of a copy of the period, each with a year of counters.
      await cloneRows(client, "Period", `id = '${cantine.periodId}'`, 1, { id: uuid("p", "g"), name: `'COPIE'` });
      await cloneRows(client, "Unit", `id = '${cantine.unitId}'`, UNITS, {
        id: uuid("u", "g"),
        periodId: uuid("p", "1"),
        label: `'UNITÉ ' || g`,
      });
      await client.query(
        `INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked")
         SELECT md5('u' || u)::uuid::text, DATE '2026-09-01' + d, 100, 0 FROM generate_series(1, ${UNITS}) u, generate_series(0, ${UNIT_DAYS - 1}) d`,
      );
      await cloneRows(client, "Document", "true", CHILDREN, {
        id: uuid("doc", "g"),
        familyId: familyOf("g"),
        childId: uuid("c", "g"),
        storageKey: `'bulk/' || g`,
      });
      await cloneRows(client, "Invoice", "true", FAMILIES * 3, {
        id: uuid("i", "g"),
        familyId: familyOf("g"),
        number: `'B' || g`,
        reference: `'REF' || g`,
        sequence: `100000 + g`,
        cancelsId: "NULL",
      });
      await cloneRows(client, "InvoiceLine", "true", FAMILIES * 6, {
        id: uuid("l", "g"),
        invoiceId: uuid("i", `(g - 1) / 2 + 1`),
        reservationDayId: "NULL",
        billedDayId: "NULL",
        billedContractKey: "NULL",
      });
      await client.query(
        `INSERT INTO "OutboxMail" ("id", "to", "subject", "text", "html", "kind", "nextAttemptAt", "createdAt", "status")
         SELECT md5('m' || g)::uuid::text, 'parent' || g || '@example.fr', 'Objet', 'texte', '<p>html</p>', 'reservation-confirmation',
                now() - interval '1 day', now() - interval '1 day', 'SENT'
           FROM generate_series(1, ${FAMILIES * 5}) g`,
      );
      await client.query("ANALYZE");
    },
    { timeout: 600_000 },
  );

  it("never reads a large table by a sequential scan", async () => {
    // The app's client, with Prisma's query events: every statement of the real code paths.
    const logging = new PrismaClient({
      adapter: new PrismaPg({ connectionString: database.url!, max: 2 }),
      log: [{ emit: "event", level: "query" }],
    });
    logging.$on("query", (event) => captured.push({ path: currentPath, query: event.query, params: JSON.parse(event.params) }));
    try {
      const parent = await database.prisma.user.findFirstOrThrow({
        where: { familyId: DEMO_IDS.family },
        select: { id: true, email: true },
      });
      const agent = await database.prisma.user.findUniqueOrThrow({ where: { email: "agent@demo.fr" }, select: { id: true } });
      const STAFF = { userId: agent.id, email: "agent@demo.fr", name: "Agent", role: "AGENT" as const, familyId: null };
      const viewer = {
        userId: parent.id,
        email: parent.email,
        name: "Test",
        role: "PARENT" as const,
        familyId: DEMO_IDS.family,
      };
      const cantine = await cantinePeriod(database.prisma, "CAMBON");
      const run = async (path: string, work: () => Promise<unknown>) => {
        currentPath = path;
        await work();
      };
      const session = await database.prisma.userSession.create({
        data: {
          userId: parent.id,
          createdAt: NOW,
          lastSeenAt: NOW,
          expiresAt: new Date(NOW.getTime() + 3_600_000),
        },
      });
      await run("session", () => readUserSession(logging, session.id, NOW));
      await run("dashboard", async () => {
        await getFamilyDashboard(logging, viewer, NOW);
        await loadCompleteness(logging, viewer.familyId);
        await listReservations(logging, viewer, {}, 1, 5);
        await listFamilyDocuments(logging, viewer);
        await familyInvoicesToPay(logging, viewer, "2026-11-26");
      });
      await run("reservations list", async () => {
        await listReservations(logging, viewer, { childId: DEMO_IDS.julien, status: "ACCEPTED" }, 1, 10);
        await reservationSearchOptions(logging, viewer);
      });
      await run("planning", () => getPlanning(logging, viewer, { childId: DEMO_IDS.julien, periodId: cantine.periodId }, NOW));
      await run("booking", () =>
        confirmBooking(
          logging,
          viewer,
          { childId: DEMO_IDS.julien, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: "2026-12-08" }] },
          NOW,
        ),
      );
      await run("admin family list", () => searchFamilies(logging, STAFF, { q: "", sort: "name", page: 3 }));
      await run("daily list", () => dailyList(logging, STAFF, { date: addDays("2026-09-01", 7) }));
    } finally {
      await logging.$disconnect();
    }

    const explained = captured.filter((entry) => /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(entry.query));
    expect(new Set(explained.map((entry) => entry.path)).size).toBe(7);
    const offenders: string[] = [];
    for (const entry of explained) {
      const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${entry.query}`,
        entry.params,
      );
      const scans = seqScans(result.rows[0]["QUERY PLAN"][0].Plan).filter(
        (table) => (LARGE_TABLES as readonly string[]).includes(table) && !EXPECTED_SCANS[entry.path]?.includes(table),
      );
      if (scans.length) offenders.push(`${entry.path} — Seq Scan on ${scans.join(", ")} : ${entry.query.slice(0, 400)}`);
    }
    console.log(`${explained.length} requêtes expliquées (${[...new Set(explained.map((entry) => entry.path))].join(", ")}).`);
    await client.end();
    expect(offenders).toEqual([]);
  }, 600_000);
});

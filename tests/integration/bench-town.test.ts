// The town generator of the HTTP benchmark (tests/bench/town.ts) at a small scale: what it
// writes must be a town the portal accepts as is — complete families whose children are
// bookable, parents who can sign in, counters equal to the booked days and within capacity, the
// opening week left free — or the benchmark would measure refusals instead of pages.
import pg from "pg";

import { verifyPassword } from "@/lib/auth/password";
import { loadCompleteness } from "@/lib/families/load-completeness";

import { BENCH_PASSWORD, benchEmail, generateTown, type TownSummary } from "../bench/town";
import { counterMismatches } from "../helpers/counters";
import { describePostgres, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

describePostgres("the benchmark's town generator (PostgreSQL)", () => {
  let database: TestDatabase;
  let client: pg.Client;
  let town: TownSummary;
  // Declared first, so that it runs before the database is dropped (Jest runs afterAll hooks in order).
  afterAll(async () => {
    await client?.end();
  });
  withDemoDatabase(
    "postgres",
    async (suite) => {
      database = suite.database;
      client = new pg.Client({ connectionString: database.url! });
      await client.connect();
      town = await generateTown(client, { scale: 0.01 });
    },
    { timeout: 120_000 },
  );

  it("writes the documented rows: 100 families, 150 children, a school year of bookings, the opening week free", async () => {
    expect(town).toMatchObject({ families: 100, children: 150, openingWeek: { from: "2026-12-07", to: "2026-12-13" } });
    expect(town.reservations).toBeGreaterThan(800);
    expect(town.reservationDays).toBeGreaterThan(10_000);
    const opening = await client.query(
      `SELECT count(*)::int AS n FROM "ReservationDay" WHERE "date" BETWEEN '2026-12-07' AND '2026-12-13'`,
    );
    expect(opening.rows[0].n).toBe(0);
    const pending = await client.query(`SELECT count(*)::int AS n FROM "ReservationDay" WHERE "status" = 'PENDING'`);
    expect(pending.rows[0].n).toBeGreaterThan(0);
  });

  it("leaves every counter equal to its booked days and within its capacity", async () => {
    expect(await counterMismatches(database.prisma)).toEqual([]);
    const over = await client.query(`SELECT count(*)::int AS n FROM "UnitDay" WHERE "booked" > "capacity"`);
    expect(over.rows[0].n).toBe(0);
  });

  it("makes complete families whose children are bookable, and parents who sign in with the shared password", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: benchEmail(7) },
      select: { passwordHash: true, familyId: true, role: true },
    });
    expect(user.role).toBe("PARENT");
    expect(await verifyPassword(user.passwordHash!, BENCH_PASSWORD)).toBe(true);
    const completeness = await loadCompleteness(database.prisma, user.familyId!);
    expect(completeness).toMatchObject({ complete: true, missing: [] });
    expect(completeness!.children.length).toBe(2);
    expect(completeness!.children.every((child) => child.bookable)).toBe(true);
  });

  it("refuses to run twice on the same database", async () => {
    await expect(generateTown(client, { scale: 0.01 })).rejects.toThrow("déjà une ville générée");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { verifyPassword } from "@/lib/auth/password";
import { migratePglite, migratePostgres, readMigrations } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS, DEMO_IDS, seedDemo } from "@/prisma/seed";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

async function schemaFingerprint(database: TestDatabase): Promise<string> {
  const rows = await database.prisma.$queryRaw<{ line: string }[]>`
    SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable AS line
      FROM information_schema.columns WHERE table_schema = 'public'
     ORDER BY table_name, column_name`;
  const constraints = await database.prisma.$queryRaw<{ line: string }[]>`
    SELECT conrelid::regclass::text || ':' || conname AS line FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace ORDER BY 1`;
  return [...rows, ...constraints].map((row) => row.line).join("\n");
}

async function counts(database: TestDatabase) {
  const prisma = database.prisma;
  return {
    families: await prisma.family.count(),
    children: await prisma.child.count(),
    users: await prisma.user.count(),
    establishments: await prisma.establishment.count(),
    periods: await prisma.period.count(),
    units: await prisma.unit.count(),
    closures: await prisma.closure.count(),
    news: await prisma.news.count(),
    documents: await prisma.document.count(),
    consents: await prisma.consent.count(),
    tariffs: await prisma.tariff.count(),
  };
}

describe.each(testDatabaseKinds())("migrations and demo data on %s", (kind) => {
  let database: TestDatabase;
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-seed-"));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("applies every migration once and records it in Prisma's history table", async () => {
    const rows = await database.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("applies the migrations a second time without changing anything", async () => {
    const before = await schemaFingerprint(database);
    const report = kind === "postgres" ? await migratePostgres(database.url!) : await migratePglite(database.pglite!);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(readMigrations().length);
    expect(await schemaFingerprint(database)).toBe(before);
  });

  it("refuses a migration edited after it was applied", async () => {
    const [first, ...rest] = readMigrations();
    const edited = [{ ...first, checksum: "0".repeat(64) }, ...rest];
    const run = kind === "postgres" ? migratePostgres(database.url!, edited) : migratePglite(database.pglite!, edited);
    await expect(run).rejects.toThrow(/modifiée après avoir été appliquée/);
  });

  it("loads the demo town, then changes nothing when run again", async () => {
    const first = await seedDemo(database.prisma, { storageRoot });
    expect(first.created).toBe(true);
    const afterFirst = await counts(database);
    // 14 canteens and garderies, 4 leisure establishments: 2 Wednesday periods, 4 Christmas-holiday periods
    // (seeded on 26/11/2026), each leisure period with JOURNEE, MATIN and APRES-MIDI.
    // The petite enfance demo adds two families without accounts (LAFON, CAZALS), a child each.
    expect(afterFirst).toMatchObject({ families: 3, children: 4, users: 3, establishments: 18, periods: 20, units: 39 });
    // Per school period: 4 weeks of school holidays × 4 open days, the Ascension bridge, and the
    // Easter Monday, Ascension and Whit Monday holidays that fall on open days. Per Wednesday
    // period: the 8 holiday Wednesdays and 11 November; per Christmas period: 25 December and 1 January.
    expect(afterFirst.closures).toBe(14 * (4 * 4 * 2 + 1 + 3) + 2 * (8 + 1) + 4 * 2);

    const second = await seedDemo(database.prisma, { storageRoot });
    expect(second.created).toBe(false);
    expect(await counts(database)).toEqual(afterFirst);
  });

  it("seeds the petite enfance demo: two crèches, the criteria, and the TEST family's « Enfant à naître » third on the MULTI-ACCUEIL's list", async () => {
    const prisma = database.prisma;
    const creches = await prisma.creche.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        name: true,
        opensAt: true,
        closesAt: true,
        capacities: { orderBy: { ageGroup: "asc" }, select: { places: true } },
      },
    });
    expect(
      creches.map((creche) => [creche.name, creche.opensAt, creche.closesAt, creche.capacities.map((entry) => entry.places)]),
    ).toEqual([
      ["MULTI-ACCUEIL LES PITCHOUNS", "07:30", "18:30", [10, 15, 15]],
      ["CRÈCHE FAMILIALE DU FOIRAIL", "07:30", "18:30", [6, 8, 8]],
    ]);
    expect(await prisma.admissionCriterion.count({ where: { active: true } })).toBe(5);
    const list = await prisma.earlyChildhoodChoice.findMany({
      where: { creche: { name: "MULTI-ACCUEIL LES PITCHOUNS" }, waitingPosition: { not: null } },
      orderBy: { waitingPosition: "asc" },
      select: {
        waitingPosition: true,
        request: {
          select: { familyId: true, childId: true, expectedBirthDate: true, wishedStartDate: true, wishedSchedule: true },
        },
      },
    });
    expect(list.map((entry) => entry.waitingPosition)).toEqual([1, 2, 3]);
    const test = list[2].request;
    expect(test).toMatchObject({ familyId: DEMO_IDS.family, childId: null });
    expect(test.expectedBirthDate!.getTime()).toBeGreaterThan(Date.parse("2026-11-26"));
    expect(test.wishedStartDate.getTime()).toBeGreaterThan(test.expectedBirthDate!.getTime());
    expect(test.wishedSchedule).toEqual([1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" })));
    expect(await prisma.earlyChildhoodChoice.count({ where: { request: { familyId: DEMO_IDS.family } } })).toBe(2);
  });

  it("seeds the guide's family, schools, services and accounts", async () => {
    const prisma = database.prisma;
    const family = await prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      select: {
        name: true,
        civility: true,
        street: true,
        postalCode: true,
        city: true,
        children: { select: { firstName: true }, orderBy: { firstName: "asc" } },
      },
    });
    expect(family).toEqual({
      name: "TEST",
      civility: "M_ET_MME",
      street: "26 PLACE EUGENE-RAYNALDY",
      postalCode: "12000",
      city: "RODEZ",
      children: [{ firstName: "JULIE" }, { firstName: "JULIEN" }],
    });
    const names = (await prisma.establishment.findMany({ select: { name: true } })).map((e) => e.name);
    for (const school of ["CAMBON", "CARDAILLAC", "FLAUGERGUES", "FOCH", "GOURGAN", "MITTERRAND", "RAMADIER"]) {
      expect(names).toContain(`CANTINE ELEMENTAIRE ${school}`);
      expect(names).toContain(`GARDERIE ELEMENTAIRE ${school}`);
    }
    const cantine = await prisma.period.findFirstOrThrow({
      where: { name: "CANTINE ELEMENTAIRE 2026-2027", establishment: { name: "CANTINE ELEMENTAIRE CAMBON" } },
      select: {
        openWeekdays: true,
        units: { select: { label: true, startTime: true, endTime: true } },
        bookingRule: { select: { kind: true, weekday: true, timeOfDay: true } },
        closures: { select: { date: true } },
      },
    });
    expect(cantine.openWeekdays).toEqual([1, 2, 4, 5]);
    expect(cantine.units).toEqual([{ label: "REPAS ENFANT", startTime: "12:15", endTime: "13:00" }]);
    expect(cantine.bookingRule).toEqual({ kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 2, timeOfDay: 1439 });
    const closed = cantine.closures.map((closure) => closure.date.toISOString().slice(0, 10));
    expect(closed).toContain("2026-10-19"); // Toussaint holidays
    expect(closed).toContain("2027-03-29"); // Lundi de Pâques
    expect(closed).not.toContain("2026-11-03"); // school resumed

    const accounts = await prisma.user.findMany({
      select: { email: true, role: true, passwordHash: true },
      orderBy: { email: "asc" },
    });
    expect(accounts.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: DEMO_ACCOUNTS.admin, role: "ADMIN" },
      { email: DEMO_ACCOUNTS.agent, role: "AGENT" },
      { email: DEMO_ACCOUNTS.parent, role: "PARENT" },
    ]);
    expect(accounts[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(accounts[0].passwordHash!, "portail-demo-2026")).toBe(true);
  });

  it("refuses to seed in production", async () => {
    const previous = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    try {
      await expect(seedDemo(database.prisma, { storageRoot })).rejects.toThrow(/jamais créées en production/);
    } finally {
      Object.assign(process.env, { NODE_ENV: previous });
    }
  });
});

// lib/db/errors.ts against the errors the databases really produce: Prisma 7's driver adapters
// wrap them differently on PGlite and on PostgreSQL, and both must be read the same way.
import { isCheckViolation, isTransactionConflict, isUniqueViolation, retryTransaction, sqlState } from "@/lib/db/errors";

import { createTestDatabase, itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe.each(testDatabaseKinds())("database errors on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.prisma.school.create({ data: { name: "ÉCOLE DES TILLEULS" } });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("recognises a duplicate key from a Prisma write, in or out of a transaction, and from raw SQL", async () => {
    const prisma = database.prisma;
    const errors = [
      await caught(() => prisma.school.create({ data: { name: "ÉCOLE DES TILLEULS" } })),
      await caught(() => prisma.$transaction((tx) => tx.school.create({ data: { name: "ÉCOLE DES TILLEULS" } }))),
      await caught(() => prisma.$executeRaw`INSERT INTO "School" ("id", "name") VALUES ('raw-school', 'ÉCOLE DES TILLEULS')`),
    ];
    for (const error of errors) {
      expect(sqlState(error)).toBe("23505");
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, "School_name_key")).toBe(true);
      expect(isUniqueViolation(error, "User_email_key")).toBe(false);
      expect(isCheckViolation(error)).toBe(false);
    }
  });

  it("recognises a CHECK refusal (a counter over its capacity) and tells it from a duplicate key", async () => {
    // The CHECK is evaluated before the foreign key: no unit is needed to see it refuse.
    const error = await caught(
      () =>
        database.prisma
          .$executeRaw`INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked") VALUES ('none', '2026-12-03', 1, 2)`,
    );
    expect(isCheckViolation(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });

  it("recognises a deadlock and a serialization failure raised inside a transaction, and runs it again", async () => {
    for (const state of ["40P01", "40001"]) {
      let calls = 0;
      const result = await retryTransaction(() =>
        database.prisma.$transaction(async (tx) => {
          calls += 1;
          if (calls === 1)
            await tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'conflit simulé' USING ERRCODE = '${state}'; END $$`);
          return tx.school.count();
        }),
      );
      expect(result).toBe(1);
      expect(calls).toBe(2);
    }
    const error = await caught(() =>
      database.prisma.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40P01'; END $$`),
    );
    expect(isTransactionConflict(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });

  itOnPostgres(kind)("runs again a serializable transaction that lost a real write-skew race", async () => {
    const prisma = database.prisma;
    // Two SERIALIZABLE transactions read the schools, then each adds one: PostgreSQL lets the
    // first commit and fails the second with 40001; retried, the second sees the first's row.
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const add = (name: string) => {
      let attempts = 0;
      return retryTransaction(() =>
        prisma.$transaction(
          async (tx) => {
            attempts += 1;
            const before = await tx.school.count({ where: { name: { startsWith: "RACE" } } });
            if (attempts === 1 && ++reads === 2) release();
            if (attempts === 1) await bothRead;
            await tx.school.create({ data: { name: `${name} ${before}` } });
            return attempts;
          },
          { isolationLevel: "Serializable" },
        ),
      );
    };
    const attempts = await Promise.all([add("RACE A"), add("RACE B")]);
    expect(attempts.sort()).toEqual([1, 2]);
    const names = (await prisma.school.findMany({ where: { name: { startsWith: "RACE" } }, select: { name: true } })).map(
      (school) => school.name.slice(-1),
    );
    expect(names.sort()).toEqual(["0", "1"]);
  });
});

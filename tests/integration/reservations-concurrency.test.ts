import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { addDays, dayToDate } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { confirmBooking } from "@/lib/reservations/book-days";

import { expectCountersBalancedAfterEach } from "../helpers/counters";
import { cantinePeriod, createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { describePostgres, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

// "Capacity is never exceeded, whatever the number of parents booking the last place at the
// same moment" (SPEC §6): real concurrency needs PostgreSQL (PGlite serialises everything).
const NOW = new Date("2026-11-26T10:00:00Z");
const root = path.resolve(__dirname, "../..");

describePostgres("booking the last places at the same moment, on PostgreSQL", () => {
  let database: TestDatabase;
  let cantine: { periodId: string; unitId: string };
  let families: FixtureFamily[];

  const setCapacity = (day: string, capacity: number) =>
    database.prisma.unitDay.create({
      data: { unitId: cantine.unitId, date: dayToDate(day), capacity, capacityOverridden: true },
    });
  const bookedOn = async (day: string) =>
    (
      await database.prisma.unitDay.findUniqueOrThrow({
        where: { unitId_date: { unitId: cantine.unitId, date: dayToDate(day) } },
      })
    ).booked;
  const book = (family: FixtureFamily, days: string[], replacesId?: string | null) =>
    confirmBooking(
      database.prisma,
      { familyId: family.familyId, userId: family.userId, email: family.email },
      {
        childId: family.childId,
        periodId: cantine.periodId,
        replacesId,
        days: days.map((date) => ({ unitId: cantine.unitId, date })),
      },
      NOW,
    );

  withDemoDatabase(
    "postgres",
    async (suite) => {
      database = suite.database;
      cantine = await cantinePeriod(database.prisma, "CAMBON");
      families = await createCompleteFamilies(database.prisma, 400);
    },
    { poolSize: 20, timeout: 120_000 },
  );
  expectCountersBalancedAfterEach(() => database.prisma);

  it("200 children for 37 places: exactly 37 booked, 163 clean French refusals", async () => {
    const capacity = 37;
    await setCapacity("2026-12-10", capacity);
    const results = await Promise.allSettled(families.slice(0, 200).map((family) => book(family, ["2026-12-10"])));
    const booked = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(booked).toHaveLength(capacity);
    expect(refused).toHaveLength(200 - capacity);
    for (const refusal of refused) {
      expect(refusal.reason).toBeInstanceOf(AppError);
      expect(refusal.reason.message).toBe(
        "Réservation impossible le jeu. 10/12/2026 (REPAS ENFANT) : plus de place disponible — contactez le service. Aucune journée n'a été réservée.",
      );
    }
    expect(await bookedOn("2026-12-10")).toBe(capacity);
    expect(await database.prisma.reservationDay.count({ where: { date: dayToDate("2026-12-10"), status: "ACCEPTED" } })).toBe(
      capacity,
    );
  }, 120_000);

  it("the same from two app processes against one database: exactly C booked", async () => {
    const capacity = 23;
    await setCapacity("2026-12-11", capacity);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portail-workers-"));
    const go = path.join(tmp, "go");
    const run = (slice: FixtureFamily[], index: number) => {
      const jobFile = path.join(tmp, `job-${index}.json`);
      fs.writeFileSync(
        jobFile,
        JSON.stringify({
          databaseUrl: database.url,
          families: slice,
          periodId: cantine.periodId,
          unitId: cantine.unitId,
          day: "2026-12-11",
          now: NOW.toISOString(),
        }),
      );
      return new Promise<{ booked: number; refusals: string[]; errors: string[] }>((resolve, reject) => {
        const child = spawn(
          path.join(root, "node_modules/.bin/tsx"),
          ["--conditions=react-server", "tests/integration/reservations-worker.ts", jobFile, go],
          {
            cwd: root,
            env: { ...process.env, NODE_OPTIONS: "" },
          },
        );
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.stderr.on("data", (chunk) => (err += chunk));
        child.on("exit", (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${index} failed (${code}): ${err}`)),
        );
      });
    };
    const workers = [run(families.slice(200, 300), 1), run(families.slice(300, 400), 2)];
    // Both processes load, then start booking together.
    while (fs.readdirSync(tmp).filter((file) => file.startsWith("go.ready-")).length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    fs.writeFileSync(go, "");
    const tallies = await Promise.all(workers);
    fs.rmSync(tmp, { recursive: true, force: true });

    expect(tallies.flatMap((tally) => tally.errors)).toEqual([]);
    expect(tallies[0].booked + tallies[1].booked).toBe(capacity);
    const refusals = tallies.flatMap((tally) => tally.refusals);
    expect(refusals).toHaveLength(200 - capacity);
    expect(new Set(refusals)).toEqual(
      new Set([
        "Réservation impossible le ven. 11/12/2026 (REPAS ENFANT) : plus de place disponible — contactez le service. Aucune journée n'a été réservée.",
      ]),
    );
    expect(await bookedOn("2026-12-11")).toBe(capacity);
  }, 180_000);

  it("the same child confirmed ten times at once (double click, two tabs): booked once, nine clean refusals", async () => {
    const family = families[399];
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => book(family, ["2027-03-01", "2027-03-02"])));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(AppError);
        expect(result.reason.message).toMatch(/déjà inscrit/);
      }
    }
    expect(await bookedOn("2027-03-01")).toBe(1);
    expect(await database.prisma.reservationDay.count({ where: { childId: family.childId, status: "ACCEPTED" } })).toBe(2);
  }, 60_000);

  it("a modification racing new bookings never over-books, and releases and takes places atomically", async () => {
    // Each round: A holds day X (capacity 1) and moves to day Y (capacity 1) while B books Y
    // and C books X at the same moment.
    // Mondays/Tuesdays and Thursdays/Fridays of January 2027 (no closure).
    const pairs = [0, 7, 14, 21, 28].flatMap((offset) => [addDays("2027-01-04", offset), addDays("2027-01-07", offset)]);
    for (const [round, x] of pairs.entries()) {
      const [a, b, c] = families.slice(round * 3, round * 3 + 3);
      const y = addDays(x, 1);
      await setCapacity(x, 1);
      await setCapacity(y, 1);
      const held = await book(a, [x]);
      const results = await Promise.allSettled([book(a, [y], held.reservationId), book(b, [y]), book(c, [x])]);
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason).toBeInstanceOf(AppError);
      }
      const [replaced, bookedY, bookedX] = results.map((result) => result.status === "fulfilled");
      expect(await bookedOn(x)).toBeLessThanOrEqual(1);
      expect(await bookedOn(y)).toBeLessThanOrEqual(1);
      // Y went to exactly one of A (moving) and B; X is free only if A moved.
      expect(Number(replaced) + Number(bookedY)).toBe(1);
      if (bookedX) expect(replaced).toBe(true);
      expect(await bookedOn(y)).toBe(1);
      expect(await bookedOn(x)).toBe(replaced ? Number(bookedX) : 1);
    }
  }, 120_000);
});

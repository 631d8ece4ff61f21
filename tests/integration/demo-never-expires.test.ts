import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parisWallClock } from "@/lib/reservations/booking-rules";
import { getEligiblePeriods, getPlanning } from "@/lib/reservations/reservations-query";
import { DEMO_IDS, seedDemo } from "@/prisma/seed";

import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

// `npm install && npm run dev` on any date offers bookable weeks: the seed builds the school year
// of its day (lib/catalogue/school-calendar.ts), and the next one from June.
describe("the demo town, whatever the date", () => {
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-demo-dates-"));
  afterAll(() => fs.rmSync(storageRoot, { recursive: true, force: true }));

  async function bookableDays(database: TestDatabase, now: Date) {
    const demo = { familyId: DEMO_IDS.family, userId: "" };
    const eligible = await getEligiblePeriods(database.prisma, demo, DEMO_IDS.julien, now);
    const cantines = eligible!.periods.filter((period) => period.establishment === "CANTINE ELEMENTAIRE CAMBON");
    const days: string[] = [];
    for (const period of cantines) {
      const planning = await getPlanning(database.prisma, demo, { childId: DEMO_IDS.julien, periodId: period.id }, now);
      days.push(...planning!.rows.filter((row) => row.cells.some((cell) => cell.kind === "bookable")).map((row) => row.day));
    }
    return { periods: cantines.map((period) => period.name), days };
  }

  it.each([
    { today: "2027-09-15", periods: ["CANTINE ELEMENTAIRE 2027-2028"], first: "2027-09-27" },
    { today: "2027-06-20", periods: ["CANTINE ELEMENTAIRE 2026-2027", "CANTINE ELEMENTAIRE 2027-2028"], first: "2027-06-28" },
    { today: "2027-07-15", periods: ["CANTINE ELEMENTAIRE 2027-2028"], first: "2027-09-02" },
    { today: "2031-12-24", periods: ["CANTINE ELEMENTAIRE 2031-2032"], first: "2032-01-05" },
  ])("seeded on $today, Julien can book from $first", async ({ today, periods, first }) => {
    const database = await createTestDatabase("pglite");
    try {
      await seedDemo(database.prisma, { storageRoot, today });
      const bookable = await bookableDays(database, parisWallClock(today, 10 * 60));
      expect(bookable.periods).toEqual(periods);
      expect(bookable.days[0]).toBe(first);
      expect(bookable.days.length).toBeGreaterThan(20);
    } finally {
      await database.drop();
    }
  });

  it("adds the next school year to a demo seeded earlier, once its bookings open, and changes nothing after", async () => {
    const database = await createTestDatabase("pglite");
    try {
      expect(await seedDemo(database.prisma, { storageRoot, today: "2027-05-10" })).toMatchObject({
        created: true,
        schoolYears: ["2026-2027"],
      });
      const again = await seedDemo(database.prisma, { storageRoot, today: "2027-06-01" });
      expect(again).toEqual({ created: false, schoolYears: ["2026-2027", "2027-2028"], addedSchoolYears: ["2027-2028"] });
      // Per school year, 14 school periods and 2 leisure Wednesday periods; the next holidays
      // (summer 2027) at the 4 leisure establishments once.
      expect(await database.prisma.period.count()).toBe(2 * (14 + 2) + 4);
      expect(await database.prisma.period.count({ where: { name: "VACANCES D'ÉTÉ 2027" } })).toBe(4);
      expect(await seedDemo(database.prisma, { storageRoot, today: "2027-06-02" })).toMatchObject({ addedSchoolYears: [] });
      expect(await database.prisma.period.count()).toBe(2 * (14 + 2) + 4);
      expect(
        await database.prisma.news.count({ where: { title: { startsWith: "Inscriptions à la restauration scolaire" } } }),
      ).toBe(2);
    } finally {
      await database.drop();
    }
  });
});

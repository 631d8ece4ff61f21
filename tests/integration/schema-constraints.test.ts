import fs from "node:fs";
import path from "node:path";

import { dayToDate } from "@/lib/dates/calendar-day";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe("schema.prisma and its migrations", () => {
  it("has a migration for every change: schema.prisma equals the snapshot of the last migration", () => {
    const root = path.resolve(__dirname, "../..");
    const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const snapshot = fs.readFileSync(path.join(root, "prisma/migrations/schema.snapshot.prisma"), "utf8");
    if (schema !== snapshot) {
      throw new Error(
        "prisma/schema.prisma a changé sans migration : lancez `npm run db:migration:create -- <nom>` puis commitez la migration et le snapshot.",
      );
    }
  });
});

describe.each(testDatabaseKinds())("database constraints on %s", (kind) => {
  let database: TestDatabase;
  let unitId: string;
  let childId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const prisma = database.prisma;
    const rule = await prisma.deadlineRule.create({ data: { kind: "DAYS_BEFORE", daysBefore: 2, timeOfDay: 600 } });
    const activity = await prisma.activity.create({ data: { code: "CANTINE", name: "RESTAURATION SCOLAIRE" } });
    const establishment = await prisma.establishment.create({ data: { name: "CANTINE TEST" } });
    const period = await prisma.period.create({
      data: {
        establishmentId: establishment.id,
        activityId: activity.id,
        name: "2026-2027",
        startDate: dayToDate("2026-09-01"),
        endDate: dayToDate("2027-07-02"),
        openWeekdays: [1, 2, 4, 5],
        bookingRuleId: rule.id,
        changeRuleId: rule.id,
      },
    });
    unitId = (
      await prisma.unit.create({
        data: { periodId: period.id, label: "REPAS", startTime: "12:15", endTime: "13:00", capacity: 2 },
      })
    ).id;
    const family = await prisma.family.create({ data: { name: "DURAND" } });
    childId = (
      await prisma.child.create({
        data: { familyId: family.id, firstName: "Léa", lastName: "DURAND", birthDate: dayToDate("2018-05-04") },
      })
    ).id;
  });
  afterAll(() => database?.drop());

  it("never lets a unit-day counter go over its capacity or below zero", async () => {
    const day = dayToDate("2026-12-07");
    await database.prisma.unitDay.create({ data: { unitId, date: day, capacity: 2, booked: 2 } });
    await expect(
      database.prisma.unitDay.update({ where: { unitId_date: { unitId, date: day } }, data: { booked: { increment: 1 } } }),
    ).rejects.toThrow();
    await expect(
      database.prisma.unitDay.update({ where: { unitId_date: { unitId, date: day } }, data: { booked: -1 } }),
    ).rejects.toThrow();
    const row = await database.prisma.unitDay.findUniqueOrThrow({ where: { unitId_date: { unitId, date: day } } });
    expect(row.booked).toBe(2);
  });

  it("never books a child twice on the same unit and day, but allows rebooking a cancelled line", async () => {
    const prisma = database.prisma;
    const { periodId } = await prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { periodId: true } });
    const family = await prisma.child.findUniqueOrThrow({ where: { id: childId }, select: { familyId: true } });
    const reservation = (status: "ACCEPTED" | "CANCELLED") =>
      prisma.reservation.create({
        data: {
          familyId: family.familyId,
          childId,
          periodId,
          status,
          days: { create: { childId, unitId, date: dayToDate("2026-12-08"), status } },
        },
      });
    await reservation("CANCELLED");
    const first = await reservation("ACCEPTED");
    await expect(reservation("ACCEPTED")).rejects.toThrow();
    expect(await prisma.reservationDay.count({ where: { childId, status: "ACCEPTED" } })).toBe(1);

    // Reservation numbers come from one sequence, in order.
    const numbers = await prisma.reservation.findMany({ select: { number: true }, orderBy: { number: "asc" } });
    expect(numbers.map((r) => r.number)).toEqual(numbers.map((_, index) => numbers[0].number + index));
    expect(first.number).toBeGreaterThan(numbers[0].number);
  });

  it("accepts only guardians 1 and 2", async () => {
    const family = await database.prisma.family.create({ data: { name: "MARTIN" } });
    await database.prisma.guardian.create({ data: { familyId: family.id, position: 1, lastName: "MARTIN", firstName: "Luc" } });
    await expect(
      database.prisma.guardian.create({ data: { familyId: family.id, position: 3, lastName: "MARTIN", firstName: "Zoé" } }),
    ).rejects.toThrow();
    await expect(
      database.prisma.guardian.create({ data: { familyId: family.id, position: 1, lastName: "MARTIN", firstName: "Zoé" } }),
    ).rejects.toThrow();
  });

  it("refuses a malformed deadline rule", async () => {
    await expect(
      database.prisma.deadlineRule.create({ data: { kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 8, timeOfDay: 1439 } }),
    ).rejects.toThrow();
    await expect(
      database.prisma.deadlineRule.create({ data: { kind: "DAYS_BEFORE", timeOfDay: 1440, daysBefore: 1 } }),
    ).rejects.toThrow();
  });
});

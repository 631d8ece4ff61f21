// Staff changing a period while parents book it: a closure added, or the dates moved, at the
// same moment as bookings of the affected days. Whatever the interleaving, no active booking
// may remain on a closed day or outside the period, and the counters stay equal to the booked
// days. Real concurrency needs PostgreSQL (PGlite serialises everything).
import type { StaffViewer } from "@/lib/auth/session";
import { updatePeriod } from "@/lib/catalogue/catalogue-admin";
import { addClosures } from "@/lib/catalogue/closures";
import { ZPeriodSchema } from "@/lib/catalogue/period.schema";
import { addDays, dateToDay, dayToDate } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { confirmBooking } from "@/lib/reservations/book-days";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { expectCountersBalancedAfterEach } from "../helpers/counters";
import { cantinePeriod, createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { holdRowLock, stillPending } from "../helpers/row-lock";
import { describePostgres, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

const NOW = new Date("2026-11-26T10:00:00Z");
const ACTIVE = ["PENDING", "ACCEPTED"] as const;

describePostgres("catalogue changes racing bookings, on PostgreSQL", () => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let cantine: { periodId: string; unitId: string };
  let families: FixtureFamily[];

  const book = (family: FixtureFamily, day: string) =>
    confirmBooking(
      database.prisma,
      { familyId: family.familyId, userId: family.userId, email: family.email },
      { childId: family.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: day }] },
      NOW,
    );
  const activeOn = (where: object) =>
    database.prisma.reservationDay.count({ where: { unitId: cantine.unitId, status: { in: [...ACTIVE] }, ...where } });
  const settle = async (promises: Promise<unknown>[]) => {
    const results = await Promise.allSettled(promises);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(AppError);
    return results.filter((result) => result.status === "fulfilled").length;
  };

  withDemoDatabase(
    "postgres",
    async (suite) => {
      database = suite.database;
      agent = await createStaffViewer(database.prisma, "AGENT");
      cantine = await cantinePeriod(database.prisma, "CAMBON");
      families = await createCompleteFamilies(database.prisma, 12);
    },
    { poolSize: 20, timeout: 120_000 },
  );
  expectCountersBalancedAfterEach(() => database.prisma);

  it("a closure added while families book that day: every booking is either cancelled by it or refused after it", async () => {
    // Each order is forced with a row lock held by the test (tests/helpers/row-lock.ts): the
    // bookings hold the period FOR KEY SHARE, the closure takes it FOR UPDATE, then the day's
    // counters FOR UPDATE. Then a few rounds run free, the closure starting at another moment
    // of the rush each time, for the timings nobody thought of.
    const forced = {
      "closure first": "2027-01-07",
      "bookings first": "2027-01-14",
      "closure amid the bookings": "2027-01-21",
    } as const;
    const free = ["2027-01-28", "2027-02-04", "2027-03-04", "2027-03-11", "2027-03-18"];
    const close = (day: string) =>
      addClosures(database.prisma, agent, { periodId: cantine.periodId, dates: [day], reason: "Grève", confirm: true });
    const lockPeriod = (mode: "FOR UPDATE" | "FOR KEY SHARE") =>
      holdRowLock(database.url!, `SELECT id FROM "Period" WHERE id = $1 ${mode}`, [cantine.periodId]);
    const checkDay = async (day: string) => {
      expect([day, await activeOn({ date: dayToDate(day) })]).toEqual([day, 0]);
      const counter = await database.prisma.unitDay.findUnique({
        where: { unitId_date: { unitId: cantine.unitId, date: dayToDate(day) } },
      });
      expect(counter?.booked ?? 0).toBe(0);
    };

    {
      // The closure holds the period first; every family's booking queues behind it and is refused.
      const day = forced["closure first"];
      const lock = await lockPeriod("FOR UPDATE");
      const closure = close(day);
      await lock.waitForBlockedByHolder(1);
      const bookings = families.map((family) => book(family, day));
      await lock.waitForWaiting(1 + families.length);
      await lock.release();
      const [outcome, booked] = await Promise.all([closure, settle(bookings)]);
      expect([outcome, booked]).toEqual([{ status: "done", added: 1, cancelled: 0, familiesMailed: 0 }, 0]);
      await checkDay(day);
    }
    {
      // The closure is sent first but waits (the test holds the period as a booking would):
      // every booking gets in meanwhile, and the closure then cancels them all.
      const day = forced["bookings first"];
      const lock = await lockPeriod("FOR KEY SHARE");
      const closure = close(day);
      await lock.waitForBlockedByHolder(1);
      expect(await settle(families.map((family) => book(family, day)))).toBe(families.length);
      expect(await stillPending(closure)).toBe(true);
      await lock.release();
      expect(await closure).toMatchObject({ status: "done", added: 1, cancelled: families.length });
      await checkDay(day);
    }
    {
      // Half the families book while the closure waits for the period; the closure then takes
      // it and waits on the day's counter (held by the test) while the other half queue behind
      // it: the first half are cancelled, the second refused.
      const day = forced["closure amid the bookings"];
      const [early, late] = [families.slice(0, 6), families.slice(6)];
      const periodLock = await lockPeriod("FOR KEY SHARE");
      const closure = close(day);
      await periodLock.waitForBlockedByHolder(1);
      expect(await settle(early.map((family) => book(family, day)))).toBe(early.length);
      const counterLock = await holdRowLock(
        database.url!,
        `SELECT 1 FROM "UnitDay" WHERE "unitId" = $1 AND "date" = $2::date FOR KEY SHARE`,
        [cantine.unitId, day],
      );
      await periodLock.release();
      await counterLock.waitForBlockedByHolder(1); // the closure, now holding the period
      const bookings = late.map((family) => book(family, day));
      await counterLock.waitForWaiting(1 + late.length);
      await counterLock.release();
      const [outcome, booked] = await Promise.all([closure, settle(bookings)]);
      expect([outcome, booked]).toEqual([expect.objectContaining({ status: "done", added: 1, cancelled: early.length }), 0]);
      await checkDay(day);
    }

    for (const [round, day] of free.entries()) {
      const bookings: Promise<unknown>[] = [];
      let closure: ReturnType<typeof addClosures> | null = null;
      for (const [index, family] of families.entries()) {
        if (index === (round * 5) % (families.length + 1)) closure = close(day);
        bookings.push(book(family, day));
        await new Promise((resolve) => setImmediate(resolve));
      }
      closure ??= close(day);
      const [outcome, booked] = await Promise.all([closure, settle(bookings)]);
      expect(outcome).toMatchObject({ status: "done", added: 1, cancelled: booked }); // every booking that got in was cancelled
      await checkDay(day);
    }
  }, 180_000);

  it("the period's end moved earlier while families book its last days: never an active day outside the period", async () => {
    const period = await database.prisma.period.findUniqueOrThrow({
      where: { id: cantine.periodId },
      include: { bookingRule: true, changeRule: true, eligibleSchools: true },
    });
    const time = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    const rule = (prefix: "booking" | "change", value: typeof period.bookingRule) => ({
      [`${prefix}Kind`]: value.kind,
      [`${prefix}Weekday`]: value.weekday?.toString() ?? "",
      [`${prefix}DaysBefore`]: value.daysBefore?.toString() ?? "",
      [`${prefix}Time`]: time(value.timeOfDay),
    });
    const form = (endDate: string) =>
      ZPeriodSchema.parse({
        establishmentId: period.establishmentId,
        activityId: period.activityId,
        name: period.name,
        startDate: dateToDay(period.startDate),
        endDate,
        openWeekdays: period.openWeekdays.join(","),
        lastBookingDate: "",
        ...rule("booking", period.bookingRule),
        ...rule("change", period.changeRule),
        validationMode: period.validationMode,
        minAgeYears: period.minAgeYears?.toString() ?? "",
        maxAgeYears: period.maxAgeYears?.toString() ?? "",
        schoolLevels: period.schoolLevels.join(","),
        eligibleSchoolIds: period.eligibleSchools.map((entry) => entry.schoolId).join(","),
        active: "on",
      });
    const originalEnd = dateToDay(period.endDate);
    const endBefore = (friday: string) =>
      updatePeriod(database.prisma, agent, cantine.periodId, form(addDays(friday, -1))).then(
        () => "edited" as const,
        (error: Error) => {
          expect(error.message).toMatch(/^Modification refusée : \d+ jours? réservés? /);
          return "refused" as const;
        },
      );
    const lockPeriod = (mode: "FOR UPDATE" | "FOR KEY SHARE") =>
      holdRowLock(database.url!, `SELECT id FROM "Period" WHERE id = $1 ${mode}`, [cantine.periodId]);
    const crowd = families.slice(0, 6);
    const afterRound = async () => {
      const { endDate } = await database.prisma.period.findUniqueOrThrow({
        where: { id: cantine.periodId },
        select: { endDate: true },
      });
      expect(await activeOn({ date: { gt: endDate } })).toBe(0);
      // Back to the school year for the next round (no booking is beyond it).
      await updatePeriod(database.prisma, agent, cantine.periodId, form(originalEnd));
    };
    // Each round: families book a Friday while staff end the period the day before it.
    const fridays = Array.from({ length: 6 }, (_, week) => addDays("2027-05-14", week * 7));

    {
      // Forced: the edit holds the period first, the bookings queue behind it and are refused.
      const lock = await lockPeriod("FOR UPDATE");
      const edit = endBefore(fridays[0]);
      await lock.waitForBlockedByHolder(1);
      const bookings = crowd.map((family) => book(family, fridays[0]));
      await lock.waitForWaiting(1 + crowd.length);
      await lock.release();
      const [outcome, booked] = await Promise.all([edit, settle(bookings)]);
      expect([outcome, booked]).toEqual(["edited", 0]);
      await afterRound();
    }
    {
      // Forced: the edit is sent first but waits; the bookings get in, and the edit is refused.
      const lock = await lockPeriod("FOR KEY SHARE");
      const edit = endBefore(fridays[1]);
      await lock.waitForBlockedByHolder(1);
      expect(await settle(crowd.map((family) => book(family, fridays[1])))).toBe(crowd.length);
      expect(await stillPending(edit)).toBe(true);
      await lock.release();
      expect(await edit).toBe("refused");
      await afterRound();
    }
    // Then free rounds, the edit sent a little later each time.
    for (const [round, friday] of fridays.slice(2).entries()) {
      const bookings = crowd.map((family) => book(family, friday));
      await new Promise((resolve) => setTimeout(resolve, round * 3));
      const [outcome, booked] = await Promise.all([endBefore(friday), settle(bookings)]);
      if (outcome === "edited") expect(booked).toBe(0);
      else expect(booked).toBeGreaterThan(0);
      await afterRound();
    }
  }, 120_000);
});

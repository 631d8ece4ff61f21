// Staff changing a period while parents book it: a closure added, or the dates moved, at the
// same moment as bookings of the affected days. Whatever the interleaving, no active booking
// may remain on a closed day or outside the period, and the counters stay equal to the booked
// days. Real concurrency needs PostgreSQL (PGlite serialises everything).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { StaffViewer } from "@/lib/auth/session";
import { addClosures } from "@/lib/catalogue/closures";
import { updatePeriod } from "@/lib/catalogue/catalogue-admin";
import { ZPeriodSchema } from "@/lib/catalogue/period.schema";
import { addDays, dateToDay, dayToDate } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { confirmBooking } from "@/lib/reservations/book-days";
import { seedDemo } from "@/prisma/seed";
import { cantinePeriod, createCompleteFamilies, type FixtureFamily } from "../e2e/fixtures/families";
import { counterMismatches } from "../e2e/fixtures/counters";
import { createStaffViewer } from "../helpers/admin-fixtures";
import { createTestDatabase, describePostgres, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

const NOW = new Date("2026-11-26T10:00:00Z");
const ACTIVE = ["PENDING", "ACCEPTED"] as const;

describePostgres("catalogue changes racing bookings, on PostgreSQL", () => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let cantine: { periodId: string; unitId: string };
  let families: FixtureFamily[];
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-catalogue-race-"));

  const book = (family: FixtureFamily, day: string) =>
    confirmBooking(
      database.prisma,
      { familyId: family.familyId, userId: family.userId },
      { childId: family.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: day }] },
      NOW,
    );
  const activeOn = (where: object) => database.prisma.reservationDay.count({ where: { unitId: cantine.unitId, status: { in: [...ACTIVE] }, ...where } });
  const settle = async (promises: Promise<unknown>[]) => {
    const results = await Promise.allSettled(promises);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(AppError);
    return results.filter((result) => result.status === "fulfilled").length;
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgres", { poolSize: 20 });
    useAsAppDatabase(database);
    await seedDemo(database.prisma, { storageRoot });
    agent = await createStaffViewer(database.prisma, "AGENT");
    cantine = await cantinePeriod(database.prisma, "CAMBON");
    families = await createCompleteFamilies(database.prisma, 12);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });
  afterEach(async () => {
    expect(await counterMismatches(database.prisma)).toEqual([]);
  });

  it("a closure added while families book that day: every booking is either cancelled by it or refused after it", async () => {
    // Thursdays of 2027 outside the school holidays.
    const days = ["2027-01-07", "2027-01-14", "2027-01-21", "2027-01-28", "2027-02-04", "2027-03-04", "2027-03-11", "2027-03-18"];
    const seen = { cancelledByClosure: 0, refusedAfterIt: 0 };
    for (const [round, day] of days.entries()) {
      // The closure starts at a different moment of the rush each round: before, amid, after.
      const bookings: Promise<unknown>[] = [];
      let closure: ReturnType<typeof addClosures> | null = null;
      for (const [index, family] of families.entries()) {
        if (index === (round * 5) % (families.length + 1)) closure = addClosures(agent, { periodId: cantine.periodId, dates: [day], reason: "Grève", confirm: true });
        bookings.push(book(family, day));
        await new Promise((resolve) => setImmediate(resolve));
      }
      closure ??= addClosures(agent, { periodId: cantine.periodId, dates: [day], reason: "Grève", confirm: true });
      const [outcome, booked] = await Promise.all([closure, settle(bookings)]);
      expect(outcome).toMatchObject({ status: "done", added: 1 });
      if (outcome?.status === "done") {
        expect(outcome.cancelled).toBe(booked); // every booking that got in was cancelled
        seen.cancelledByClosure += outcome.cancelled;
        seen.refusedAfterIt += families.length - booked;
      }
      expect([day, await activeOn({ date: dayToDate(day) })]).toEqual([day, 0]);
      const counter = await database.prisma.unitDay.findUnique({ where: { unitId_date: { unitId: cantine.unitId, date: dayToDate(day) } } });
      expect(counter?.booked ?? 0).toBe(0);
    }
    // Both orders happened (a sign the race was real, not a proof of every interleaving).
    console.log(`[catalogue race] closures: ${seen.cancelledByClosure} booking(s) got in first and were cancelled, ${seen.refusedAfterIt} came after and were refused`);
  }, 120_000);

  it("the period's end moved earlier while families book its last days: never an active day outside the period", async () => {
    const period = await database.prisma.period.findUniqueOrThrow({
      where: { id: cantine.periodId },
      include: { bookingRule: true, changeRule: true, eligibleSchools: true },
    });
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
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
    // Each round: families book a Friday while staff end the period the day before it.
    const fridays = Array.from({ length: 6 }, (_, week) => addDays("2027-05-14", week * 7));
    const outcomes = { editWon: 0, bookingsWon: 0 };
    for (const [round, friday] of fridays.entries()) {
      const bookings = families.slice(0, 6).map((family) => book(family, friday));
      await new Promise((resolve) => setTimeout(resolve, round * 3));
      const edit = updatePeriod(agent, cantine.periodId, form(addDays(friday, -1))).then(
        () => true,
        (error: Error) => {
          expect(error.message).toMatch(/^Modification refusée : \d+ jours? réservés? /);
          return false;
        },
      );
      const [edited] = await Promise.all([edit, settle(bookings)]);
      outcomes[edited ? "editWon" : "bookingsWon"]++;
      const { endDate } = await database.prisma.period.findUniqueOrThrow({ where: { id: cantine.periodId }, select: { endDate: true } });
      expect(await activeOn({ date: { gt: endDate } })).toBe(0);
      // Back to the school year for the next round (no booking is beyond it).
      await updatePeriod(agent, cantine.periodId, form(originalEnd));
    }
    console.log(`[catalogue race] period end moved: edit first ${outcomes.editWon}×, bookings first ${outcomes.bookingsWon}×`);
  }, 120_000);
});

import { createUnit, getUnitForStaff, updateUnit } from "@/lib/catalogue/units";
import { ZUnitCreateSchema, ZUnitUpdateSchema } from "@/lib/catalogue/units.schema";
import { dayToDate } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { confirmBooking, copyReservation } from "@/lib/reservations/book-days";
import { fromWire, toWire } from "@/lib/reservations/planning-wire";
import { getEligiblePeriods, getPlanning } from "@/lib/reservations/reservations-query";
import { DEMO_IDS, seedDemo } from "@/prisma/seed";
import { LEISURE_SERVICES } from "@/prisma/seed-catalogue";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { counterMismatches, expectCountersBalancedAfterEach } from "../helpers/counters";
import { completeChildSheet } from "../helpers/families";
import { describePostgres, testDatabaseKinds, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

// Issue #17, point 6: the demo's leisure activities (journée / demi-journée), eligibility by
// level, and the rule of the unit « a morning and an afternoon go together, not with the full
// day of the same date », enforced in the booking transaction.
// Thursday 26 November 2026 in Rodez: Wednesdays from 9 December and the Christmas holidays
// (21 December – 1 January) are before their deadline (Tuesday of the week before, 23:59).
const NOW = new Date("2026-11-26T10:00:00Z");
const SCHOOLS = ["CAMBON", "CARDAILLAC", "FLAUGERGUES", "FOCH", "GOURGAN", "MITTERRAND", "RAMADIER"];
const CLASH = "la journée et une demi-journée ne peuvent pas être réservées ensemble";

type Leisure = { periodId: string; JOURNEE: string; MATIN: string; "APRES-MIDI": string };

async function leisurePeriod(database: TestDatabase, establishment: string, name: string): Promise<Leisure> {
  const period = await database.prisma.period.findFirstOrThrow({
    where: { name, establishment: { name: establishment } },
    select: { id: true, units: { select: { id: true, label: true } } },
  });
  const unit = (label: string) => period.units.find((entry) => entry.label === label)!.id;
  return { periodId: period.id, JOURNEE: unit("JOURNEE"), MATIN: unit("MATIN"), "APRES-MIDI": unit("APRES-MIDI") };
}

describe.each(testDatabaseKinds())("leisure activities and day parts on %s", (kind) => {
  let database: TestDatabase;
  let mercredis: Leisure;
  let noelAlsh: Leisure;
  let noelSports: Leisure;
  const demo = { familyId: DEMO_IDS.family, userId: "", email: "famille.test@demo.fr" };

  type Line = [unit: "JOURNEE" | "MATIN" | "APRES-MIDI", date: string];
  const book = (period: Leisure, lines: Line[], options: { replacesId?: string; childId?: string } = {}) =>
    confirmBooking(
      database.prisma,
      demo,
      {
        childId: options.childId ?? DEMO_IDS.julien,
        periodId: period.periodId,
        ...(options.replacesId ? { replacesId: options.replacesId } : {}),
        days: lines.map(([unit, date]) => ({ unitId: period[unit], date })),
      },
      NOW,
    );
  const booked = async (unitId: string, day: string) =>
    (await database.prisma.unitDay.findUnique({ where: { unitId_date: { unitId, date: dayToDate(day) } } }))?.booked ?? 0;

  withDemoDatabase(kind, async (suite) => {
    database = suite.database;
    demo.userId = (await database.prisma.user.findUniqueOrThrow({ where: { email: demo.email }, select: { id: true } })).id;
  });
  expectCountersBalancedAfterEach(() => database.prisma);

  it("gives an older demo the leisure catalogue and opens its schools' services by level, once", async () => {
    // A demo seeded before issue #17: no leisure establishment, each canteen and garderie narrowed to its school.
    await database.prisma.establishment.deleteMany({ where: { name: { in: LEISURE_SERVICES.map((s) => s.establishment) } } });
    const periods = await database.prisma.period.findMany({
      select: { id: true, establishment: { select: { schoolId: true } } },
    });
    await database.prisma.periodEligibleSchool.createMany({
      data: periods.map((period) => ({ periodId: period.id, schoolId: period.establishment.schoolId! })),
    });
    const first = await getEligiblePeriods(database.prisma, demo, DEMO_IDS.julien, NOW);
    expect(first!.periods.map((period) => period.establishment)).toEqual([
      "CANTINE ELEMENTAIRE CAMBON",
      "GARDERIE ELEMENTAIRE CAMBON",
    ]);

    await seedDemo(database.prisma);
    expect(await database.prisma.periodEligibleSchool.count()).toBe(0);
    const names = (await database.prisma.establishment.findMany({ select: { name: true } })).map((row) => row.name);
    for (const service of ["ACCUEIL DE LOISIRS ", "JEUNESSE ", "SPORTS VACANCES "]) {
      expect(names.some((name) => name.startsWith(service))).toBe(true);
    }

    // Afterwards, a school a town chose for a period is kept by the next runs of the seed.
    const fochCantine = await database.prisma.period.findFirstOrThrow({
      where: { establishment: { name: "CANTINE ELEMENTAIRE FOCH" } },
      select: { id: true, establishment: { select: { schoolId: true } } },
    });
    await database.prisma.periodEligibleSchool.create({
      data: { periodId: fochCantine.id, schoolId: fochCantine.establishment.schoolId! },
    });
    await seedDemo(database.prisma);
    expect(await database.prisma.periodEligibleSchool.count()).toBe(1);

    mercredis = await leisurePeriod(database, "ACCUEIL DE LOISIRS SAINT-FELIX", "MERCREDIS 2026-2027");
    noelAlsh = await leisurePeriod(database, "ACCUEIL DE LOISIRS SAINT-FELIX", "VACANCES DE NOËL 2026");
    noelSports = await leisurePeriod(database, "SPORTS VACANCES COMPLEXE SPORTIF DE VABRE", "VACANCES DE NOËL 2026");
  });

  it("offers Julien (CM2 at Cambon) the 14 elementary canteens and garderies; a period narrowed to a school still narrows", async () => {
    const eligible = await getEligiblePeriods(database.prisma, demo, DEMO_IDS.julien, NOW);
    const offered = eligible!.periods.map((period) => period.establishment);
    const elementary = offered.filter((name) => /^(CANTINE|GARDERIE) ELEMENTAIRE /.test(name));
    expect(elementary).toEqual([
      ...SCHOOLS.filter((school) => school !== "FOCH").map((school) => `CANTINE ELEMENTAIRE ${school}`),
      ...SCHOOLS.map((school) => `GARDERIE ELEMENTAIRE ${school}`),
    ]);
    // The Foch canteen was narrowed to Foch's pupils by the test above: refused, with the reason.
    const foch = await database.prisma.period.findFirstOrThrow({
      where: { establishment: { name: "CANTINE ELEMENTAIRE FOCH" } },
      select: { id: true, units: { select: { id: true } } },
    });
    await expect(
      confirmBooking(
        database.prisma,
        demo,
        { childId: DEMO_IDS.julien, periodId: foch.id, days: [{ unitId: foch.units[0].id, date: "2026-12-10" }] },
        NOW,
      ),
    ).rejects.toThrow(/service réservé aux élèves d'une autre école/);
    await database.prisma.periodEligibleSchool.deleteMany({});
    const all = await getEligiblePeriods(database.prisma, demo, DEMO_IDS.julien, NOW);
    expect(all!.periods.filter((period) => /^(CANTINE|GARDERIE) ELEMENTAIRE /.test(period.establishment))).toHaveLength(14);
    // Leisure by level too: the elementary centre and Sports Vacances, not the maternelle's nor the Espace ados.
    expect(all!.periods.map((period) => period.establishment)).toEqual(
      expect.arrayContaining(["ACCUEIL DE LOISIRS SAINT-FELIX", "SPORTS VACANCES COMPLEXE SPORTIF DE VABRE"]),
    );
    expect(all!.periods.some((period) => /MATERNELLE|JEUNESSE/.test(period.establishment))).toBe(false);
  });

  it("books a morning and an afternoon of the same Wednesday together, in one request or two", async () => {
    const both = await book(mercredis, [
      ["MATIN", "2026-12-09"],
      ["APRES-MIDI", "2026-12-09"],
    ]);
    expect(both.status).toBe("ACCEPTED");
    await book(mercredis, [["MATIN", "2026-12-16"]]);
    await book(mercredis, [["APRES-MIDI", "2026-12-16"]]);
    expect([await booked(mercredis.MATIN, "2026-12-16"), await booked(mercredis["APRES-MIDI"], "2026-12-16")]).toEqual([1, 1]);
  });

  it("refuses the full day after a half-day of the same date, naming the date; nothing is booked", async () => {
    const reservations = await database.prisma.reservation.count();
    await expect(
      book(mercredis, [
        ["JOURNEE", "2027-01-06"],
        ["JOURNEE", "2026-12-09"],
      ]),
    ).rejects.toThrow(`Le 09/12/2026 : ${CLASH}. Aucune journée n'a été réservée.`);
    expect(await database.prisma.reservation.count()).toBe(reservations);
    expect([await booked(mercredis.JOURNEE, "2026-12-09"), await booked(mercredis.JOURNEE, "2027-01-06")]).toEqual([0, 0]);
    // And a half-day after the full day; and both in one request.
    await book(mercredis, [["JOURNEE", "2027-01-13"]]);
    await expect(book(mercredis, [["APRES-MIDI", "2027-01-13"]])).rejects.toMatchObject({
      code: "DAY_PART_CLASH",
      message: `Le 13/01/2027 : ${CLASH}. Aucune journée n'a été réservée.`,
    });
    await expect(
      book(mercredis, [
        ["JOURNEE", "2027-01-20"],
        ["MATIN", "2027-01-20"],
      ]),
    ).rejects.toThrow(`Le 20/01/2027 : ${CLASH}.`);
  });

  it("applies across establishments: a Sports Vacances half-day is refused on a day of the leisure centre", async () => {
    const alsh = await book(noelAlsh, [["JOURNEE", "2026-12-22"]]);
    expect(alsh.status).toBe("ACCEPTED");
    await expect(book(noelSports, [["MATIN", "2026-12-22"]])).rejects.toThrow(`Le 22/12/2026 : ${CLASH}.`);
    // Sports Vacances is validated by its staff: « En attente de traitement ».
    const sports = await book(noelSports, [["MATIN", "2026-12-23"]]);
    expect(sports.status).toBe("PENDING");
  });

  it("lets a modification swap the full day for two half-days, and the planning greys what clashes", async () => {
    const full = await book(mercredis, [["JOURNEE", "2027-02-03"]]);
    const planning = await getPlanning(database.prisma, demo, { childId: DEMO_IDS.julien, periodId: mercredis.periodId }, NOW);
    expect(planning!.hasDayParts).toBe(true);
    const row = planning!.rows.find((entry) => entry.day === "2027-02-03")!;
    const cell = (unitId: string) => row.cells.find((entry) => entry.unitId === unitId)!;
    expect(cell(mercredis.JOURNEE)).toMatchObject({ kind: "booked", checked: true });
    expect(cell(mercredis.MATIN)).toMatchObject({
      kind: "day_part",
      editable: false,
      reason: `JOURNEE déjà réservé ce jour-là (réservation n° ${full.number}) : ${CLASH}`,
    });
    // What the page sends the browser (lib/reservations/planning-wire.ts) gives this planning back whole.
    expect(fromWire(JSON.parse(JSON.stringify(toWire(planning!))))).toEqual(planning);

    const swapped = await book(
      mercredis,
      [
        ["MATIN", "2027-02-03"],
        ["APRES-MIDI", "2027-02-03"],
      ],
      { replacesId: full.reservationId! },
    );
    expect(swapped.days.map((line) => line.unitLabel)).toEqual(["APRES-MIDI", "MATIN"]);
    expect(await booked(mercredis.JOURNEE, "2027-02-03")).toBe(0);
    // A modification that keeps the morning and adds the full day is refused.
    await expect(
      book(
        mercredis,
        [
          ["MATIN", "2027-02-03"],
          ["JOURNEE", "2027-02-03"],
        ],
        { replacesId: swapped.reservationId! },
      ),
    ).rejects.toThrow(`Le 03/02/2027 : ${CLASH}.`);
  });

  it("copies a reservation to another child day by day, refusing the days that clash with that child's", async () => {
    await completeChildSheet(database.prisma, DEMO_IDS.julie, { schoolLevel: "CE1" });
    await book(mercredis, [["JOURNEE", "2027-03-03"]], { childId: DEMO_IDS.julie });
    const julien = await book(mercredis, [
      ["MATIN", "2027-03-03"],
      ["MATIN", "2027-03-10"],
    ]);
    const copy = await copyReservation(
      database.prisma,
      demo,
      { reservationId: julien.reservationId!, childId: DEMO_IDS.julie },
      NOW,
    );
    expect(copy.booked.map((line) => line.date)).toEqual(["2027-03-10"]);
    expect(copy.refused).toEqual([{ date: "2027-03-03", unitLabel: "MATIN", reason: CLASH }]);
  });
});

describe.each(testDatabaseKinds())("the day part in the staff unit form on %s", (kind) => {
  let database: TestDatabase;
  withDemoDatabase(kind, (suite) => {
    database = suite.database;
  });

  it("sets, changes and clears a unit's day part, audited; refuses an unknown one in French", async () => {
    const agent = await createStaffViewer(database.prisma, "AGENT");
    const period = await database.prisma.period.findFirstOrThrow({
      where: { name: "MERCREDIS 2026-2027", establishment: { name: "ACCUEIL DE LOISIRS SAINT-FELIX" } },
      select: { id: true },
    });
    const form = { periodId: period.id, label: "JOURNEE SORTIE", startTime: "08:00", endTime: "18:00", capacity: "20" };
    const { id } = await createUnit(database.prisma, agent, ZUnitCreateSchema.parse({ ...form, dayPart: "FULL_DAY" }));
    expect((await getUnitForStaff(database.prisma, agent, id))!.dayPart).toBe("FULL_DAY");
    await updateUnit(database.prisma, agent, ZUnitUpdateSchema.parse({ ...form, id, dayPart: "AFTERNOON" }));
    expect((await getUnitForStaff(database.prisma, agent, id))!.dayPart).toBe("AFTERNOON");
    await updateUnit(database.prisma, agent, ZUnitUpdateSchema.parse({ ...form, id, dayPart: "" }));
    expect((await getUnitForStaff(database.prisma, agent, id))!.dayPart).toBeNull();
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "unit.update", targetId: id },
      orderBy: { id: "asc" },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ before: { dayPart: "FULL_DAY" }, after: { dayPart: "AFTERNOON" } });
    const refused = ZUnitCreateSchema.safeParse({ ...form, dayPart: "SOIREE" });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({
      path: ["dayPart"],
      message: "Choisissez journée, demi-journée (matin ou après-midi) ou aucune.",
    });
  });
});

describePostgres("a full day and a half-day for the same child at the same moment, on PostgreSQL", () => {
  let database: TestDatabase;
  let mercredis: Leisure;
  const demo = { familyId: DEMO_IDS.family, userId: "", email: "famille.test@demo.fr" };

  withDemoDatabase(
    "postgres",
    async (suite) => {
      database = suite.database;
      demo.userId = (await database.prisma.user.findUniqueOrThrow({ where: { email: demo.email }, select: { id: true } })).id;
      mercredis = await leisurePeriod(database, "ACCUEIL DE LOISIRS SAINT-FELIX", "MERCREDIS 2026-2027");
    },
    { poolSize: 6 },
  );
  expectCountersBalancedAfterEach(() => database.prisma);

  it("books exactly one of the two, every time; counters equal the booked days", async () => {
    const wednesdays = ["2026-12-09", "2026-12-16", "2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"];
    for (const [index, date] of wednesdays.entries()) {
      const half = index % 2 === 0 ? "MATIN" : "APRES-MIDI";
      const attempts = await Promise.allSettled(
        (["JOURNEE", half] as const).map((unit) =>
          confirmBooking(
            database.prisma,
            demo,
            { childId: DEMO_IDS.julien, periodId: mercredis.periodId, days: [{ unitId: mercredis[unit], date }] },
            NOW,
          ),
        ),
      );
      expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
      const refused = attempts.find((attempt) => attempt.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(AppError);
      expect((refused.reason as AppError).code).toBe("DAY_PART_CLASH");
      const days = await database.prisma.reservationDay.count({
        where: { childId: DEMO_IDS.julien, date: dayToDate(date), status: { in: ["PENDING", "ACCEPTED"] } },
      });
      expect(days).toBe(1);
    }
    expect(await counterMismatches(database.prisma)).toEqual([]);
  });
});

// The capacity invariant every booking test relies on (tests/helpers/counters.ts) must itself be
// able to fail: a counter that drifts, and a booked day whose counter row is missing altogether
// (a check that only walks the UnitDay rows would never see it).
import { dayToDate } from "@/lib/dates/calendar-day";

import { createCatalogue, createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { counterMismatches } from "../helpers/counters";
import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("the counters check on %s", (kind) => {
  let database: TestDatabase;
  withTestDatabase(kind, (suite) => ({ database } = suite));

  it("finds nothing when every counter equals its booked days, and names each unit-day that does not balance", async () => {
    const catalogue = await createCatalogue(database.prisma);
    const family = await createFamily(database.prisma, "MARTIN");
    const [matin, soir] = catalogue.club.units.map((unit) => unit.id);
    const lines = [
      { unitId: matin, day: "2027-01-14" },
      { unitId: soir, day: "2027-01-14" },
      { unitId: matin, day: "2027-01-15" },
    ];
    await createFamilyReservation(database.prisma, family, catalogue.club.id, "ACCEPTED", lines);
    expect(await counterMismatches(database.prisma)).toEqual([]);

    // A booked day with no counter row at all.
    await database.prisma.unitDay.delete({ where: { unitId_date: { unitId: soir, date: dayToDate("2027-01-14") } } });
    // A counter that says more than its booked days.
    await database.prisma.unitDay.update({
      where: { unitId_date: { unitId: matin, date: dayToDate("2027-01-15") } },
      data: { booked: 2 },
    });
    // A counter for a day nobody booked.
    await database.prisma.unitDay.create({ data: { unitId: matin, date: dayToDate("2027-01-18"), capacity: 40, booked: 1 } });

    const mismatches = await counterMismatches(database.prisma);
    expect(mismatches.sort((a, b) => a.date.getTime() - b.date.getTime())).toEqual([
      { unitId: soir, date: dayToDate("2027-01-14"), booked: 0, active: 1 },
      { unitId: matin, date: dayToDate("2027-01-15"), booked: 2, active: 1 },
      { unitId: matin, date: dayToDate("2027-01-18"), booked: 1, active: 0 },
    ]);
  });
});

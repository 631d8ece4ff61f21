// Pointage (issue #18 point 10) and the evening's daily list (point 9), on both databases:
// who may mark and correct which day, refusals that change nothing, what the lists, the family
// page and the journal then show, and the town's setting on billing excused absences.
import { familyAttendance, markAttendance, readBillExcusedAbsence, setBillExcusedAbsence } from "@/lib/attendance/attendance";
import { ADMIN_ONLY_CORRECTION_MESSAGE, FUTURE_DAY_MESSAGE } from "@/lib/attendance/correction-window";
import { listAuditEntries } from "@/lib/audit/journal";
import { ZJournalFilterSchema } from "@/lib/audit/journal.schema";
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import { classLabel } from "@/lib/lists/class-label";
import { dailyList, kitchenCounts } from "@/lib/lists/daily-list";
import { ZKitchenQuerySchema } from "@/lib/lists/list.schema";
import { decideReservation } from "@/lib/reservations/decisions";

import { createFamily, createFamilyReservation, createStaffViewer } from "../helpers/admin-fixtures";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const TODAY = "2026-12-17";
const YESTERDAY = "2026-12-16";
const BEFORE_YESTERDAY = "2026-12-15";
const TOMORROW = "2026-12-18";

describe.each(testDatabaseKinds())("attendance and the evening's lists on %s", (kind) => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let admin: StaffViewer;
  let catalogue: Catalogue;
  /** Reservation days of the MARTIN family's child, by day (SOIR). */
  const days: Record<string, string> = {};
  let pendingDayId: string;
  let familyId: string;
  const saved = { clock: process.env.PORTAIL_CLOCK, anchor: process.env.PORTAIL_CLOCK_ANCHOR };

  withStaffTestBed(kind, { catalogue: true }, async (suite) => {
    ({ database, agent, catalogue } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
    const prisma = database.prisma;
    const family = await createFamily(prisma, "MARTIN", {
      children: [
        { firstName: "Léa", schoolId: catalogue.school.id, schoolClass: "CE1 – Mme Vidal", diet: "AUCUN", allergies: "Kiwi" },
      ],
    });
    familyId = family.id;
    const child = family.children[0].id;
    await prisma.guardian.create({
      data: { familyId, position: 1, lastName: "MARTIN", firstName: "Paul", mobilePhone: "06 10 20 30 40" },
    });
    await prisma.authorisedPerson.create({
      data: { childId: child, position: 1, name: "Nina ROUX", relation: "Voisine", phone: "06 55 44 33 22" },
    });
    await prisma.child.update({ where: { id: child }, data: { authLeaveAlone: false } });
    const evening = catalogue.club.units[1].id;
    const reservation = await createFamilyReservation(prisma, family, catalogue.club.id, "ACCEPTED", [
      { unitId: evening, day: TODAY },
      { unitId: evening, day: YESTERDAY },
      { unitId: evening, day: BEFORE_YESTERDAY },
      { unitId: evening, day: TOMORROW },
    ]);
    for (const day of reservation.days) days[day.date.toISOString().slice(0, 10)] = day.id;
    await createFamilyReservation(prisma, family, catalogue.canteen.id, "ACCEPTED", [
      { unitId: catalogue.canteen.units[0].id, day: TODAY },
    ]);
    const waiting = await createFamily(prisma, "ATTENTE");
    pendingDayId = (
      await createFamilyReservation(prisma, waiting, catalogue.club.id, "PENDING", [
        { unitId: catalogue.club.units[0].id, day: TODAY },
      ])
    ).days[0].id;
    process.env.PORTAIL_CLOCK = `${TODAY}T17:00:00+01:00`;
    process.env.PORTAIL_CLOCK_ANCHOR = String(Date.now());
  });
  afterAll(() => {
    process.env.PORTAIL_CLOCK = saved.clock;
    if (saved.clock === undefined) delete process.env.PORTAIL_CLOCK;
    if (saved.anchor === undefined) delete process.env.PORTAIL_CLOCK_ANCHOR;
    else process.env.PORTAIL_CLOCK_ANCHOR = saved.anchor;
  });

  /** Every attendance row and every audit entry: what a refused call must leave as it was. */
  const snapshot = async () => ({
    attendance: await database.prisma.attendance.findMany({ orderBy: { reservationDayId: "asc" } }),
    audit: await database.prisma.auditLog.count({ where: { action: { startsWith: "attendance." } } }),
  });

  it("shows on the after-school list who may collect the child, whether they may leave alone, the class once", async () => {
    const list = await dailyList(database.prisma, agent, { date: TODAY });
    const evening = list.units.find((unit) => unit.label === "SOIR")!;
    expect(evening.isMeal).toBe(false);
    expect(
      evening.accepted.map((child) => [child.name, child.guardians, child.authorisedPersons, child.leaveAlone, child.attendance]),
    ).toEqual([["MARTIN LÉA", "MARTIN Paul 06 10 20 30 40", "Nina ROUX (Voisine) 06 55 44 33 22", false, null]]);
    expect(evening.accepted[0].reservationDayId).toBe(days[TODAY]);
    const [lea] = evening.accepted;
    expect(classLabel(lea.schoolLevel, lea.schoolClass)).toBe("CE1 – Mme Vidal");
    expect(list.units.find((unit) => unit.label === "REPAS ENFANT")!.isMeal).toBe(true);
  });

  it("counts a « Standard » meal of a child with an allergy as « dont PAI / allergie » in the kitchen's counts", async () => {
    const counts = await kitchenCounts(database.prisma, agent, ZKitchenQuerySchema.parse({ date: TODAY }));
    expect(counts.rows.map((row) => [row.establishment, row.perDay[TODAY], row.flaggedPerDay[TODAY]])).toEqual([
      ["CANTINE ELEMENTAIRE CAMBON", { AUCUN: 1 }, { AUCUN: 1 }],
    ]);
  });

  it("refuses a parent and a visitor's viewer, an unknown id and a day not accepted, with nothing changed", async () => {
    const before = await snapshot();
    const family = await database.prisma.family.findFirstOrThrow({
      where: { id: familyId },
      select: { users: { select: { id: true, email: true } } },
    });
    const parent: Viewer = { userId: family.users[0].id, email: family.users[0].email, name: "Parent", role: "PARENT", familyId };
    const input = { reservationDayId: days[TODAY], status: "PRESENT" as const };
    await expect(markAttendance(database.prisma, parent as StaffViewer, input)).rejects.toThrow("réservées aux agents");
    await expect(familyAttendance(database.prisma, parent as StaffViewer, familyId)).rejects.toThrow("réservées aux agents");
    const visitor = { userId: "", email: "", name: "", role: "VISITOR", familyId: null } as unknown as StaffViewer;
    await expect(markAttendance(database.prisma, visitor, input)).rejects.toThrow("réservées aux agents");
    await expect(
      markAttendance(database.prisma, agent, { reservationDayId: "00000000-0000-4000-8000-000000000000", status: "PRESENT" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      markAttendance(database.prisma, agent, { reservationDayId: pendingDayId, status: "PRESENT" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(markAttendance(database.prisma, admin, { reservationDayId: days[TOMORROW], status: "ABSENT" })).rejects.toThrow(
      FUTURE_DAY_MESSAGE,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("lets an agent mark today and correct yesterday, shown on the list and the family page, each change journaled", async () => {
    expect(await markAttendance(database.prisma, agent, { reservationDayId: days[TODAY], status: "PRESENT" })).toEqual({
      status: "PRESENT",
      changed: true,
    });
    await markAttendance(database.prisma, agent, { reservationDayId: days[YESTERDAY], status: "ABSENT" });
    await markAttendance(database.prisma, agent, { reservationDayId: days[YESTERDAY], status: "ABSENT_EXCUSE" });
    // The same mark again changes nothing and writes nothing.
    expect(await markAttendance(database.prisma, agent, { reservationDayId: days[TODAY], status: "PRESENT" })).toEqual({
      status: "PRESENT",
      changed: false,
    });
    const evening = (await dailyList(database.prisma, agent, { date: YESTERDAY })).units.find((unit) => unit.label === "SOIR")!;
    expect(evening.accepted.map((child) => child.attendance)).toEqual(["ABSENT_EXCUSE"]);
    const rows = await familyAttendance(database.prisma, agent, familyId);
    // Up to today only (tomorrow is not listed), the most recent first.
    expect(rows.filter((row) => row.unit === "SOIR").map((row) => [row.date, row.status])).toEqual([
      [TODAY, "PRESENT"],
      [YESTERDAY, "ABSENT_EXCUSE"],
      [BEFORE_YESTERDAY, null],
    ]);
    const entries = await database.prisma.auditLog.findMany({
      where: { action: { startsWith: "attendance." } },
      orderBy: { id: "asc" },
      select: { action: true, actorUserId: true, familyId: true },
    });
    expect(entries).toEqual([
      { action: "attendance.mark", actorUserId: agent.userId, familyId },
      { action: "attendance.mark", actorUserId: agent.userId, familyId },
      { action: "attendance.correct", actorUserId: agent.userId, familyId },
    ]);
  });

  it("keeps the day before yesterday from an agent, with nothing changed, and lets an admin correct it", async () => {
    const before = await snapshot();
    await expect(
      markAttendance(database.prisma, agent, { reservationDayId: days[BEFORE_YESTERDAY], status: "PRESENT" }),
    ).rejects.toThrow(ADMIN_ONLY_CORRECTION_MESSAGE);
    expect(await snapshot()).toEqual(before);
    await markAttendance(database.prisma, admin, { reservationDayId: days[BEFORE_YESTERDAY], status: "ABSENT" });
    const row = await database.prisma.attendance.findUniqueOrThrow({ where: { reservationDayId: days[BEFORE_YESTERDAY] } });
    expect([row.status, row.markedByUserId]).toEqual(["ABSENT", admin.userId]);
  });

  it("writes the pointage and a refusal in plain French in the journal, findable by the family's name", async () => {
    await decideReservation(database.prisma, agent, { decision: "REFUSED", dayId: pendingDayId, message: "Plus de place" });
    const number = (
      await database.prisma.reservationDay.findUniqueOrThrow({
        where: { id: pendingDayId },
        select: { reservation: { select: { number: true } } },
      })
    ).reservation.number;
    const journal = await listAuditEntries(database.prisma, admin, ZJournalFilterSchema.parse({ family: "mart" }));
    const lines = journal.entries.map((entry) => entry.details.join(" | "));
    expect(lines).toContain("Réservation n° 000001 – 16/12 SOIR – MARTIN LÉA : Absent excusé (avant : Absent)");
    expect(journal.entries.every((entry) => entry.familyName === "MARTIN")).toBe(true);
    const refusal = await listAuditEntries(database.prisma, admin, ZJournalFilterSchema.parse({ family: "ATTENTE" }));
    expect(refusal.entries.map((entry) => entry.details.join(" | "))).toEqual([
      `Réservation n° ${String(number).padStart(6, "0")} – 17/12 MATIN refusée – motif : Plus de place`,
    ]);
    expect(JSON.stringify(journal.entries.concat(refusal.entries).map((entry) => entry.details))).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-|lines|\{/,
    );
  });

  it("stores the town's choice on billing an excused absence: an admin's, not an agent's", async () => {
    expect(await readBillExcusedAbsence(database.prisma)).toBe(false);
    await expect(setBillExcusedAbsence(database.prisma, agent, { billExcusedAbsence: true })).rejects.toThrow(
      "réservées aux administrateurs",
    );
    expect(await readBillExcusedAbsence(database.prisma)).toBe(false);
    await setBillExcusedAbsence(database.prisma, admin, { billExcusedAbsence: true });
    expect(await readBillExcusedAbsence(database.prisma)).toBe(true);
    expect(
      await database.prisma.auditLog.count({ where: { action: "town-settings.excused-absence", actorUserId: admin.userId } }),
    ).toBe(1);
  });
});

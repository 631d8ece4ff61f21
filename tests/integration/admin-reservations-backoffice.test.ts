// Issue #18 points 6–8 in the data layer: the queue's bulk decisions (one transaction per
// reservation), the staff cancellation of days for a family who phoned, the staff reservation
// page's reading, « Toutes les réservations » and the back office's search and to-do.
import type { ParentViewer, StaffViewer, Viewer } from "@/lib/auth/session";
import { decideLines } from "@/lib/reservations/decisions";
import { cancelDaysByStaff } from "@/lib/reservations/staff-cancellation";
import { ZReservationSearchSchema } from "@/lib/reservations/staff-reservation.schema";
import { getReservationForStaff, listReservationsForStaff } from "@/lib/reservations/staff-reservations";
import { backOfficeTodo, searchBackOffice } from "@/lib/staff/back-office-home";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { counterMismatches, expectCountersBalancedAfterEach } from "../helpers/counters";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { describePostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("the back office's reservations on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed(kind, { catalogue: true }, (suite) => ({ database, smtp, agent, catalogue } = suite));
  expectCountersBalancedAfterEach(() => database.prisma);

  const reservationFor = async (name: string, days: string[], status: "PENDING" | "ACCEPTED" = "PENDING") => {
    const family = await createFamily(database.prisma, name, { email: `${name.toLowerCase()}@exemple.fr` });
    const lines = days.flatMap((day) => catalogue.club.units.map((unit) => ({ unitId: unit.id, day })));
    const reservation = await createFamilyReservation(database.prisma, family, catalogue.club.id, status, lines);
    return { family, reservation };
  };
  const booked = async (unitId: string, day: string) =>
    (
      await database.prisma.unitDay.findUniqueOrThrow({
        where: { unitId_date: { unitId, date: new Date(`${day}T00:00:00Z`) } },
        select: { booked: true },
      })
    ).booked;
  /** Every row the refused calls could have touched, to compare before and after. */
  const snapshot = async () => ({
    days: await database.prisma.reservationDay.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, staffMessage: true, decidedByUserId: true },
    }),
    reservations: await database.prisma.reservation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    counters: await database.prisma.unitDay.findMany({
      orderBy: [{ unitId: "asc" }, { date: "asc" }],
      select: { unitId: true, date: true, booked: true },
    }),
    audit: await database.prisma.auditLog.count(),
    mails: await database.prisma.outboxMail.count(),
  });
  const parentOf = (family: { id: string; user: { id: string; email: string } }): ParentViewer => ({
    userId: family.user.id,
    email: family.user.email,
    name: "Parent",
    role: "PARENT",
    familyId: family.id,
  });

  describe("bulk decisions", () => {
    it("accepts lines of three reservations, each in its own transaction, with one mail per family and a summary", async () => {
      const first = await reservationFor("BULKA", ["2026-12-07"]);
      const second = await reservationFor("BULKB", ["2026-12-07", "2026-12-08"]);
      const third = await reservationFor("BULKC", ["2026-12-08"]);
      const secondLines = second.reservation.days.filter((line) => line.date.toISOString().startsWith("2026-12-07"));
      const dayIds = [first.reservation.days[0].id, ...secondLines.map((line) => line.id), third.reservation.days[1].id];

      const summary = await decideLines(database.prisma, agent, { decision: "ACCEPTED", dayIds, message: null });

      expect(summary.decided.map((entry) => [entry.familyName, entry.lines])).toEqual([
        ["BULKA", 1],
        ["BULKB", 2],
        ["BULKC", 1],
      ]);
      expect(summary.skipped).toEqual([]);
      const statuses = await database.prisma.reservationDay.findMany({ where: { id: { in: dayIds } }, select: { status: true } });
      expect(statuses.map((line) => line.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"]);
      // The other lines still wait: their reservations stay pending.
      expect(
        await database.prisma.reservationDay.count({ where: { reservationId: second.reservation.id, status: "PENDING" } }),
      ).toBe(2);
      expect(await database.prisma.auditLog.count({ where: { action: "reservation.accept" } })).toBe(3);
      expect(await database.prisma.outboxMail.count({ where: { kind: "reservation-decision" } })).toBe(3);
      expect(await counterMismatches(database.prisma)).toEqual([]);
      const mails = await deliverMails(database, smtp);
      expect(mails.map((mail) => mail.to[0]).sort()).toEqual(["bulka@exemple.fr", "bulkb@exemple.fr", "bulkc@exemple.fr"]);
    });

    it("refuses a selection, frees the places, and reports a reservation another agent decided meanwhile", async () => {
      const first = await reservationFor("REFA", ["2026-12-10"]);
      const second = await reservationFor("REFB", ["2026-12-10"]);
      const unitId = catalogue.club.units[0].id;
      expect(await booked(unitId, "2026-12-10")).toBe(2);
      // Another agent accepted the second reservation's first line just before.
      await decideLines(database.prisma, agent, { decision: "ACCEPTED", dayIds: [second.reservation.days[0].id], message: null });
      const firstMatin = first.reservation.days.find((line) => line.unitId === unitId)!;

      const summary = await decideLines(database.prisma, agent, {
        decision: "REFUSED",
        dayIds: [firstMatin.id, second.reservation.days[0].id],
        message: "Complet",
      });

      expect(summary.decided.map((entry) => entry.familyName)).toEqual(["REFA"]);
      expect(summary.skipped).toEqual([
        { reservationNumber: second.reservation.number, reason: "Cette demande a déjà été traitée." },
      ]);
      expect(await booked(unitId, "2026-12-10")).toBe(1);
      const refused = await database.prisma.reservationDay.findUniqueOrThrow({ where: { id: firstMatin.id } });
      expect(refused).toMatchObject({ status: "REFUSED", staffMessage: "Complet", decidedByUserId: agent.userId });
    });

    it("refuses a selection naming an unknown line, with nothing changed", async () => {
      const { reservation } = await reservationFor("INCONNU", ["2026-12-11"]);
      const before = await snapshot();
      await expect(
        decideLines(database.prisma, agent, {
          decision: "REFUSED",
          dayIds: [reservation.days[0].id, "00000000-0000-4000-8000-000000000000"],
          message: null,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    });

    it("refuses parents and visitors, with nothing changed", async () => {
      const { family, reservation } = await reservationFor("INTRUS", ["2026-12-14"]);
      const before = await snapshot();
      const visitor = { userId: "", email: "", name: "", role: "VISITOR", familyId: null } as unknown as Viewer;
      for (const viewer of [parentOf(family), visitor]) {
        await expect(
          decideLines(database.prisma, viewer as StaffViewer, {
            decision: "ACCEPTED",
            dayIds: reservation.days.map((line) => line.id),
            message: null,
          }),
        ).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("staff cancellation", () => {
    it("cancels one day for a family who phoned: the place is freed, the family sees the reason, the mail is written", async () => {
      const { family, reservation } = await reservationFor("TELEPHONE", ["2026-12-15", "2026-12-17"], "ACCEPTED");
      const [matin] = catalogue.club.units;
      const target = reservation.days.find(
        (line) => line.unitId === matin.id && line.date.toISOString().startsWith("2026-12-17"),
      )!;
      expect(await booked(matin.id, "2026-12-17")).toBe(1);

      const notice = await cancelDaysByStaff(database.prisma, agent, {
        reservationId: reservation.id,
        dayIds: [target.id],
        reason: "Enfant malade (appel du père)",
      });

      expect(notice.status).toBe("ACCEPTED");
      expect(await booked(matin.id, "2026-12-17")).toBe(0);
      expect(await database.prisma.reservationDay.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
        status: "CANCELLED",
        staffMessage: "Enfant malade (appel du père)",
        decidedByUserId: agent.userId,
      });
      const page = (await getReservationForStaff(database.prisma, agent, reservation.id))!;
      expect(page.days.filter((line) => line.status === "CANCELLED").map((line) => `${line.day} ${line.unit}`)).toEqual([
        `2026-12-17 ${matin.label}`,
      ]);
      expect(page.history).toEqual([
        expect.objectContaining({
          label: "Journées annulées par le guichet",
          days: [`17/12/2026 ${matin.label}`],
          message: "Enfant malade (appel du père)",
        }),
      ]);
      const mails = await deliverMails(database, smtp);
      const mail = mails.find((received) => received.to[0] === family.user.email)!;
      expect(mail.subject).toMatch(/une journée annulée/);
      expect(mail.text).toContain(`✗ 17/12/2026 – ${matin.label}`);
      expect(mail.text).toContain("Motif : Enfant malade (appel du père)");
    });

    it("cancels the last booked days: the reservation is cancelled", async () => {
      const { reservation } = await reservationFor("TOUT", ["2026-12-18"]);
      const notice = await cancelDaysByStaff(database.prisma, agent, {
        reservationId: reservation.id,
        dayIds: reservation.days.map((line) => line.id),
        reason: "Déménagement",
      });
      expect(notice.status).toBe("CANCELLED");
      expect((await database.prisma.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).status).toBe("CANCELLED");
    });

    it("refuses a day of another reservation, an already cancelled day, a past day, parents and visitors — with nothing changed", async () => {
      const mine = await reservationFor("MIENNE", ["2026-12-21"]);
      const other = await reservationFor("AUTRE", ["2026-12-21"]);
      const past = await reservationFor("PASSEE", ["2026-11-20"], "ACCEPTED");
      await cancelDaysByStaff(database.prisma, agent, {
        reservationId: mine.reservation.id,
        dayIds: [mine.reservation.days[1].id],
        reason: "Première annulation",
      });
      const before = await snapshot();
      const cancel = (viewer: Viewer, reservationId: string, dayIds: string[]) =>
        cancelDaysByStaff(database.prisma, viewer as StaffViewer, { reservationId, dayIds, reason: "Essai" });

      await expect(
        cancel(agent, mine.reservation.id, [mine.reservation.days[0].id, other.reservation.days[0].id]),
      ).rejects.toMatchObject({
        code: "MISMATCH",
      });
      await expect(cancel(agent, mine.reservation.id, [mine.reservation.days[1].id])).rejects.toMatchObject({ code: "MISMATCH" });
      await expect(cancel(agent, "00000000-0000-4000-8000-000000000000", [mine.reservation.days[0].id])).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(cancel(agent, past.reservation.id, [past.reservation.days[0].id])).rejects.toThrow(
        "La journée du 20/11/2026 est passée : elle ne peut plus être annulée.",
      );
      const visitor = { userId: "", email: "", name: "", role: "VISITOR", familyId: null } as unknown as Viewer;
      for (const viewer of [parentOf(mine.family), visitor]) {
        await expect(cancel(viewer, mine.reservation.id, [mine.reservation.days[0].id])).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
        await expect(getReservationForStaff(database.prisma, viewer as StaffViewer, mine.reservation.id)).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("finding reservations", () => {
    it("lists every reservation by number, state, establishment and date, and finds one from the search field", async () => {
      const { reservation } = await reservationFor("CHERCHE", ["2027-01-05"]);
      await reservationFor("AUTREFAMILLE", ["2027-01-06"], "ACCEPTED");
      const list = (filter: Record<string, string>) =>
        listReservationsForStaff(database.prisma, agent, ZReservationSearchSchema.parse(filter));
      // The suite's database is shared by its tests: these two are the only ones in January 2027.
      expect((await list({ from: "2027-01-01", to: "2027-01-31" })).total).toBe(2);
      expect((await list({ number: String(reservation.number) })).rows.map((row) => row.family.name)).toEqual(["CHERCHE"]);
      expect((await list({ status: "ACCEPTED", from: "2027-01-01" })).rows.map((row) => row.family.name)).toEqual([
        "AUTREFAMILLE",
      ]);
      expect((await list({ status: "PENDING", date: "2027-01-06" })).total).toBe(0);
      expect((await list({ date: "2027-01-06" })).rows.map((row) => row.family.name)).toEqual(["AUTREFAMILLE"]);
      expect((await list({ from: "2027-01-01", to: "2027-01-05" })).rows.map((row) => row.family.name)).toEqual(["CHERCHE"]);
      expect((await list({ establishmentId: catalogue.canteen.establishmentId })).total).toBe(0);

      const byNumber = await searchBackOffice(database.prisma, agent, String(reservation.number).padStart(6, "0"));
      expect(byNumber.reservations.map((row) => row.id)).toEqual([reservation.id]);
      const byChild = await searchBackOffice(database.prisma, agent, "cherche zoé");
      expect(byChild.children.map((child) => child.family.name)).toEqual(["CHERCHE"]);
      expect((await searchBackOffice(database.prisma, agent, "autrefam")).families.map((family) => family.name)).toEqual([
        "AUTREFAMILLE",
      ]);
    });

    it("counts what waits on the home page: pending requests, the oldest, today's lines", async () => {
      const before = await backOfficeTodo(database.prisma, agent, "2026-11-26");
      await reservationFor("ATTENTE", ["2026-12-07"]);
      await reservationFor("AUJOURDHUI", ["2026-11-26"], "ACCEPTED");
      const todo = await backOfficeTodo(database.prisma, agent, "2026-11-26");
      expect(todo).toMatchObject({
        pendingReservations: before.pendingReservations + 1,
        pendingLines: before.pendingLines + 2,
        documents: 0,
      });
      expect(todo.oldestPendingAt).toBeInstanceOf(Date);
      const todaysLines = (entries: typeof todo.today) => entries.reduce((sum, entry) => sum + entry.lines, 0);
      expect(todaysLines(todo.today)).toBe(todaysLines(before.today) + 2);
    });
  });
});

// Two agents ticking overlapping selections at the same moment: a real race needs PostgreSQL.
describePostgres("bulk decisions racing each other, on PostgreSQL", () => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed("postgres", { catalogue: true, poolSize: 20 }, (suite) => ({ database, agent, catalogue } = suite));

  it("decides each line once, skips what the other agent took, and keeps every counter equal to the booked days", async () => {
    const reservations = [];
    for (let index = 0; index < 8; index += 1) {
      const family = await createFamily(database.prisma, `COURSE${index}`);
      const lines = ["2027-02-01", "2027-02-02"].flatMap((day) => catalogue.club.units.map((unit) => ({ unitId: unit.id, day })));
      reservations.push(await createFamilyReservation(database.prisma, family, catalogue.club.id, "PENDING", lines));
    }
    const everyLine = reservations.flatMap((reservation) => reservation.days.map((line) => line.id));
    const [accepting, refusing] = await Promise.all([
      decideLines(database.prisma, agent, { decision: "ACCEPTED", dayIds: everyLine, message: null }),
      decideLines(database.prisma, agent, { decision: "REFUSED", dayIds: [...everyLine].reverse(), message: null }),
    ]);
    // Each reservation went to exactly one of the two agents, whole (its lines were all ticked by both).
    const numbers = (summary: typeof accepting) => summary.decided.map((entry) => entry.reservationNumber);
    expect([...numbers(accepting), ...numbers(refusing)].sort()).toEqual(reservations.map((r) => r.number).sort());
    expect(accepting.skipped.length + refusing.skipped.length).toBe(reservations.length);
    expect(await database.prisma.reservationDay.count({ where: { id: { in: everyLine }, status: "PENDING" } })).toBe(0);
    expect(await counterMismatches(database.prisma)).toEqual([]);
    expect(await database.prisma.outboxMail.count({ where: { kind: "reservation-decision" } })).toBe(reservations.length);
  });
});

import type { StaffViewer } from "@/lib/auth/session";
import { ZQueueFilterSchema } from "@/lib/reservations/decision.schema";
import { decideReservation, listPendingLines } from "@/lib/reservations/decisions";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { counterMismatches } from "../helpers/counters";
import { deliverMails } from "../helpers/deliver-mails";
import { holdRowLock } from "../helpers/row-lock";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { describePostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("the staff reservation queue on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed(kind, { catalogue: true }, (suite) => ({ database, smtp, agent, catalogue } = suite));

  const [matin, soir] = [0, 1];
  const pending = async (name: string, days: string[], email?: string) => {
    const family = await createFamily(database.prisma, name, { email });
    const lines = days.flatMap((day) => [
      { unitId: catalogue.club.units[matin].id, day },
      { unitId: catalogue.club.units[soir].id, day },
    ]);
    const reservation = await createFamilyReservation(database.prisma, family, catalogue.club.id, "PENDING", lines);
    return { family, reservation };
  };
  const booked = async (unitId: string, day: string) =>
    (
      await database.prisma.unitDay.findUniqueOrThrow({
        where: { unitId_date: { unitId, date: new Date(`${day}T00:00:00Z`) } },
        select: { booked: true },
      })
    ).booked;
  /** The agent's decision on a line (`dayId`) or a whole reservation, mailed to the family. */
  const decide = (input: Parameters<typeof decideReservation>[2]) => decideReservation(database.prisma, agent, input);
  const status = async (id: string) =>
    (await database.prisma.reservation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

  it("lists pending lines filtered by establishment, period and date", async () => {
    await pending("FILTRE", ["2026-12-03", "2026-12-04"]);
    const list = (filter: Record<string, string>) => listPendingLines(database.prisma, agent, ZQueueFilterSchema.parse(filter));
    expect((await list({})).total).toBe(4);
    expect((await list({ date: "2026-12-03" })).total).toBe(2);
    expect((await list({ establishmentId: catalogue.club.establishmentId })).total).toBe(4);
    expect((await list({ establishmentId: catalogue.canteen.establishmentId })).total).toBe(0);
    expect((await list({ periodId: catalogue.club.id, date: "2026-12-04" })).lines.map((line) => line.unit.label)).toEqual([
      "MATIN",
      "SOIR",
    ]);
  });

  it("refusing a line frees its place, keeps the reservation pending, and mails the family after commit with the message", async () => {
    const { reservation } = await pending("LEROY", ["2026-12-07"], "leroy@exemple.fr");
    const soirLine = reservation.days.find((line) => line.unitId === catalogue.club.units[soir].id)!;
    expect(await booked(catalogue.club.units[soir].id, "2026-12-07")).toBe(1);
    const count = smtp.mails.length;
    await decide({ decision: "REFUSED", dayId: soirLine.id, message: "Plus de place le soir" });
    expect(await booked(catalogue.club.units[soir].id, "2026-12-07")).toBe(0);
    expect(await booked(catalogue.club.units[matin].id, "2026-12-07")).toBe(1);
    expect(await status(reservation.id)).toBe("PENDING");
    const line = await database.prisma.reservationDay.findUniqueOrThrow({
      where: { id: soirLine.id },
      select: { status: true, staffMessage: true, decidedByUserId: true },
    });
    expect(line).toEqual({ status: "REFUSED", staffMessage: "Plus de place le soir", decidedByUserId: agent.userId });
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(count + 1);
    expect(mails[count].to).toEqual(["leroy@exemple.fr"]);
    expect(mails[count].subject).toMatch(/demande refusée/);
    expect(mails[count].text).toContain("✗ 07/12/2026 – SOIR");
    expect(mails[count].text).toContain("Plus de place le soir");

    // The rest accepted: the reservation is accepted (one line accepted, none pending).
    await decide({ decision: "ACCEPTED", reservationId: reservation.id, message: null });
    expect(await status(reservation.id)).toBe("ACCEPTED");
    expect(await booked(catalogue.club.units[matin].id, "2026-12-07")).toBe(1);
    await expect(decide({ decision: "REFUSED", reservationId: reservation.id, message: null })).rejects.toThrow(
      "Cette demande a déjà été traitée.",
    );
    expect(await booked(catalogue.club.units[matin].id, "2026-12-07")).toBe(1);
  });

  it("refusing a whole reservation frees every place and marks it refused", async () => {
    const { reservation } = await pending("FAURE", ["2026-12-10", "2026-12-11"]);
    await decide({ decision: "REFUSED", reservationId: reservation.id, message: null });
    expect(await status(reservation.id)).toBe("REFUSED");
    for (const day of ["2026-12-10", "2026-12-11"])
      for (const unit of catalogue.club.units) expect(await booked(unit.id, day)).toBe(0);
    expect(await database.prisma.auditLog.count({ where: { action: "reservation.refuse", targetId: reservation.id } })).toBe(1);
  });

  it("keeps every counter equal to the pending and accepted lines through a sequence of decisions", async () => {
    const days = ["2027-01-07", "2027-01-08", "2027-01-11"];
    const reservations = [];
    for (let index = 0; index < 6; index += 1) reservations.push((await pending(`SEQ${index}`, days)).reservation);
    for (const [index, reservation] of reservations.entries()) {
      const line = reservation.days[index % reservation.days.length];
      await decide({ decision: index % 2 ? "ACCEPTED" : "REFUSED", dayId: line.id, message: null });
      expect(await counterMismatches(database.prisma)).toEqual([]);
    }
    for (const [index, reservation] of reservations.entries()) {
      await decide({ decision: index % 3 ? "ACCEPTED" : "REFUSED", reservationId: reservation.id, message: null });
    }
    expect(await counterMismatches(database.prisma)).toEqual([]);
    expect(
      await database.prisma.reservation.count({ where: { id: { in: reservations.map((r) => r.id) }, status: "PENDING" } }),
    ).toBe(0);
  });
});

// Two agents deciding the same line at the same moment: a real race needs PostgreSQL (PGlite
// serialises every transaction).
describePostgres("the staff reservation queue under concurrent decisions, on PostgreSQL", () => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed("postgres", { catalogue: true, poolSize: 20 }, (suite) => ({ database, smtp, agent, catalogue } = suite));

  it("lets exactly one of two simultaneous decisions on a line win, and keeps every counter equal to the booked lines", async () => {
    const days = ["2027-01-07", "2027-01-08", "2027-01-11"];
    const reservations = [];
    for (let index = 0; index < 6; index += 1) {
      const family = await createFamily(database.prisma, `SIMUL${index}`);
      const lines = days.flatMap((day) => catalogue.club.units.map((unit) => ({ unitId: unit.id, day })));
      reservations.push(await createFamilyReservation(database.prisma, family, catalogue.club.id, "PENDING", lines));
    }
    // Both decisions of each pair are forced to be in flight together: the test holds the six
    // reservations' rows (a decision locks its reservation FOR UPDATE) until all twelve wait.
    const ids = reservations.map((reservation) => reservation.id);
    const lock = await holdRowLock(
      database.url!,
      `SELECT id FROM "Reservation" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [ids],
      ids.length,
    );
    const pairs = reservations.map((reservation, index) => {
      const line = reservation.days[index % reservation.days.length];
      const decide = (decision: "ACCEPTED" | "REFUSED") =>
        decideReservation(database.prisma, agent, { decision, dayId: line.id, message: null });
      return Promise.allSettled([decide(index % 2 ? "ACCEPTED" : "REFUSED"), decide("REFUSED")]);
    });
    await lock.waitForWaiting(2 * reservations.length);
    await lock.release();
    for (const pair of await Promise.all(pairs)) {
      expect(pair.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      expect(pair.find((outcome) => outcome.status === "rejected")).toEqual({
        status: "rejected",
        reason: expect.objectContaining({ message: "Cette demande a déjà été traitée." }),
      });
    }
    expect(await counterMismatches(database.prisma)).toEqual([]);
    // Then whole reservations decided at once by two agents: one wins each, the books balance.
    const whole = await Promise.all(
      reservations.map((reservation, index) =>
        Promise.allSettled(
          (["ACCEPTED", "REFUSED"] as const).map((decision) =>
            decideReservation(database.prisma, agent, {
              decision: index % 3 ? decision : "REFUSED",
              reservationId: reservation.id,
              message: null,
            }),
          ),
        ),
      ),
    );
    for (const pair of whole) expect(pair.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await counterMismatches(database.prisma)).toEqual([]);
    const bookedDays = await database.prisma.reservationDay.count({
      where: { status: { in: ["PENDING", "ACCEPTED"] }, date: { in: days.map((day) => new Date(`${day}T00:00:00Z`)) } },
    });
    const counters = await database.prisma.unitDay.aggregate({
      _sum: { booked: true },
      where: { date: { in: days.map((day) => new Date(`${day}T00:00:00Z`)) } },
    });
    expect(counters._sum.booked).toBe(bookedDays);
    expect(await database.prisma.reservation.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(0);
    // Each winning decision wrote its family's mail with it, a losing one none; each is delivered once.
    expect(await database.prisma.outboxMail.count({ where: { kind: "reservation-decision" } })).toBe(2 * reservations.length);
    await deliverMails(database, smtp);
    expect(await smtp.settle()).toHaveLength(2 * reservations.length);
  });
});

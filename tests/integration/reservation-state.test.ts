import { getFamilyForStaff } from "@/lib/families/families";
import { decideReservation } from "@/lib/reservations/decisions";
import { getReservationDetail, listReservations } from "@/lib/reservations/reservations-query";
import { reservationState } from "@/lib/reservations/status";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { deliverMails } from "../helpers/deliver-mails";
import { withStaffTestBed, type Catalogue, type StaffSuite } from "../helpers/staff-test-bed";
import { testDatabaseKinds } from "../helpers/test-db";

// Issue #18: a booking with one day refused by staff said « Réservation acceptée ». Its state is
// now « Partiellement acceptée (n journée(s) refusée(s)) » in the parent's list and page, on the
// staff family page, and in the decision e-mail.
describe.each(testDatabaseKinds())("a partly accepted reservation on %s", (kind) => {
  let bed: StaffSuite & { catalogue: Catalogue };
  withStaffTestBed(kind, { catalogue: true }, (suite) => (bed = suite));

  it("reads « Partiellement acceptée (1 journée refusée) » in the list, the page, the staff family page and the e-mail", async () => {
    const { database, smtp, agent, catalogue } = bed;
    const family = await createFamily(database.prisma, "PARTIEL", { email: "partiel@exemple.fr" });
    const [matin, soir] = catalogue.club.units;
    const reservation = await createFamilyReservation(database.prisma, family, catalogue.club.id, "PENDING", [
      { unitId: matin.id, day: "2026-12-07" },
      { unitId: soir.id, day: "2026-12-07" },
      { unitId: matin.id, day: "2026-12-08" },
    ]);
    const soirLine = reservation.days.find((line) => line.unitId === soir.id)!;
    const count = smtp.mails.length;
    await decideReservation(database.prisma, agent, { decision: "REFUSED", dayId: soirLine.id, message: "Complet le soir" });
    await decideReservation(database.prisma, agent, { decision: "ACCEPTED", reservationId: reservation.id, message: null });

    const viewer = { familyId: family.id };
    const list = await listReservations(database.prisma, viewer, {}, 1);
    expect(list.items.map((item) => [item.status, item.state])).toEqual([["ACCEPTED", { name: "PARTIAL", refusedDays: 1 }]]);
    expect((await listReservations(database.prisma, viewer, { status: "PARTIAL" }, 1)).total).toBe(1);
    expect((await listReservations(database.prisma, viewer, { status: "ACCEPTED" }, 1)).total).toBe(0);
    expect((await getReservationDetail(database.prisma, viewer, reservation.id))?.state).toEqual({
      name: "PARTIAL",
      refusedDays: 1,
    });
    const staffRow = (await getFamilyForStaff(database.prisma, agent, family.id))!.reservations[0];
    expect(reservationState(staffRow.status, staffRow._count.days)).toEqual({ name: "PARTIAL", refusedDays: 1 });

    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(count + 2);
    // Delivery may send them in either order.
    const refusal = mails.slice(count).find((mail) => mail.subject.includes("refusée"))!;
    const acceptance = mails.slice(count).find((mail) => mail.subject.includes("acceptée"))!;
    // After the refusal one line still waits: the reservation is pending, not partial yet.
    expect(refusal.subject).toMatch(/: demande refusée$/);
    expect(refusal.text).toContain("État de la réservation : En attente de traitement.");
    expect(acceptance.subject).toMatch(/: demande acceptée – partiellement acceptée$/);
    expect(acceptance.text).toContain("État de la réservation : Partiellement acceptée (1 journée refusée).");
  });

  it("stays « Réservation acceptée » when every day was accepted", async () => {
    const { database, agent, catalogue } = bed;
    const family = await createFamily(database.prisma, "COMPLET");
    const reservation = await createFamilyReservation(database.prisma, family, catalogue.club.id, "PENDING", [
      { unitId: catalogue.club.units[0].id, day: "2026-12-10" },
    ]);
    await decideReservation(database.prisma, agent, { decision: "ACCEPTED", reservationId: reservation.id, message: null });
    const list = await listReservations(database.prisma, { familyId: family.id }, { status: "ACCEPTED" }, 1);
    expect(list.items.map((item) => item.state)).toEqual([{ name: "ACCEPTED", refusedDays: 0 }]);
    expect((await listReservations(database.prisma, { familyId: family.id }, { status: "PARTIAL" }, 1)).total).toBe(0);
  });
});

import type { z } from "zod";

import type { StaffViewer } from "@/lib/auth/session";
import { ZClosureImportSchema } from "@/lib/catalogue/closure.schema";
import { addClosures, listClosures } from "@/lib/catalogue/closures";
import type { CalendarDay } from "@/lib/dates/calendar-day";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { counterMismatches } from "../helpers/counters";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("closures over booked days on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed(kind, { catalogue: true }, (suite) => ({ database, smtp, agent, catalogue } = suite));

  it("lists the affected families first, then on confirmation cancels their days, frees the places and mails each family once", async () => {
    const [matin, soir] = catalogue.club.units.map((unit) => unit.id);
    // MARTIN: two children, three lines on the closed days → one mail. PETIT: one line on a
    // closed day and one on an open day. VIDAL: only open days → no mail.
    const martin = await createFamily(database.prisma, "MARTIN", {
      email: "martin@exemple.fr",
      children: [{ firstName: "Léo" }, { firstName: "Lina" }],
    });
    const petit = await createFamily(database.prisma, "PETIT", { email: "petit@exemple.fr" });
    const vidal = await createFamily(database.prisma, "VIDAL", { email: "vidal@exemple.fr" });
    type Family = Awaited<ReturnType<typeof createFamily>>;
    const bookClub = (family: Family, child: number, status: "PENDING" | "ACCEPTED", ...lines: [string, CalendarDay][]) =>
      createFamilyReservation(
        database.prisma,
        family,
        catalogue.club.id,
        status,
        lines.map(([unitId, day]) => ({ unitId, day })),
        child,
      );
    const leo = await bookClub(martin, 0, "ACCEPTED", [matin, "2027-01-14"], [soir, "2027-01-14"]);
    await bookClub(martin, 1, "PENDING", [matin, "2027-01-15"]);
    const petitReservation = await bookClub(petit, 0, "ACCEPTED", [soir, "2027-01-15"], [soir, "2027-01-18"]);
    await bookClub(vidal, 0, "ACCEPTED", [soir, "2027-01-18"]);

    const input = ZClosureImportSchema.parse({
      periodId: catalogue.club.id,
      dates: "14/01/2027\n15/01/2027",
      reason: "Grève du personnel",
    });
    const preview = await addClosures(database.prisma, agent, input);
    expect(preview.status).toBe("needs-confirmation");
    expect(
      preview.status === "needs-confirmation" &&
        preview.affected.map((line) => `${line.familyName} ${line.day} ${line.unit}`).sort(),
    ).toEqual(["MARTIN 2027-01-14 MATIN", "MARTIN 2027-01-14 SOIR", "MARTIN 2027-01-15 MATIN", "PETIT 2027-01-15 SOIR"]);
    // Nothing written before confirmation.
    expect(await listClosures(database.prisma, agent, catalogue.club.id)).toEqual([]);
    expect(await database.prisma.reservationDay.count({ where: { status: "CANCELLED" } })).toBe(0);

    const done = await addClosures(database.prisma, agent, { ...input, confirm: true });
    expect(done).toEqual({ status: "done", added: 2, cancelled: 4, familiesMailed: 2 });
    expect(
      (await listClosures(database.prisma, agent, catalogue.club.id)).map((closure) => [closure.day, closure.reason]),
    ).toEqual([
      ["2027-01-14", "Grève du personnel"],
      ["2027-01-15", "Grève du personnel"],
    ]);
    expect(await counterMismatches(database.prisma)).toEqual([]);
    const booked = await database.prisma.unitDay.findMany({
      where: { unitId: { in: [matin, soir] } },
      orderBy: [{ date: "asc" }, { unitId: "asc" }],
      select: { date: true, booked: true },
    });
    expect(
      booked
        .filter((row) => row.date.toISOString().startsWith("2027-01-1") && !row.date.toISOString().startsWith("2027-01-18"))
        .every((row) => row.booked === 0),
    ).toBe(true);
    const status = async (id: string) =>
      (await database.prisma.reservation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(leo.id)).toBe("CANCELLED");
    expect(await status(petitReservation.id)).toBe("ACCEPTED"); // its 18/01 line stands

    await deliverMails(database, smtp);
    await smtp.waitFor(2);
    const mails = await smtp.settle();
    expect(mails).toHaveLength(2); // and no third one on its way
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(["martin@exemple.fr", "petit@exemple.fr"]);
    const martinMail = mails.find((mail) => mail.to[0] === "martin@exemple.fr")!;
    expect(martinMail.text).toContain("Grève du personnel");
    expect(martinMail.text).toContain("✗ 14/01/2027 – MATIN – MARTIN LÉO");
    expect(martinMail.text).toContain("✗ 15/01/2027 – MATIN – MARTIN LINA");
    expect(await database.prisma.auditLog.count({ where: { action: "closure.add", targetId: catalogue.club.id } })).toBe(1);
  });

  /** What the closures form's action does: parse the posted form, then add the closures as the agent. */
  const closeFromForm = (form: z.input<typeof ZClosureImportSchema>) =>
    addClosures(database.prisma, agent, ZClosureImportSchema.parse(form));

  it("adds closures on days without bookings at once, and ignores a date already closed", async () => {
    const closeCanteen = (dates: string) => closeFromForm({ periodId: catalogue.canteen.id, dates, reason: "Travaux" });
    expect(await closeCanteen("2027-02-01, 2027-02-02")).toEqual({ status: "done", added: 2, cancelled: 0, familiesMailed: 0 });
    expect(await closeCanteen("2027-02-02\n2027-02-04")).toEqual({ status: "done", added: 1, cancelled: 0, familiesMailed: 0 });
  });

  it("refuses unreadable dates with a French message", () => {
    const parsed = ZClosureImportSchema.safeParse({ periodId: catalogue.canteen.id, dates: "32/01/2027", reason: "Travaux" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe("Dates illisibles : 32/01/2027 (format attendu : JJ/MM/AAAA).");
  });
});

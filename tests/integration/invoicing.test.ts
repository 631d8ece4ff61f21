// The monthly invoicing run and the credit note (issue #14 points 2 and 7, acceptance), on both
// databases: totals against an independent SQL over the generated data, QF on a bracket boundary,
// no QF, QF changed mid-month, idempotence, a supplementary invoice, two runs at once, the credit
// note then re-invoicing, and refusals.
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import { applyPayment } from "@/lib/billing/apply-payment";
import { cancelInvoice } from "@/lib/billing/credit-note";
import { invoiceNumber } from "@/lib/billing/invoice-number";
import { generateInvoices, listInvoicingRuns, previewInvoicing } from "@/lib/billing/invoicing-run";
import { dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import { setQuotientFamilial } from "@/lib/families/families";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const ISSUED = new Date("2026-12-03T10:00:00+01:00");

type Family = Awaited<ReturnType<typeof createFamily>>;

describe.each(testDatabaseKinds())("the monthly invoicing run on %s", (kind) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let agent: StaffViewer;
  let catalogue: Catalogue;
  let regieId: string;
  const families: Record<string, Family> = {};
  /** DELTA's reservation days by "date unit". */
  const deltaDays: Record<string, string> = {};

  const canteen = () => catalogue.canteen.units[0].id;
  const morning = () => catalogue.club.units[0].id;
  const evening = () => catalogue.club.units[1].id;
  const book = (
    family: Family,
    periodId: string,
    lines: { unitId: string; day: CalendarDay }[],
    status: "ACCEPTED" | "PENDING" = "ACCEPTED",
  ) => createFamilyReservation(prisma, family, periodId, status, lines);

  withStaffTestBed(kind, { catalogue: true, poolSize: 6 }, async (suite) => {
    ({ database, agent, catalogue } = suite);
    prisma = database.prisma;
    const regie = await prisma.regie.create({
      data: { code: "PERI", name: "Régie périscolaire et restauration", payableOnline: true, paymentDeadlineDays: 30 },
    });
    regieId = regie.id;
    await prisma.activity.updateMany({ where: { code: { in: ["RESTAURATION_SCOLAIRE", "PERISCOLAIRE"] } }, data: { regieId } });
    const brackets = [];
    for (const bracket of [
      { label: "QF inférieur à 400", minQf: 0, maxQf: 400 },
      { label: "QF de 400 à 699", minQf: 400, maxQf: 700 },
      { label: "QF de 700 et plus", minQf: 700, maxQf: null },
    ]) {
      brackets.push(await prisma.qfBracket.create({ data: bracket }));
    }
    const prices: [string, (number | null)[]][] = [
      [canteen(), [100, 200, 300]],
      [morning(), [50, 60, 70]],
      // SOIR has no tariff for the highest bracket: a family billed there is an anomaly.
      [evening(), [80, 90, null]],
    ];
    for (const [unitId, byBracket] of prices) {
      for (const [index, priceCents] of byBracket.entries()) {
        if (priceCents !== null) await prisma.tariff.create({ data: { unitId, bracketId: brackets[index].id, priceCents } });
      }
    }

    families.alpha = await createFamily(prisma, "ALPHA");
    families.bravo = await createFamily(prisma, "BRAVO", { children: [{ firstName: "Léa" }, { firstName: "Noé" }] });
    families.charlie = await createFamily(prisma, "CHARLIE");
    families.delta = await createFamily(prisma, "DELTA");
    await prisma.family.update({
      where: { id: families.alpha.id },
      data: { civility: "M_ET_MME", street: "3 RUE BÉTEILLE", postalCode: "12000", city: "RODEZ" },
    });
    // ALPHA: exactly on a bracket's lower bound (400 → « 400 à 699 »).
    await setQuotientFamilial(prisma, agent, families.alpha.id, 400, ISSUED, "2026-09-01");
    // BRAVO: 699 until 15 November, 700 from the 16th (the next bracket).
    await setQuotientFamilial(prisma, agent, families.bravo.id, 699, ISSUED, "2026-09-01");
    await setQuotientFamilial(prisma, agent, families.bravo.id, 700, ISSUED, "2026-11-16");
    // CHARLIE: no QF at all. DELTA: 100.
    await setQuotientFamilial(prisma, agent, families.delta.id, 100, ISSUED, "2026-10-01");

    const canteenId = catalogue.canteen.id;
    const clubId = catalogue.club.id;
    await book(
      families.alpha,
      canteenId,
      ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06"].map((day) => ({ unitId: canteen(), day })),
    );
    await book(families.alpha, clubId, [{ unitId: morning(), day: "2026-11-02" }]);
    await book(
      families.bravo,
      canteenId,
      ["2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17"].map((day) => ({ unitId: canteen(), day })),
    );
    await createFamilyReservation(prisma, families.bravo, canteenId, "ACCEPTED", [{ unitId: canteen(), day: "2026-11-19" }], 1);
    await book(families.charlie, canteenId, [{ unitId: canteen(), day: "2026-11-09" }]);
    await book(families.charlie, clubId, [
      { unitId: evening(), day: "2026-11-09" },
      { unitId: morning(), day: "2026-11-10" },
    ]);
    const delta = await book(families.delta, canteenId, [
      { unitId: canteen(), day: "2026-11-19" },
      { unitId: canteen(), day: "2026-11-20" },
      { unitId: canteen(), day: "2026-11-23" },
      { unitId: canteen(), day: "2026-11-24" },
      { unitId: canteen(), day: "2026-12-01" },
    ]);
    for (const line of delta.days) deltaDays[line.date.toISOString().slice(0, 10)] = line.id;
    // 19/11 cancelled (before its deadline), 23/11 absent with a medical certificate (not billed
    // by default), 24/11 absent without excuse (billed), 01/12 another month.
    await prisma.reservationDay.update({ where: { id: deltaDays["2026-11-19"] }, data: { status: "CANCELLED" } });
    await prisma.attendance.create({
      data: { reservationDayId: deltaDays["2026-11-23"], status: "ABSENT_EXCUSE", markedAt: ISSUED },
    });
    await prisma.attendance.create({ data: { reservationDayId: deltaDays["2026-11-24"], status: "ABSENT", markedAt: ISSUED } });
    // A pending day is not billed.
    await book(families.delta, clubId, [{ unitId: evening(), day: "2026-11-20" }], "PENDING");
  });

  /** Σ(days × tariff of the bracket valid that day) per family, by a query of its own over the booked days. */
  const expectedTotals = async (month: string) =>
    prisma.$queryRaw<{ familyId: string; total: bigint; days: bigint }[]>`
      WITH day_qf AS (
        SELECT rd.id, rd."unitId", r."familyId",
               (SELECT h."quotientFamilial" FROM "QuotientHistory" h
                 WHERE h."familyId" = r."familyId"
                   AND h."validFrom" = (SELECT max(h2."validFrom") FROM "QuotientHistory" h2
                                         WHERE h2."familyId" = r."familyId" AND h2."validFrom" <= rd.date)) AS qf
          FROM "ReservationDay" rd JOIN "Reservation" r ON r.id = rd."reservationId"
          LEFT JOIN "Attendance" a ON a."reservationDayId" = rd.id
         WHERE rd.status = 'ACCEPTED' AND to_char(rd.date, 'YYYY-MM') = ${month}
           AND (a.status IS NULL OR a.status <> 'ABSENT_EXCUSE'))
      SELECT d."familyId", sum(t."priceCents") AS total, count(*) AS days
        FROM day_qf d
        JOIN "QfBracket" b ON b."minQf" = (SELECT max(b2."minQf") FROM "QfBracket" b2
                                            WHERE b2."minQf" <= COALESCE(d.qf, 2147483647))
        JOIN "Tariff" t ON t."unitId" = d."unitId" AND t."bracketId" = b.id
       GROUP BY d."familyId"`;

  const standingInvoices = () =>
    prisma.invoice.findMany({
      where: { kind: "INVOICE" },
      orderBy: { sequence: "asc" },
      include: { lines: { orderBy: [{ date: "asc" }, { unitLabel: "asc" }] } },
    });

  it("previews the month without writing anything: totals, families and anomalies", async () => {
    const preview = await previewInvoicing(prisma, agent, { regieId, month: "2026-11" });
    expect(preview).toMatchObject({
      invoiceCount: 4,
      // ALPHA 4×200 + 60; BRAVO 2×200 + 3×300 (Noé's 19/11 at 700); CHARLIE 300 + 70 (no QF: highest); DELTA 2×100.
      totalCents: 860 + 1300 + 370 + 200,
      dayCount: 5 + 5 + 2 + 2,
    });
    expect(preview.families.map((family) => [family.familyName, family.totalCents, family.rank])).toEqual([
      ["ALPHA", 860, 1],
      ["BRAVO", 1300, 1],
      ["CHARLIE", 370, 1],
      ["DELTA", 200, 1],
    ]);
    expect(preview.anomalies.noQuotient).toEqual([
      { familyId: families.charlie.id, familyName: "CHARLIE", days: 3, reason: "NO_QF" },
    ]);
    expect(preview.anomalies.noTariff).toEqual([
      {
        familyId: families.charlie.id,
        familyName: "CHARLIE",
        childName: "CHARLIE ZOÉ",
        date: "2026-11-09",
        service: "GARDERIE ELEMENTAIRE CAMBON",
        unit: "SOIR",
        bracket: "QF de 700 et plus",
      },
    ]);
    expect(await prisma.invoice.count()).toBe(0);
    expect(await prisma.invoiceCounter.count()).toBe(0);
  });

  it("issues one invoice per family, numbered without gap in the families' order, totals equal to an independent SQL", async () => {
    const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(result).toMatchObject({
      invoiceCount: 4,
      totalCents: 2730,
      firstNumber: "F-PERI-2026-000001",
      lastNumber: "F-PERI-2026-000004",
    });
    const invoices = await standingInvoices();
    expect(invoices.map((invoice) => [invoice.number, invoice.sequence, invoice.familyId, invoice.rank])).toEqual([
      [invoiceNumber("INVOICE", "PERI", 2026, 1), 1, families.alpha.id, 1],
      [invoiceNumber("INVOICE", "PERI", 2026, 2), 2, families.bravo.id, 1],
      [invoiceNumber("INVOICE", "PERI", 2026, 3), 3, families.charlie.id, 1],
      [invoiceNumber("INVOICE", "PERI", 2026, 4), 4, families.delta.id, 1],
    ]);
    const expected = await expectedTotals("2026-11");
    expect(expected).toHaveLength(4);
    for (const row of expected) {
      const invoice = invoices.find((candidate) => candidate.familyId === row.familyId)!;
      expect(invoice.totalCents).toBe(Number(row.total));
      expect(invoice.lines).toHaveLength(Number(row.days));
      expect(invoice.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(invoice.totalCents);
    }
    const [alpha, bravo, charlie, delta] = invoices;
    // Stored data: who, where, by when, payable online; the lines' labels and the QF used.
    expect(alpha).toMatchObject({
      reference: "FPERI2026000001",
      billingName: "Madame et Monsieur ALPHA",
      billingAddress: "3 RUE BÉTEILLE\n12000 RODEZ",
      payerEmail: families.alpha.user.email,
      payableOnline: true,
      status: "ISSUED",
      paidCents: 0,
      year: 2026,
      month: dayToDate("2026-11-01"),
      dueDate: dayToDate("2027-01-02"),
      issuedAt: ISSUED,
    });
    expect(alpha.lines.find((line) => line.unitLabel === "REPAS ENFANT")).toMatchObject({
      date: dayToDate("2026-11-02"),
      childName: "ALPHA ZOÉ",
      serviceLabel: "CANTINE ELEMENTAIRE CAMBON",
      unitLabel: "REPAS ENFANT",
      quotientFamilial: 400,
      bracketLabel: "QF de 400 à 699",
      quantity: 1,
      unitPriceCents: 200,
      amountCents: 200,
    });
    expect(alpha.lines.every((line) => line.billedDayId === line.reservationDayId && line.reservationDayId)).toBe(true);
    // QF changed mid-month: 699 before the 16th, 700 from it.
    expect(
      bravo.lines.map((line) => [line.date?.toISOString().slice(0, 10), line.quotientFamilial, line.unitPriceCents]),
    ).toEqual([
      ["2026-11-12", 699, 200],
      ["2026-11-13", 699, 200],
      ["2026-11-16", 700, 300],
      ["2026-11-17", 700, 300],
      ["2026-11-19", 700, 300],
    ]);
    expect(charlie.billingName).toBe("Famille CHARLIE");
    expect(charlie.lines.map((line) => [line.unitLabel, line.quotientFamilial, line.bracketLabel])).toEqual([
      ["REPAS ENFANT", null, "QF de 700 et plus"],
      ["MATIN", null, "QF de 700 et plus"],
    ]);
    // DELTA: not the cancelled day, not the excused absence, not December, not the pending day.
    expect(delta.lines.map((line) => line.reservationDayId)).toEqual([deltaDays["2026-11-20"], deltaDays["2026-11-24"]]);

    const mails = await prisma.outboxMail.findMany({ where: { kind: "invoice-available" }, orderBy: { to: "asc" } });
    expect(mails.map((mail) => mail.to).sort()).toEqual(
      Object.values(families)
        .map((family) => family.user.email)
        .sort(),
    );
    const alphaMail = mails.find((mail) => mail.to === families.alpha.user.email)!;
    expect(alphaMail.subject).toBe("Votre facture de novembre 2026 est disponible");
    expect(alphaMail.text).toContain("Facture n° F-PERI-2026-000001 – montant : 8,60\u00a0€ – à régler avant le 02/01/2027.");
    expect(alphaMail.text).toContain("payable en ligne");
    expect(alphaMail.text).toContain("/espace/factures");

    const [run] = await listInvoicingRuns(prisma, agent);
    expect(run).toMatchObject({
      invoiceCount: 4,
      totalCents: 2730,
      firstNumber: "F-PERI-2026-000001",
      lastNumber: "F-PERI-2026-000004",
    });
    expect(await prisma.auditLog.count({ where: { action: "invoicing.run", actorUserId: agent.userId } })).toBe(1);
    expect(await prisma.invoiceCounter.findMany({ select: { year: true, kind: true, lastNumber: true } })).toEqual([
      { year: 2026, kind: "INVOICE", lastNumber: 4 },
    ]);
  });

  it("adds nothing when run again for the same month", async () => {
    const before = await prisma.invoice.count();
    const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(result).toMatchObject({ runId: null, invoiceCount: 0, firstNumber: null });
    expect(await prisma.invoice.count()).toBe(before);
    expect(await prisma.invoicingRun.count()).toBe(1);
    expect((await previewInvoicing(prisma, agent, { regieId, month: "2026-11" })).invoiceCount).toBe(0);
  });

  it("bills a day booked later on a supplementary invoice of rank 2, the next number", async () => {
    await book(families.alpha, catalogue.canteen.id, [{ unitId: canteen(), day: "2026-11-30" }]);
    const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(result).toMatchObject({ invoiceCount: 1, totalCents: 200, firstNumber: "F-PERI-2026-000005" });
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { number: "F-PERI-2026-000005" }, include: { lines: true } });
    expect(invoice).toMatchObject({ familyId: families.alpha.id, rank: 2, totalCents: 200 });
    expect(invoice.lines).toHaveLength(1);
  });

  it("cancels an invoice with a numbered credit note, and the next run bills its days again, once", async () => {
    const alpha = await prisma.invoice.findUniqueOrThrow({ where: { number: "F-PERI-2026-000001" }, include: { lines: true } });
    const cancelled = await cancelInvoice(prisma, agent, { invoiceId: alpha.id, reason: "Erreur de tarif" }, { now: ISSUED });
    expect(cancelled.number).toBe("A-PERI-2026-000001");
    const credit = await prisma.invoice.findUniqueOrThrow({ where: { id: cancelled.creditNoteId }, include: { lines: true } });
    expect(credit).toMatchObject({
      kind: "CREDIT_NOTE",
      reference: "APERI2026000001",
      cancelsId: alpha.id,
      totalCents: -860,
      familyId: families.alpha.id,
      billingName: alpha.billingName,
      payableOnline: false,
    });
    expect(credit.lines.map((line) => [line.reservationDayId, line.billedDayId, line.amountCents]).sort()).toEqual(
      alpha.lines.map((line) => [line.reservationDayId, null, -line.amountCents]).sort(),
    );
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: alpha.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Erreur de tarif",
      cancelledAt: ISSUED,
    });
    expect(await prisma.invoiceLine.count({ where: { invoiceId: alpha.id, billedDayId: { not: null } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "invoice.cancel", targetId: alpha.id } })).toBe(1);

    const again = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(again).toMatchObject({ invoiceCount: 1, totalCents: 860, firstNumber: "F-PERI-2026-000006" });
    const reissued = await prisma.invoice.findUniqueOrThrow({
      where: { number: "F-PERI-2026-000006" },
      include: { lines: true },
    });
    expect(reissued.rank).toBe(3);
    expect(reissued.lines.map((line) => line.reservationDayId).sort()).toEqual(
      alpha.lines.map((line) => line.reservationDayId).sort(),
    );
    // Each of ALPHA's booked days stands on exactly one invoice.
    const standing = await prisma.invoiceLine.groupBy({
      by: ["billedDayId"],
      where: { billedDayId: { not: null }, invoice: { familyId: families.alpha.id } },
      _count: true,
    });
    expect(standing).toHaveLength(6);
    expect(standing.every((row) => row._count === 1)).toBe(true);
    expect((await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED })).invoiceCount).toBe(0);
  });

  it("refuses to cancel twice, or an invoice that received a payment, and changes nothing", async () => {
    const alpha = await prisma.invoice.findUniqueOrThrow({ where: { number: "F-PERI-2026-000001" } });
    await expect(cancelInvoice(prisma, agent, { invoiceId: alpha.id, reason: "Encore" })).rejects.toMatchObject({
      code: "INVOICE_CANCELLED",
      message: "Cette facture est déjà annulée.",
    });
    const bravo = await prisma.invoice.findUniqueOrThrow({ where: { number: "F-PERI-2026-000002" } });
    await prisma.$transaction((tx) =>
      applyPayment(tx, { invoiceId: bravo.id, method: "ESPECES", amountCents: 500, receivedAt: ISSUED, receiptNumber: "R-1" }),
    );
    await expect(cancelInvoice(prisma, agent, { invoiceId: bravo.id, reason: "Erreur" })).rejects.toMatchObject({
      code: "INVOICE_PAID",
      message: expect.stringContaining("a déjà reçu un paiement"),
    });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: bravo.id } })).toMatchObject({ status: "ISSUED" });
    expect(await prisma.invoice.count({ where: { kind: "CREDIT_NOTE" } })).toBe(1);
    expect((await prisma.invoiceCounter.findMany({ where: { kind: "CREDIT_NOTE" } }))[0].lastNumber).toBe(1);
  });

  it("refuses a parent everything, and writes nothing", async () => {
    const parent: Viewer = {
      userId: families.alpha.user.id,
      email: families.alpha.user.email,
      name: "ALPHA",
      role: "PARENT",
      familyId: families.alpha.id,
    };
    const asStaff = parent as unknown as StaffViewer;
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { number: "F-PERI-2026-000003" } });
    const before = await prisma.invoice.count();
    await expect(previewInvoicing(prisma, asStaff, { regieId, month: "2026-11" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(generateInvoices(prisma, asStaff, { regieId, month: "2026-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelInvoice(prisma, asStaff, { invoiceId: invoice.id, reason: "Moi" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listInvoicingRuns(prisma, asStaff)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.invoice.count()).toBe(before);
  });

  it("bills excused absences when the town says so", async () => {
    await prisma.townSettings.update({ where: { id: 1 }, data: { billExcusedAbsence: true } });
    try {
      const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
      expect(result).toMatchObject({ invoiceCount: 1, totalCents: 100 });
      const invoice = await prisma.invoice.findUniqueOrThrow({
        where: { number: result.firstNumber! },
        include: { lines: true },
      });
      expect(invoice.lines.map((line) => line.reservationDayId)).toEqual([deltaDays["2026-11-23"]]);
    } finally {
      await prisma.townSettings.update({ where: { id: 1 }, data: { billExcusedAbsence: false } });
    }
  });

  itOnPostgres(kind)("serialises two staff launching the same run at once: no duplicate, numbers 1..n without gap", async () => {
    // December, issued in January 2027: a year whose counter row does not exist yet (both runs create it).
    const month: CalendarDay[] = ["2026-12-03", "2026-12-04", "2026-12-07"];
    const many: Family[] = [];
    for (let index = 0; index < 12; index += 1) {
      const family = await createFamily(prisma, `RUSH${String(index).padStart(2, "0")}`);
      await book(
        family,
        catalogue.canteen.id,
        month.map((day) => ({ unitId: canteen(), day })),
      );
      many.push(family);
    }
    const other = { ...agent, userId: (await prisma.user.create({ data: { email: "agent2@mairie.test", role: "AGENT" } })).id };
    const now = new Date("2027-01-05T09:00:00+01:00");
    const results = await Promise.all([
      generateInvoices(prisma, agent, { regieId, month: "2026-12" }, { now }),
      generateInvoices(prisma, other, { regieId, month: "2026-12" }, { now }),
    ]);
    // DELTA's 1 December day is billed too: 13 families.
    expect(results.map((result) => result.invoiceCount).sort((a, b) => a - b)).toEqual([0, 13]);
    const issued = await prisma.invoice.findMany({ where: { year: 2027, kind: "INVOICE" }, orderBy: { sequence: "asc" } });
    expect(issued.map((invoice) => invoice.sequence)).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
    expect(new Set(issued.map((invoice) => invoice.familyId)).size).toBe(13);
    expect(await prisma.invoiceLine.count({ where: { invoice: { year: 2027 } } })).toBe(12 * 3 + 1);
    expect(
      (await prisma.invoiceCounter.findUniqueOrThrow({ where: { regieId_year_kind: { regieId, year: 2027, kind: "INVOICE" } } }))
        .lastNumber,
    ).toBe(13);
  });
});

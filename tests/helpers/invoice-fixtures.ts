// Invoices written straight into a test database, as the invoicing run would leave them: the
// number from the régie's counter row (so the numbering stays continuous), the billing name and
// address copied, one line per booked day. Used by the parents' invoice tests (integration and
// browser) until they can run the invoicing engine itself.
import { invoiceNumber, invoiceReference } from "@/lib/billing/invoice-number";
import { dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";

export type FixtureLine = {
  date: CalendarDay;
  childName: string;
  serviceLabel: string;
  unitLabel: string;
  quantity?: number;
  unitPriceCents: number;
  quotientFamilial?: number | null;
  bracketLabel?: string | null;
};

export type FixtureInvoice = {
  familyId: string;
  regieCode: string;
  /** The invoiced month: its first day. */
  month: CalendarDay;
  issuedAt: Date;
  dueDay: CalendarDay;
  billingName?: string;
  billingAddress?: string;
  lines: FixtureLine[];
  /** A credit note: the invoice it cancels (that invoice is marked cancelled). */
  cancelsId?: string;
  cancelReason?: string;
};

export async function createInvoiceFixture(prisma: PrismaClient, input: FixtureInvoice) {
  const kind = input.cancelsId ? "CREDIT_NOTE" : "INVOICE";
  const sign = kind === "CREDIT_NOTE" ? -1 : 1;
  return prisma.$transaction(async (tx) => {
    const regie = await tx.regie.findUniqueOrThrow({
      where: { code: input.regieCode },
      select: { id: true, payableOnline: true },
    });
    const year = Number(input.issuedAt.toISOString().slice(0, 4));
    const counter = await tx.invoiceCounter.upsert({
      where: { regieId_year_kind: { regieId: regie.id, year, kind } },
      create: { regieId: regie.id, year, kind, lastNumber: 1 },
      update: { lastNumber: { increment: 1 } },
      select: { lastNumber: true },
    });
    const number = invoiceNumber(kind, input.regieCode, year, counter.lastNumber);
    const lines = input.lines.map((line) => {
      const quantity = line.quantity ?? 1;
      return {
        date: dayToDate(line.date),
        childName: line.childName,
        serviceLabel: line.serviceLabel,
        unitLabel: line.unitLabel,
        quantity: sign * quantity,
        unitPriceCents: line.unitPriceCents,
        amountCents: sign * quantity * line.unitPriceCents,
        quotientFamilial: line.quotientFamilial ?? null,
        bracketLabel: line.bracketLabel ?? null,
      };
    });
    const invoice = await tx.invoice.create({
      data: {
        kind,
        number,
        reference: invoiceReference(number),
        regieId: regie.id,
        year,
        sequence: counter.lastNumber,
        familyId: input.familyId,
        month: dayToDate(input.month),
        cancelsId: input.cancelsId ?? null,
        cancelReason: input.cancelReason ?? null,
        payableOnline: kind === "INVOICE" && regie.payableOnline,
        totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
        issuedAt: input.issuedAt,
        dueDate: dayToDate(input.dueDay),
        billingName: input.billingName ?? "Madame et Monsieur TEST",
        billingAddress: input.billingAddress ?? "26 PLACE EUGENE-RAYNALDY\n12000 RODEZ",
        lines: { createMany: { data: lines } },
      },
      select: { id: true, number: true, totalCents: true },
    });
    if (input.cancelsId) {
      await tx.invoice.update({
        where: { id: input.cancelsId },
        data: { status: "CANCELLED", cancelledAt: input.issuedAt },
      });
    }
    return invoice;
  });
}

/**
 * The demo seed's own billing (prisma/seed-billing.ts: last month's PERI invoice of the TEST family,
 * its run and counter, the family's QF), removed for the tests that number and count the
 * family's invoices from their own fixtures and start the family without a QF.
 */
export async function removeDemoBilling(prisma: PrismaClient, familyId: string): Promise<void> {
  await prisma.$transaction([
    prisma.invoice.deleteMany({ where: { familyId } }),
    prisma.invoicingRun.deleteMany({}),
    prisma.invoiceCounter.deleteMany({}),
    prisma.quotientHistory.deleteMany({ where: { familyId } }),
    prisma.family.update({ where: { id: familyId }, data: { quotientFamilial: null, qfSetAt: null } }),
  ]);
}

// The demo's invoice (issue #14 point 9): the TEST family has a QF, Julien's canteen lunches on
// the school days of LAST month (relative to the portal's clock) are booked and accepted, and last
// month's invoice of the « Régie périscolaire et restauration » is issued by the real invoicing
// run — « À payer », payable online, so a newcomer can pay it with the PayFiP stand-in right after
// `npm run dev`. Idempotent: each step is skipped when already done, and a new month brings its own
// invoice on the next start (the demo follows today).
import crypto from "node:crypto";

import { monthEnd, monthFirstDay, previousMonth } from "@/lib/billing/billing-month";
import { generateInvoices } from "@/lib/billing/invoicing-run";
import { addDays, dateToDay, dayToDate, eachDay, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";

export const DEMO_QUOTIENT = 640;

export type DemoBillingReport = { invoiceNumber: string | null; days: number };

export async function seedDemoBilling(
  prisma: PrismaClient,
  ids: { family: string; julien: string; agentEmail: string },
  today: CalendarDay,
): Promise<DemoBillingReport> {
  const family = await prisma.family.findUnique({ where: { id: ids.family }, select: { id: true } });
  const agent = await prisma.user.findUnique({ where: { email: ids.agentEmail }, select: { id: true, email: true } });
  const regie = await prisma.regie.findUnique({ where: { code: "PERI" }, select: { id: true } });
  if (!family || !agent || !regie) return { invoiceNumber: null, days: 0 };
  const month = previousMonth(today);
  const from = monthFirstDay(month);

  // A QF (bracket « 400 à 699 ») valid since the start of last month, unless the family has one.
  if ((await prisma.quotientHistory.count({ where: { familyId: family.id } })) === 0) {
    await prisma.$transaction([
      prisma.quotientHistory.create({
        data: { familyId: family.id, quotientFamilial: DEMO_QUOTIENT, validFrom: dayToDate(from), setByUserId: agent.id },
      }),
      prisma.family.update({ where: { id: family.id }, data: { quotientFamilial: DEMO_QUOTIENT, qfSetAt: dayToDate(from) } }),
    ]);
  }

  // Julien's lunches: every open school day of last month in his school's canteen period.
  const period = await prisma.period.findFirst({
    where: {
      establishment: { name: "CANTINE ELEMENTAIRE CAMBON" },
      startDate: { lte: dayToDate(addDays(monthEnd(month), -1)) },
      endDate: { gte: dayToDate(from) },
    },
    orderBy: { startDate: "asc" },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      openWeekdays: true,
      closures: { select: { date: true } },
      units: { where: { label: "REPAS ENFANT" }, select: { id: true, capacity: true } },
    },
  });
  const unit = period?.units[0];
  if (!period || !unit) return { invoiceNumber: null, days: 0 };
  const closed = new Set(period.closures.map((closure) => dateToDay(closure.date)));
  const days = eachDay(from, addDays(monthEnd(month), -1)).filter(
    (day) =>
      day >= dateToDay(period.startDate) &&
      day <= dateToDay(period.endDate) &&
      day < today &&
      period.openWeekdays.includes(isoWeekday(day)) &&
      !closed.has(day),
  );
  const booked = await prisma.reservationDay.count({
    where: { childId: ids.julien, unitId: unit.id, date: { gte: dayToDate(from), lt: dayToDate(monthEnd(month)) } },
  });
  if (days.length > 0 && booked === 0) {
    await prisma.$transaction(async (tx) => {
      await tx.reservation.create({
        data: {
          id: crypto.randomUUID(),
          familyId: family.id,
          childId: ids.julien,
          periodId: period.id,
          status: "ACCEPTED",
          firstDate: dayToDate(days[0]),
          lastDate: dayToDate(days[days.length - 1]),
          createdAt: dayToDate(addDays(from, -14)),
          days: {
            create: days.map((day) => ({
              childId: ids.julien,
              unitId: unit.id,
              date: dayToDate(day),
              status: "ACCEPTED" as const,
              decidedAt: dayToDate(addDays(from, -14)),
            })),
          },
        },
      });
      for (const day of days) {
        await tx.unitDay.upsert({
          where: { unitId_date: { unitId: unit.id, date: dayToDate(day) } },
          update: { booked: { increment: 1 } },
          create: { unitId: unit.id, date: dayToDate(day), capacity: unit.capacity, booked: 1 },
        });
      }
    });
  }

  // Last month's invoice, by the real run, unless the family already has one for that month.
  const existing = await prisma.invoice.findFirst({
    where: { familyId: family.id, regieId: regie.id, kind: "INVOICE", month: dayToDate(from) },
    select: { number: true },
  });
  if (existing) return { invoiceNumber: existing.number, days: days.length };
  const viewer = { userId: agent.id, email: agent.email, name: "Démonstration", role: "AGENT" as const, familyId: null };
  // No mail: the demo's invoice is simply there (tests count the demo family's mails).
  const result = await generateInvoices(prisma, viewer, { regieId: regie.id, month }, { notify: false });
  return { invoiceNumber: result.firstNumber, days: days.length };
}

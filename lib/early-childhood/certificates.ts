import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import { isParent, isStaff, type ParentViewer, type StaffViewer, type Viewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { billingAddress, billingName } from "@/lib/billing/billing-party";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { certificateNumber, childcareAmountsPaid, underSixOnFirstJanuary } from "./certificate-amounts";

// « Attestation de frais de garde » (issue #15 point 6): one per child and calendar year, with the
// amounts actually paid that year for childcare (certificate-amounts.ts holds the rule). Staff
// generate a year's certificates all at once, in one transaction that first locks the
// certificates' table (EXCLUSIVE: reads go on, a second generation waits), so numbers
// AFG-<year>-<000001> follow each other without gap and a second run adds none (a child has at
// most one certificate a year: @@unique([childId, year])). Amounts are copied at issue. Families
// see and download their own from 1 January of the next year; another family's id is not found.

const YEAR_NOT_OVER = (year: number) =>
  `Les attestations de ${year} se génèrent à partir du 1er janvier ${year + 1}, une fois l'année terminée.`;

export type GenerationResult = { created: number; firstNumber: string | null; lastNumber: string | null };

/** Generates the year's missing certificates (staff); idempotent. */
export async function generateCertificates(
  db: PrismaClient,
  viewer: StaffViewer,
  year: number,
  options: { now?: Date } = {},
): Promise<GenerationResult> {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  if (year >= Number(parisToday(now).slice(0, 4))) throw new AppError("INVALID", YEAR_NOT_OVER(year));
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`LOCK TABLE "ChildcareCertificate" IN EXCLUSIVE MODE`);
      // Payments received in the Paris year (a day's margin each side, filtered exactly by the rule).
      const payments = await tx.payment.findMany({
        where: { receivedAt: { gte: new Date(`${year - 1}-12-31T00:00:00Z`), lt: new Date(`${year + 1}-01-02T00:00:00Z`) } },
        select: { invoiceId: true },
      });
      const invoiceIds = [...new Set(payments.map((payment) => payment.invoiceId))];
      const invoices = await tx.invoice.findMany({
        where: { id: { in: invoiceIds }, kind: "INVOICE" },
        select: {
          totalCents: true,
          payments: { select: { amountCents: true, receivedAt: true } },
          lines: { select: { childId: true, taxEligible: true, amountCents: true } },
        },
      });
      const amounts = childcareAmountsPaid(invoices, year);
      const children = await tx.child.findMany({
        where: { id: { in: [...amounts.keys()] }, childcareCertificates: { none: { year } } },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          birthDate: true,
          familyId: true,
          family: { select: { name: true, civility: true } },
        },
      });
      const eligible = children
        .filter((child) => underSixOnFirstJanuary(dateToDay(child.birthDate), year))
        .map((child) => ({ ...child, name: childName(child) }))
        .sort(
          (a, b) =>
            a.family.name.localeCompare(b.family.name, "fr") ||
            a.familyId.localeCompare(b.familyId) ||
            a.name.localeCompare(b.name, "fr"),
        );
      if (eligible.length === 0) return { created: 0, firstNumber: null, lastNumber: null };
      const last = await tx.childcareCertificate.aggregate({ where: { year }, _max: { sequence: true } });
      const start = (last._max.sequence ?? 0) + 1;
      const rows = eligible.map((child, index) => ({
        number: certificateNumber(year, start + index),
        year,
        sequence: start + index,
        familyId: child.familyId,
        childId: child.id,
        childName: child.name,
        billingName: billingName(child.family),
        amountCents: amounts.get(child.id)!,
        issuedAt: now,
        byUserId: viewer.userId,
      }));
      await tx.childcareCertificate.createMany({ data: rows });
      await writeAudit(tx, viewer, {
        action: "childcare.certificates.generate",
        targetType: "ChildcareCertificate",
        targetId: String(year),
        details: { year, created: rows.length, numbers: `${rows[0].number} – ${rows[rows.length - 1].number}` },
      });
      return { created: rows.length, firstNumber: rows[0].number, lastNumber: rows[rows.length - 1].number };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** The staff list of a year's certificates, in number order. */
export async function listCertificates(db: Db, viewer: StaffViewer, year: number) {
  assertStaffViewer(viewer);
  return db.childcareCertificate.findMany({
    where: { year },
    orderBy: { sequence: "asc" },
    take: 1000,
    select: { id: true, number: true, childName: true, billingName: true, amountCents: true, issuedAt: true },
  });
}

/** The family's certificates, from 1 January of the year after theirs. */
export async function listFamilyCertificates(db: Db, viewer: ParentViewer, options: { now?: Date } = {}) {
  const currentYear = Number(parisToday(options.now ?? clock.now()).slice(0, 4));
  return db.childcareCertificate.findMany({
    where: { familyId: viewer.familyId, year: { lt: currentYear } },
    orderBy: [{ year: "desc" }, { childName: "asc" }],
    select: { id: true, number: true, year: true, childName: true, amountCents: true },
  });
}

export type CertificatePdfData = {
  town: { name: string; guichetName: string };
  number: string;
  year: number;
  childName: string;
  childBirthDay: string;
  billingName: string;
  billingAddress: string;
  amountCents: number;
  issuedAt: Date;
};

/** A certificate's PDF data: the family's own or any for staff; null otherwise (the route answers 404). */
export async function loadCertificatePdfData(db: Db, viewer: Viewer | null, id: string): Promise<CertificatePdfData | null> {
  if (!viewer || !(isParent(viewer) || isStaff(viewer))) return null;
  const currentYear = Number(parisToday(clock.now()).slice(0, 4));
  const row = await db.childcareCertificate.findFirst({
    where: isStaff(viewer) ? { id } : { id, familyId: viewer.familyId, year: { lt: currentYear } },
    select: {
      number: true,
      year: true,
      childName: true,
      billingName: true,
      amountCents: true,
      issuedAt: true,
      child: { select: { birthDate: true } },
      family: { select: { street: true, addressComplement: true, postalCode: true, city: true } },
    },
  });
  if (!row) return null;
  const town = await db.townSettings.findUnique({ where: { id: 1 }, select: { townName: true, guichetName: true } });
  return {
    town: { name: town?.townName ?? "", guichetName: town?.guichetName ?? "Guichet unique" },
    number: row.number,
    year: row.year,
    childName: row.childName,
    childBirthDay: dateToDay(row.child.birthDate),
    billingName: row.billingName,
    billingAddress: billingAddress(row.family),
    amountCents: row.amountCents,
    issuedAt: row.issuedAt,
  };
}

import "server-only";

import crypto from "node:crypto";

import { readBillExcusedAbsence } from "@/lib/attendance/attendance";
import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { addDays, dateToDay, formatDay, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMails } from "@/lib/mail/outbox";
import { renderMail, type MailTown, type RenderedMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { monthEnd, monthFirstDay, ofMonthLabel, type BillingMonth } from "./billing-month";
import { billingAddress, billingName, type FamilyCivilityName } from "./billing-party";
import { insertContractLines, stageContractLines, type CrecheAnomalies } from "./creche-invoicing";
import { invoiceNumber, invoiceReference } from "./invoice-number";
import { formatAmount } from "./invoice-state";

// The monthly invoicing run of a régie (SPEC §8, issue #14 point 2). Set-based: the month's
// billable days are staged in a temporary table by one INSERT … SELECT (price of the unit for the
// family's QF bracket valid THAT day), then the invoices and their lines are written by one
// INSERT … SELECT each. The rules, in words (quotient-bracket.ts holds them as pure functions):
// - billed: ReservationDay ACCEPTED, of a unit whose period's activity the régie bills, dated in
//   the month, not on a standing invoice line (InvoiceLine.billedDayId is unique: never twice).
//   CANCELLED days are never billed: a parent can cancel only before the change deadline, and an
//   agent's cancellation (lib/reservations/staff-cancellation.ts) gives the place back — the day
//   may be booked by another child, so it cannot be billed to this family as well. A day the
//   child missed stays ACCEPTED: ABSENT is billed, ABSENT_EXCUSE only if the town says so
//   (TownSettings.billExcusedAbsence).
// - the QF of a day: the family's QuotientHistory row valid from that day or before; none → the
//   highest bracket, listed as an anomaly. A unit with no tariff for the bracket: the day is
//   skipped (not billed, so a later run bills it once the tariff exists) and listed.
// - numbers: the InvoiceCounter row (régie, issue year, INVOICE) is created if missing and
//   locked FOR UPDATE first, so two staff launching the same run are serialised: the second
//   waits, then stages only what the first left (nothing), with no gap and no duplicate.
//   Numbers follow the families' names.
// - crèches (issue #15): the régie's crèche contracts of the month are staged too
//   (creche-invoicing.ts) and billed on the same family invoice; day lines copy
//   Activity.childcareTaxEligible into InvoiceLine.taxEligible (the « Attestation de frais de garde »).

type Tx = Prisma.TransactionClient;

const RUN_TRANSACTION = { maxWait: 30_000, timeout: 300_000 } as const;
const LISTED_FAMILIES = 200;
const LISTED_ANOMALIES = 200;

export type InvoicingInput = { regieId: string; month: BillingMonth };

export type InvoicingAnomalies = {
  /** Families billed (some days at least) at the highest bracket: no QF known that day, or none of the brackets holds it. */
  noQuotient: { familyId: string; familyName: string; days: number; reason: "NO_QF" | "NO_BRACKET" }[];
  noQuotientCount: number;
  /** Days not billed: their unit has no tariff for the bracket. */
  noTariff: {
    familyId: string;
    familyName: string;
    childName: string;
    date: CalendarDay;
    service: string;
    unit: string;
    bracket: string | null;
  }[];
  noTariffCount: number;
  /** Crèche contracts (creche-invoicing.ts): families billed at the PSU ceiling, contracts of a year without PSU values. */
  creche: CrecheAnomalies;
};

export type InvoicingPreview = {
  regie: { id: string; code: string; name: string; payableOnline: boolean };
  month: BillingMonth;
  invoiceCount: number;
  dayCount: number;
  totalCents: number;
  /** The first families (by name) with what they will be billed; `invoiceCount` says how many in all. */
  families: { familyId: string; familyName: string; days: number; totalCents: number; rank: number }[];
  anomalies: InvoicingAnomalies;
};

export type InvoicingResult = {
  runId: string | null;
  invoiceCount: number;
  dayCount: number;
  totalCents: number;
  firstNumber: string | null;
  lastNumber: string | null;
  anomalies: InvoicingAnomalies;
};

async function loadRegie(db: PrismaClient | Tx, regieId: string) {
  const regie = await db.regie.findUnique({
    where: { id: regieId },
    select: { id: true, code: true, name: true, payableOnline: true, paymentDeadlineDays: true, active: true },
  });
  if (!regie) throw new AppError("NOT_FOUND", "Régie introuvable.");
  return regie;
}

/** The month's billable days of the régie, priced, into the temporary table billing_line (dropped at commit). */
async function stageBillableDays(tx: Tx, regieId: string, month: BillingMonth, billExcusedAbsence: boolean): Promise<void> {
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE billing_line (
      day_id text PRIMARY KEY,
      family_id text NOT NULL,
      child_id text NOT NULL,
      unit_id text NOT NULL,
      date date NOT NULL,
      service_label text NOT NULL,
      unit_label text NOT NULL,
      qf integer,
      bracket_found boolean NOT NULL,
      bracket_label text,
      price_cents integer,
      tax_eligible boolean NOT NULL
    ) ON COMMIT DROP`);
  await tx.$executeRaw`
    INSERT INTO billing_line
    SELECT rd.id, r."familyId", rd."childId", rd."unitId", rd.date, e.name, u.label,
           q.qf, found.id IS NOT NULL, COALESCE(found.label, top.label), t."priceCents", a."childcareTaxEligible"
      FROM "ReservationDay" rd
      JOIN "Reservation" r ON r.id = rd."reservationId"
      JOIN "Unit" u ON u.id = rd."unitId"
      JOIN "Period" p ON p.id = u."periodId"
      JOIN "Activity" a ON a.id = p."activityId"
      JOIN "Establishment" e ON e.id = p."establishmentId"
      LEFT JOIN "Attendance" att ON att."reservationDayId" = rd.id
      LEFT JOIN LATERAL (
        SELECT h."quotientFamilial" AS qf FROM "QuotientHistory" h
         WHERE h."familyId" = r."familyId" AND h."validFrom" <= rd.date
         ORDER BY h."validFrom" DESC LIMIT 1) q ON true
      LEFT JOIN LATERAL (
        SELECT b.id, b.label FROM "QfBracket" b
         WHERE q.qf IS NOT NULL AND q.qf >= b."minQf" AND (b."maxQf" IS NULL OR q.qf < b."maxQf")
         ORDER BY b."minQf" LIMIT 1) found ON true
      LEFT JOIN LATERAL (SELECT b.id, b.label FROM "QfBracket" b ORDER BY b."minQf" DESC LIMIT 1) top ON true
      LEFT JOIN "Tariff" t ON t."unitId" = rd."unitId" AND t."bracketId" = COALESCE(found.id, top.id)
     WHERE a."regieId" = ${regieId}
       AND rd.status = 'ACCEPTED'
       AND rd.date >= ${monthFirstDay(month)}::date AND rd.date < ${monthEnd(month)}::date
       AND NOT EXISTS (SELECT 1 FROM "InvoiceLine" il WHERE il."billedDayId" = rd.id)
       AND (att.status IS NULL OR att.status <> 'ABSENT_EXCUSE' OR ${billExcusedAbsence})`;
  await tx.$executeRawUnsafe(`ANALYZE billing_line`);
}

type StagedFamily = {
  familyId: string;
  familyName: string;
  civility: FamilyCivilityName | null;
  street: string | null;
  addressComplement: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  days: number;
  totalCents: number;
  rank: number;
};

/** The families with at least one priced day, in the numbering order (name, then id), with their totals and next rank. */
async function stagedFamilies(tx: Tx, regieId: string, month: BillingMonth, limit: number | null): Promise<StagedFamily[]> {
  const rows = await tx.$queryRaw<
    (Omit<StagedFamily, "days" | "totalCents" | "rank"> & { days: bigint; totalCents: bigint; rank: number })[]
  >`
    SELECT f.id AS "familyId", f.name AS "familyName", f.civility::text AS civility, f.street, f."addressComplement",
           f."postalCode", f.city, pe.email, s.days, s.total AS "totalCents", COALESCE(prev.rank, 0) + 1 AS rank
      FROM (SELECT family_id, sum(days)::bigint AS days, sum(total)::bigint AS total
              FROM (SELECT family_id, count(*) AS days, sum(price_cents) AS total
                      FROM billing_line WHERE price_cents IS NOT NULL GROUP BY family_id
                    UNION ALL
                    SELECT family_id, 0, sum(amount_cents) FROM billing_contract_line GROUP BY family_id) u
             GROUP BY family_id) s
      JOIN "Family" f ON f.id = s.family_id
      LEFT JOIN LATERAL (
        SELECT max(i.rank) AS rank FROM "Invoice" i
         WHERE i."familyId" = f.id AND i."regieId" = ${regieId} AND i.kind = 'INVOICE'
           AND i.month = ${monthFirstDay(month)}::date) prev ON true
      LEFT JOIN LATERAL (
        SELECT u.email FROM "User" u WHERE u."familyId" = f.id AND u.role = 'PARENT'
         ORDER BY u.active DESC, u."createdAt", u.id LIMIT 1) pe ON true
     ORDER BY f.name, f.id
     LIMIT ${limit ?? 2_147_483_647}`;
  return rows.map((row) => ({ ...row, days: Number(row.days), totalCents: Number(row.totalCents), rank: Number(row.rank) }));
}

async function stagedTotals(tx: Tx): Promise<{ invoiceCount: number; dayCount: number; totalCents: number }> {
  const [row] = await tx.$queryRaw<{ families: bigint; days: bigint; total: bigint | null }[]>`
    SELECT (SELECT count(*) FROM (SELECT family_id FROM billing_line WHERE price_cents IS NOT NULL
                                  UNION SELECT family_id FROM billing_contract_line) f) AS families,
           (SELECT count(*) FROM billing_line WHERE price_cents IS NOT NULL) AS days,
           (SELECT COALESCE(sum(price_cents), 0) FROM billing_line WHERE price_cents IS NOT NULL)
           + (SELECT COALESCE(sum(amount_cents), 0) FROM billing_contract_line) AS total`;
  return { invoiceCount: Number(row.families), dayCount: Number(row.days), totalCents: Number(row.total ?? 0) };
}

async function stagedAnomalies(tx: Tx, creche: CrecheAnomalies): Promise<InvoicingAnomalies> {
  const noQuotient = await tx.$queryRaw<{ familyId: string; familyName: string; days: bigint; noQf: boolean }[]>`
    SELECT l.family_id AS "familyId", f.name AS "familyName", count(*) AS days, bool_or(l.qf IS NULL) AS "noQf"
      FROM billing_line l JOIN "Family" f ON f.id = l.family_id
     WHERE NOT l.bracket_found
     GROUP BY l.family_id, f.name ORDER BY f.name, l.family_id`;
  const noTariff = await tx.$queryRaw<
    {
      familyId: string;
      familyName: string;
      lastName: string;
      firstName: string;
      date: Date;
      service: string;
      unit: string;
      bracket: string | null;
    }[]
  >`
    SELECT l.family_id AS "familyId", f.name AS "familyName", c."lastName", c."firstName", l.date,
           l.service_label AS service, l.unit_label AS unit, l.bracket_label AS bracket
      FROM billing_line l JOIN "Family" f ON f.id = l.family_id JOIN "Child" c ON c.id = l.child_id
     WHERE l.price_cents IS NULL
     ORDER BY f.name, l.family_id, l.date, l.unit_label`;
  return {
    noQuotient: noQuotient.slice(0, LISTED_ANOMALIES).map((row) => ({
      familyId: row.familyId,
      familyName: row.familyName,
      days: Number(row.days),
      reason: row.noQf ? "NO_QF" : "NO_BRACKET",
    })),
    noQuotientCount: noQuotient.length,
    noTariff: noTariff.slice(0, LISTED_ANOMALIES).map((row) => ({
      familyId: row.familyId,
      familyName: row.familyName,
      childName: childName(row),
      date: dateToDay(row.date),
      service: row.service,
      unit: row.unit,
      bracket: row.bracket,
    })),
    noTariffCount: noTariff.length,
    creche,
  };
}

/** What « Générer les factures » would issue now, without issuing anything. Staff only. */
export async function previewInvoicing(db: PrismaClient, viewer: StaffViewer, input: InvoicingInput): Promise<InvoicingPreview> {
  assertStaffViewer(viewer);
  const regie = await loadRegie(db, input.regieId);
  const billExcusedAbsence = await readBillExcusedAbsence(db);
  return db.$transaction(async (tx) => {
    await stageBillableDays(tx, regie.id, input.month, billExcusedAbsence);
    const creche = await stageContractLines(tx, regie.id, input.month, { lock: false });
    const totals = await stagedTotals(tx);
    const families = await stagedFamilies(tx, regie.id, input.month, LISTED_FAMILIES);
    return {
      regie: { id: regie.id, code: regie.code, name: regie.name, payableOnline: regie.payableOnline },
      month: input.month,
      ...totals,
      families: families.map(({ familyId, familyName, days, totalCents, rank }) => ({
        familyId,
        familyName,
        days,
        totalCents,
        rank,
      })),
      anomalies: await stagedAnomalies(tx, creche),
    };
  }, RUN_TRANSACTION);
}

/**
 * Issues the month's invoices of the régie, one per family with days not invoiced yet (rank 2, 3…
 * when the month already has one), in one transaction with their mails and the run's record.
 * Nothing to bill: nothing is written and the result says so (runId null). Staff only.
 */
export async function generateInvoices(
  db: PrismaClient,
  viewer: StaffViewer,
  input: InvoicingInput,
  /** `notify: false`: no « Votre facture … est disponible » (the demo's seed, whose invoice is there from the start). */
  options: { now?: Date; notify?: boolean } = {},
): Promise<InvoicingResult> {
  assertStaffViewer(viewer);
  const now = options.now ?? clock.now();
  const issueDay = parisToday(now);
  const year = Number(issueDay.slice(0, 4));
  const regie = await loadRegie(db, input.regieId);
  if (!regie.active) throw new AppError("INVALID", "Cette régie n'est plus active : elle n'émet plus de factures.");
  const billExcusedAbsence = await readBillExcusedAbsence(db);
  const town = await loadMailTown(db);

  return db.$transaction(async (tx) => {
    // The counter row first, created if missing, then locked: a second run of the régie waits here.
    await tx.$executeRaw`
      INSERT INTO "InvoiceCounter" ("regieId", "year", "kind", "lastNumber") VALUES (${regie.id}, ${year}, 'INVOICE', 0)
      ON CONFLICT DO NOTHING`;
    const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
      SELECT "lastNumber" FROM "InvoiceCounter"
       WHERE "regieId" = ${regie.id} AND "year" = ${year} AND "kind" = 'INVOICE' FOR UPDATE`;

    await stageBillableDays(tx, regie.id, input.month, billExcusedAbsence);
    const creche = await stageContractLines(tx, regie.id, input.month, { lock: true });
    const anomalies = await stagedAnomalies(tx, creche);
    const families = await stagedFamilies(tx, regie.id, input.month, null);
    if (families.length === 0) {
      return { runId: null, invoiceCount: 0, dayCount: 0, totalCents: 0, firstNumber: null, lastNumber: null, anomalies };
    }

    const dueDay = addDays(issueDay, regie.paymentDeadlineDays);
    const invoices = families.map((family, index) => {
      const sequence = counter.lastNumber + index + 1;
      const number = invoiceNumber("INVOICE", regie.code, year, sequence);
      return {
        id: crypto.randomUUID(),
        family,
        sequence,
        number,
        reference: invoiceReference(number),
        name: billingName({ civility: family.civility, name: family.familyName }),
        address: billingAddress(family),
      };
    });
    const totalCents = families.reduce((sum, family) => sum + family.totalCents, 0);
    const dayCount = families.reduce((sum, family) => sum + family.days, 0);

    const runId = crypto.randomUUID();
    await tx.invoicingRun.create({
      data: {
        id: runId,
        regieId: regie.id,
        month: new Date(`${monthFirstDay(input.month)}T00:00:00Z`),
        startedAt: now,
        byUserId: viewer.userId,
        invoiceCount: invoices.length,
        totalCents,
        anomalies: anomalies as unknown as Prisma.InputJsonValue,
      },
    });

    await tx.$executeRaw`
      INSERT INTO "Invoice" ("id", "kind", "number", "reference", "regieId", "year", "sequence", "familyId", "month", "rank",
                             "runId", "payableOnline", "status", "totalCents", "paidCents", "issuedAt", "dueDate",
                             "billingName", "billingAddress", "payerEmail")
      SELECT m.id, 'INVOICE', m.number, m.reference, ${regie.id}, ${year}, m.sequence, m.family_id, ${monthFirstDay(input.month)}::date,
             m.rank, ${runId}, ${regie.payableOnline}, 'ISSUED', m.total, 0, ${now}, ${dueDay}::date, m.name, m.address, m.email
        FROM unnest(${invoices.map((invoice) => invoice.id)}::text[], ${invoices.map((invoice) => invoice.number)}::text[],
                    ${invoices.map((invoice) => invoice.reference)}::text[], ${invoices.map((invoice) => invoice.sequence)}::int[],
                    ${invoices.map((invoice) => invoice.family.familyId)}::text[], ${invoices.map((invoice) => invoice.family.rank)}::int[],
                    ${invoices.map((invoice) => invoice.family.totalCents)}::int[], ${invoices.map((invoice) => invoice.name)}::text[],
                    ${invoices.map((invoice) => invoice.address)}::text[], ${invoices.map((invoice) => invoice.family.email)}::text[])
             AS m(id, number, reference, sequence, family_id, rank, total, name, address, email)`;

    // Children's names as the portal writes them everywhere (childName), computed once per child.
    const children = await tx.$queryRaw<{ id: string; lastName: string; firstName: string }[]>`
      SELECT c.id, c."lastName", c."firstName" FROM "Child" c WHERE c.id IN (SELECT DISTINCT child_id FROM billing_line)`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "InvoiceLine" ("id", "invoiceId", "reservationDayId", "billedDayId", "taxEligible", "date", "childId", "childName",
                                 "unitId", "serviceLabel", "unitLabel", "quotientFamilial", "bracketLabel", "quantity", "unitPriceCents",
                                 "amountCents")
      SELECT gen_random_uuid()::text, m.invoice_id, l.day_id, l.day_id, l.tax_eligible, l.date, l.child_id, n.name,
             l.unit_id, l.service_label, l.unit_label, l.qf, l.bracket_label, 1, l.price_cents, l.price_cents
        FROM billing_line l
        JOIN unnest(${invoices.map((invoice) => invoice.family.familyId)}::text[], ${invoices.map((invoice) => invoice.id)}::text[])
             AS m(family_id, invoice_id) ON m.family_id = l.family_id
        JOIN unnest(${children.map((child) => child.id)}::text[], ${children.map((child) => childName(child))}::text[])
             AS n(child_id, name) ON n.child_id = l.child_id
       WHERE l.price_cents IS NOT NULL`;
    if (inserted !== dayCount) throw new Error(`Invoicing: ${inserted} lines written for ${dayCount} days staged.`);
    await insertContractLines(
      tx,
      invoices.map((invoice) => ({ familyId: invoice.family.familyId, invoiceId: invoice.id })),
    );

    await tx.$executeRaw`
      UPDATE "InvoiceCounter" SET "lastNumber" = ${counter.lastNumber + invoices.length}
       WHERE "regieId" = ${regie.id} AND "year" = ${year} AND "kind" = 'INVOICE'`;
    await tx.invoicingRun.update({ where: { id: runId }, data: { finishedAt: clock.now() } });

    await enqueueMails(
      tx,
      invoices
        .filter((invoice) => invoice.family.email && options.notify !== false)
        .map((invoice) => ({
          to: invoice.family.email!,
          kind: "invoice-available" as const,
          mail: invoiceAvailableMail(town, {
            month: input.month,
            number: invoice.number,
            totalCents: invoice.family.totalCents,
            dueDay,
            regieName: regie.name,
            payableOnline: regie.payableOnline,
          }),
        })),
    );

    await writeAudit(tx, viewer, {
      action: "invoicing.run",
      targetType: "InvoicingRun",
      targetId: runId,
      details: {
        regie: regie.code,
        month: input.month,
        invoices: invoices.length,
        totalCents,
        numbers: `${invoices[0].number} – ${invoices[invoices.length - 1].number}`,
      },
    });
    return {
      runId,
      invoiceCount: invoices.length,
      dayCount,
      totalCents,
      firstNumber: invoices[0].number,
      lastNumber: invoices[invoices.length - 1].number,
      anomalies,
    };
  }, RUN_TRANSACTION);
}

/** « Votre facture de novembre 2026 est disponible ». */
export function invoiceAvailableMail(
  town: MailTown,
  invoice: {
    month: BillingMonth;
    number: string;
    totalCents: number;
    dueDay: CalendarDay;
    regieName: string;
    payableOnline: boolean;
  },
): RenderedMail {
  const month = ofMonthLabel(invoice.month);
  return renderMail(town, {
    subject: `Votre facture ${month} est disponible`,
    paragraphs: [
      `Votre facture ${month} (${invoice.regieName}) est disponible sur le ${town.portalName}.`,
      `Facture n° ${invoice.number} – montant : ${formatAmount(invoice.totalCents)} – à régler avant le ${formatDay(invoice.dueDay)}.`,
      invoice.payableOnline
        ? "Elle est payable en ligne, par carte bancaire, depuis la page « Mes factures »."
        : `Elle est à régler auprès du ${town.guichetName} (espèces, chèque, CESU ou virement).`,
    ],
    action: { label: "Voir mes factures", url: publicUrl("/espace/factures") },
  });
}

/** The staff page's history: the régie's runs, newest first. */
export async function listInvoicingRuns(db: PrismaClient, viewer: StaffViewer, options: { take?: number } = {}) {
  assertStaffViewer(viewer);
  const runs = await db.invoicingRun.findMany({
    orderBy: { startedAt: "desc" },
    take: options.take ?? 20,
    select: {
      id: true,
      month: true,
      startedAt: true,
      invoiceCount: true,
      totalCents: true,
      regie: { select: { code: true, name: true } },
      by: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  // First and last numbers of each run (same régie and year within a run, so text order is number order).
  const ranges = await db.$queryRaw<{ runId: string; first: string; last: string }[]>`
    SELECT "runId", min("number") AS first, max("number") AS last FROM "Invoice"
     WHERE "runId" = ANY(${runs.map((run) => run.id)}::text[]) GROUP BY "runId"`;
  return runs.map((run) => {
    const range = ranges.find((row) => row.runId === run.id);
    return {
      id: run.id,
      month: dateToDay(run.month).slice(0, 7),
      startedAt: run.startedAt,
      invoiceCount: run.invoiceCount,
      totalCents: run.totalCents,
      regie: run.regie,
      by: run.by ? [run.by.firstName, run.by.lastName].filter(Boolean).join(" ") || run.by.email : null,
      firstNumber: range?.first ?? null,
      lastNumber: range?.last ?? null,
    };
  });
}

/** The régies a run can be launched for (active ones), for the page's select. */
export async function listBillingRegies(db: PrismaClient, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  return db.regie.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, payableOnline: true },
  });
}

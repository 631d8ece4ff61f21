import "server-only";

import { TZDate } from "@date-fns/tz";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, PARIS, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db, DbClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { applyPayment } from "./apply-payment";
import { INVOICE_LINE_SHOWN } from "./invoice-lines";
import { invoiceState, remainingCents, type InvoiceState } from "./invoice-state";
import type { TInvoiceExport, TInvoiceFilterState, TInvoiceSearch, TManualPayment } from "./staff-invoice.schema";

// The staff's invoices (issue #14 point 7): the list with its filters and the totals of the
// selection, an invoice's page, the manual payments of the Guichet unique, and the month's
// data for the accounting export. The state filter is SQL (the list is paginated): the same
// rules as invoiceState() in lib/billing/invoice-state.ts, written once more as conditions.

export const STAFF_INVOICES_PAGE_SIZE = 50;

/** The instants a Paris month starts and ends (the next one starts): what « issued / received in the month » means. */
export function parisMonthBounds(month: string): { from: Date; to: Date } {
  const [year, index] = month.split("-").map(Number);
  return {
    from: new Date(new TZDate(year, index - 1, 1, PARIS).getTime()),
    to: new Date(new TZDate(year, index, 1, PARIS).getTime()),
  };
}

// An invoice not fully paid and still standing; then late or not, partly paid or not (invoiceState).
const UNPAID = Prisma.sql`i."kind" = 'INVOICE' AND i."status" = 'ISSUED' AND i."paidCents" < i."totalCents"`;
const STATE_CONDITIONS: Record<TInvoiceFilterState, (today: CalendarDay) => Prisma.Sql> = {
  "a-payer": (today) => Prisma.sql`${UNPAID} AND i."dueDate" >= ${today}::date AND i."paidCents" = 0`,
  "partiellement-payee": (today) => Prisma.sql`${UNPAID} AND i."dueDate" >= ${today}::date AND i."paidCents" > 0`,
  "en-retard": (today) => Prisma.sql`${UNPAID} AND i."dueDate" < ${today}::date`,
  payee: () =>
    Prisma.sql`i."kind" = 'INVOICE' AND (i."status" = 'PAID' OR (i."status" = 'ISSUED' AND i."paidCents" >= i."totalCents"))`,
  annulee: () => Prisma.sql`i."kind" = 'INVOICE' AND i."status" = 'CANCELLED'`,
  avoirs: () => Prisma.sql`i."kind" = 'CREDIT_NOTE'`,
};
/** What remains to pay on each row, as remainingCents() says. */
const REMAINING = Prisma.sql`CASE WHEN i."kind" = 'INVOICE' AND i."status" <> 'CANCELLED' THEN GREATEST(0, i."totalCents" - i."paidCents") ELSE 0 END`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

function searchConditions(filter: Omit<TInvoiceSearch, "page">, today: CalendarDay): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    parts.push(Prisma.sql`(f."name" ILIKE ${like} OR i."number" ILIKE ${like} OR i."reference" ILIKE ${like})`);
  }
  if (filter.mois) parts.push(Prisma.sql`i."month" = ${`${filter.mois}-01`}::date`);
  if (filter.regie) parts.push(Prisma.sql`i."regieId" = ${filter.regie}`);
  if (filter.etat) parts.push(STATE_CONDITIONS[filter.etat](today));
  return Prisma.join(parts, " AND ");
}

const ROW_SELECT = {
  id: true,
  kind: true,
  number: true,
  status: true,
  totalCents: true,
  paidCents: true,
  month: true,
  rank: true,
  issuedAt: true,
  dueDate: true,
  family: { select: { id: true, name: true } },
  regie: { select: { name: true } },
} as const;

type Row = Prisma.InvoiceGetPayload<{ select: typeof ROW_SELECT }>;

function withState<T extends Pick<Row, "kind" | "status" | "totalCents" | "paidCents" | "dueDate">>(row: T, today: CalendarDay) {
  return {
    ...row,
    state: invoiceState({ ...row, dueDay: dateToDay(row.dueDate) }, today) as InvoiceState,
    remainingCents: remainingCents(row),
  };
}

/** « Factures »: filtered by family name or number, month, régie and state; the newest first, 50 a page, with the totals of the whole selection. */
export async function listInvoicesForStaff(db: Db, viewer: StaffViewer, filter: TInvoiceSearch, today = clock.today()) {
  assertStaffViewer(viewer);
  const where = searchConditions(filter, today);
  const [[totals], ids] = await Promise.all([
    db.$queryRaw<{ count: number; totalCents: number; paidCents: number; remainingCents: number }[]>`
      SELECT count(*)::int AS "count",
             coalesce(sum(i."totalCents"), 0)::int AS "totalCents",
             coalesce(sum(CASE WHEN i."kind" = 'INVOICE' THEN i."paidCents" ELSE 0 END), 0)::int AS "paidCents",
             coalesce(sum(${REMAINING}), 0)::int AS "remainingCents"
      FROM "Invoice" i JOIN "Family" f ON f."id" = i."familyId"
      WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "Invoice" i JOIN "Family" f ON f."id" = i."familyId"
      WHERE ${where}
      ORDER BY i."issuedAt" DESC, i."number" DESC
      LIMIT ${STAFF_INVOICES_PAGE_SIZE} OFFSET ${(filter.page - 1) * STAFF_INVOICES_PAGE_SIZE}`,
  ]);
  const rows = await db.invoice.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: ROW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    totals,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(totals.count / STAFF_INVOICES_PAGE_SIZE)),
    rows: ids.map(({ id }) => withState(byId.get(id)!, today)),
  };
}

/** Everything an invoice's staff page shows: header, lines grouped by child and service, payments, PayFiP operations. */
export async function getInvoiceForStaff(db: Db, viewer: StaffViewer, id: string, today = clock.today()) {
  assertStaffViewer(viewer);
  const invoice = await db.invoice.findUnique({
    where: { id },
    select: {
      ...ROW_SELECT,
      reference: true,
      payableOnline: true,
      paidAt: true,
      cancelledAt: true,
      cancelReason: true,
      billingName: true,
      billingAddress: true,
      regie: { select: { id: true, name: true, code: true } },
      cancels: { select: { id: true, number: true } },
      creditNote: { select: { id: true, number: true } },
      lines: {
        orderBy: [{ childName: "asc" }, { serviceLabel: "asc" }, { date: "asc" }, { unitLabel: "asc" }],
        select: { id: true, ...INVOICE_LINE_SHOWN },
      },
      payments: {
        orderBy: [{ receivedAt: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          method: true,
          amountCents: true,
          receivedAt: true,
          receiptNumber: true,
          recordedBy: { select: { firstName: true, lastName: true, email: true } },
          payfipOperation: { select: { idOp: true } },
        },
      },
      payfipOperations: {
        orderBy: { createdAt: "asc" },
        select: { id: true, idOp: true, amountCents: true, status: true, createdAt: true, settledAt: true, flagReason: true },
      },
    },
  });
  if (!invoice) return null;
  const groups: { childName: string; serviceLabel: string; lines: typeof invoice.lines; totalCents: number }[] = [];
  for (const line of invoice.lines) {
    let group = groups.at(-1);
    if (!group || group.childName !== line.childName || group.serviceLabel !== line.serviceLabel) {
      group = { childName: line.childName, serviceLabel: line.serviceLabel, lines: [], totalCents: 0 };
      groups.push(group);
    }
    group.lines.push(line);
    group.totalCents += line.amountCents;
  }
  const { payments, ...rest } = withState(invoice, today);
  return {
    ...rest,
    lines: undefined,
    issuedDay: parisToday(invoice.issuedAt),
    dueDay: dateToDay(invoice.dueDate),
    groups,
    payments: payments.map((payment) => ({
      id: payment.id,
      method: payment.method,
      amountCents: payment.amountCents,
      receivedDay: parisToday(payment.receivedAt),
      receiptNumber: payment.receiptNumber,
      recordedBy: payment.recordedBy
        ? [payment.recordedBy.firstName, payment.recordedBy.lastName].filter(Boolean).join(" ") || payment.recordedBy.email
        : null,
      idOp: payment.payfipOperation?.idOp ?? null,
    })),
    /** A manual payment can be recorded: a standing invoice with something left to pay. */
    payable: invoice.kind === "INVOICE" && invoice.status === "ISSUED" && remainingCents(invoice) > 0,
  };
}
export type StaffInvoice = NonNullable<Awaited<ReturnType<typeof getInvoiceForStaff>>>;

/**
 * A payment received at the Guichet unique (cash, cheque, CESU, transfer), recorded through
 * applyPayment — which locks the invoice, refuses a cancelled one and anything above what
 * remains — with its audit entry, in one transaction. Received today: now; an earlier day: that day.
 */
export async function recordManualPayment(db: DbClient, viewer: StaffViewer, input: TManualPayment, now = clock.now()) {
  assertStaffViewer(viewer);
  const today = parisToday(now);
  if (input.receivedOn > today) throw new AppError("INVALID", "La date de réception ne peut pas être dans le futur.");
  return db.$transaction(async (tx) => {
    const result = await applyPayment(tx, {
      invoiceId: input.invoiceId,
      method: input.method,
      amountCents: input.amount,
      receivedAt: input.receivedOn === today ? now : dayToDate(input.receivedOn),
      receiptNumber: input.receiptNumber === "" ? null : input.receiptNumber,
      recordedByUserId: viewer.userId,
    });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: input.invoiceId },
      select: { familyId: true, number: true },
    });
    await writeAudit(tx, viewer, {
      action: "invoice.payment.record",
      familyId: invoice.familyId,
      targetType: "Invoice",
      targetId: input.invoiceId,
      details: {
        number: invoice.number,
        method: input.method,
        amountCents: input.amount,
        receivedOn: input.receivedOn,
        receiptNumber: input.receiptNumber,
        paidInFull: result.paidInFull,
      },
    });
    return result;
  });
}

// ─── The accounting export ───────────────────────────────────────────────────────────────────

type ExportQuery = Pick<TInvoiceExport, "mois"> & { regie?: string };

/** The invoices and credit notes issued in the month (Paris time), by number. */
export async function invoicesIssuedInMonth(db: Db, viewer: StaffViewer, query: ExportQuery, today = clock.today()) {
  assertStaffViewer(viewer);
  const { from, to } = parisMonthBounds(query.mois);
  const rows = await db.invoice.findMany({
    where: { issuedAt: { gte: from, lt: to }, ...(query.regie ? { regieId: query.regie } : {}) },
    orderBy: [{ regie: { code: "asc" } }, { kind: "asc" }, { year: "asc" }, { sequence: "asc" }],
    select: { ...ROW_SELECT, billingName: true, cancels: { select: { number: true } } },
  });
  return rows.map((row) => ({ ...withState(row, today), issuedDay: parisToday(row.issuedAt), dueDay: dateToDay(row.dueDate) }));
}

/** The payments received in the month (Paris time), manual and PayFiP, in the order received. */
export async function paymentsReceivedInMonth(db: Db, viewer: StaffViewer, query: ExportQuery) {
  assertStaffViewer(viewer);
  const { from, to } = parisMonthBounds(query.mois);
  const rows = await db.payment.findMany({
    where: { receivedAt: { gte: from, lt: to }, ...(query.regie ? { invoice: { regieId: query.regie } } : {}) },
    orderBy: [{ receivedAt: "asc" }, { createdAt: "asc" }],
    select: {
      method: true,
      amountCents: true,
      receivedAt: true,
      receiptNumber: true,
      invoice: {
        select: { number: true, billingName: true, family: { select: { name: true } }, regie: { select: { code: true } } },
      },
      payfipOperation: { select: { idOp: true } },
    },
  });
  return rows.map((row) => ({
    receivedDay: parisToday(row.receivedAt),
    number: row.invoice.number,
    regieCode: row.invoice.regie.code,
    family: row.invoice.family.name,
    method: row.method,
    receiptNumber: row.receiptNumber,
    amountCents: row.amountCents,
    idOp: row.payfipOperation?.idOp ?? null,
  }));
}

/** Every régie, retired ones too: the invoices' filters and export. */
export async function invoiceRegieOptions(db: Db) {
  return db.regie.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, active: true } });
}

/** The months that have invoices, newest first: the invoices' month filter. */
export async function invoiceMonths(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT DISTINCT to_char("month", 'YYYY-MM') AS "month" FROM "Invoice" ORDER BY 1 DESC LIMIT 36`;
  return rows.map((row) => row.month);
}

import "server-only";

import { isParent, isStaff, type ParentViewer, type Viewer } from "@/lib/auth/session";
import { dateToDay, formatDay, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

import { ofMonthLabel } from "./billing-month";
import { INVOICE_LINE_SHOWN, sortLines } from "./invoice-lines";
import { INVOICE_STATE_LABELS, invoiceState, remainingCents, type InvoiceState } from "./invoice-state";
import { PAYMENT_METHOD_LABELS, type PaymentMethodName } from "./payment-methods";

// What the parents' invoice pages, the dashboard's « Factures » block and the PDF read. Every
// query of a parent is scoped to the viewer's family in its `where`, so another family's id finds
// nothing (the page or the PDF answers 404); results are plain DTOs.

type FamilyScope = Pick<ParentViewer, "familyId">;

export const INVOICES_PAGE_SIZE = 10;
/** Invoices to pay listed on the dashboard (one more is read to tell whether there are others). */
export const DASHBOARD_INVOICES_SHOWN = 5;

/**
 * « Facture de novembre 2026 », « Facture d'octobre 2026 » (elided before avril, août, octobre),
 * « Facture complémentaire de novembre 2026 », « Avoir de novembre 2026 ».
 */
export function invoiceTitle(invoice: { kind: "INVOICE" | "CREDIT_NOTE"; month: CalendarDay; rank: number }): string {
  const what = invoice.kind === "CREDIT_NOTE" ? "Avoir" : invoice.rank > 1 ? "Facture complémentaire" : "Facture";
  return `${what} ${ofMonthLabel(invoice.month)}`;
}

const INVOICE_ROW = {
  id: true,
  kind: true,
  number: true,
  month: true,
  rank: true,
  status: true,
  totalCents: true,
  paidCents: true,
  issuedAt: true,
  dueDate: true,
  payableOnline: true,
  regie: { select: { name: true } },
} satisfies Prisma.InvoiceSelect;

type InvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof INVOICE_ROW }>;

export type InvoiceSummary = {
  id: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  number: string;
  title: string;
  regie: string;
  issuedOn: string;
  dueOn: string;
  totalCents: number;
  paidCents: number;
  remainingCents: number;
  state: InvoiceState;
  stateLabel: string;
  /** « Payer en ligne » is offered: a payable-online invoice with something left to pay. */
  payOnline: boolean;
};

function summary(row: InvoiceRow, today: CalendarDay): InvoiceSummary {
  const dueDay = dateToDay(row.dueDate);
  const state = invoiceState({ ...row, dueDay }, today);
  const remaining = remainingCents(row);
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: invoiceTitle({ kind: row.kind, month: dateToDay(row.month), rank: row.rank }),
    regie: row.regie.name,
    issuedOn: formatDay(parisToday(row.issuedAt)),
    dueOn: formatDay(dueDay),
    totalCents: row.totalCents,
    paidCents: row.paidCents,
    remainingCents: remaining,
    state,
    stateLabel: INVOICE_STATE_LABELS[state],
    payOnline: row.kind === "INVOICE" && row.payableOnline && remaining > 0,
  };
}

export type PaymentItem = { id: string; receivedOn: string; method: string; amountCents: number };

const PAYMENTS = {
  orderBy: [{ receivedAt: "asc" }, { createdAt: "asc" }],
  select: { id: true, receivedAt: true, method: true, amountCents: true },
} satisfies Prisma.Invoice$paymentsArgs;

function paymentItems(payments: { id: string; receivedAt: Date; method: PaymentMethodName; amountCents: number }[]) {
  return payments.map((payment): PaymentItem => ({
    id: payment.id,
    receivedOn: formatDay(parisToday(payment.receivedAt)),
    method: PAYMENT_METHOD_LABELS[payment.method],
    amountCents: payment.amountCents,
  }));
}

export type FamilyInvoiceItem = InvoiceSummary & {
  /** The credit note that cancels this invoice, shown with it. */
  creditNote: InvoiceSummary | null;
  payments: PaymentItem[];
};

/**
 * « Mes factures »: the family's invoices, newest first, each with the credit note that cancels
 * it and the payments received; credit notes are not listed on their own.
 */
export async function listFamilyInvoices(
  db: Db,
  viewer: FamilyScope,
  page: number,
  today: CalendarDay,
  pageSize: number = INVOICES_PAGE_SIZE,
) {
  const where: Prisma.InvoiceWhereInput = { familyId: viewer.familyId, kind: "INVOICE" };
  const total = await db.invoice.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.invoice.findMany({
    where,
    orderBy: [{ month: "desc" }, { issuedAt: "desc" }, { number: "desc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: { ...INVOICE_ROW, creditNote: { select: INVOICE_ROW }, payments: PAYMENTS },
  });
  const items = rows.map((row): FamilyInvoiceItem => ({
    ...summary(row, today),
    creditNote: row.creditNote ? summary(row.creditNote, today) : null,
    payments: paymentItems(row.payments),
  }));
  return { items, total, page: current, pages, pageSize };
}

export type FamilyInvoiceList = Awaited<ReturnType<typeof listFamilyInvoices>>;

export type InvoiceLineItem = {
  id: string;
  date: string | null;
  childName: string;
  serviceLabel: string;
  unitLabel: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  /** « QF 650 – QF de 400 à 699 », or the highest bracket for want of a QF. */
  pricing: string | null;
};

/** One invoice or credit note of the family, with its lines and payments; null when it is not the family's. */
export async function getFamilyInvoice(db: Db, viewer: FamilyScope, id: string, today: CalendarDay) {
  const row = await db.invoice.findFirst({
    where: { id, familyId: viewer.familyId },
    select: {
      ...INVOICE_ROW,
      billingName: true,
      billingAddress: true,
      cancelReason: true,
      cancels: { select: INVOICE_ROW },
      creditNote: { select: INVOICE_ROW },
      payments: PAYMENTS,
      lines: { select: { id: true, ...INVOICE_LINE_SHOWN } },
    },
  });
  if (!row) return null;
  return {
    ...summary(row, today),
    billingName: row.billingName,
    billingAddress: row.billingAddress,
    cancelReason: row.cancelReason,
    cancels: row.cancels ? summary(row.cancels, today) : null,
    creditNote: row.creditNote ? summary(row.creditNote, today) : null,
    payments: paymentItems(row.payments),
    lines: sortLines(row.lines).map((line): InvoiceLineItem => ({
      id: line.id,
      date: line.date ? formatDay(dateToDay(line.date)) : null,
      childName: line.childName,
      serviceLabel: line.serviceLabel,
      unitLabel: line.unitLabel,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      amountCents: line.amountCents,
      pricing: line.bracketLabel
        ? `${line.quotientFamilial === null ? "Sans QF" : `QF ${line.quotientFamilial}`} – ${line.bracketLabel}`
        : null,
    })),
  };
}

export type FamilyInvoiceDetail = NonNullable<Awaited<ReturnType<typeof getFamilyInvoice>>>;

/**
 * The dashboard's « Factures » block: the family's invoices still to pay (issued, something
 * left), the oldest due first, at most DASHBOARD_INVOICES_SHOWN, and how many there are.
 */
export async function familyInvoicesToPay(db: Db, viewer: FamilyScope, today: CalendarDay) {
  const where: Prisma.InvoiceWhereInput = { familyId: viewer.familyId, kind: "INVOICE", status: "ISSUED" };
  const rows = await db.invoice.findMany({
    where,
    orderBy: [{ dueDate: "asc" }, { number: "asc" }],
    select: INVOICE_ROW,
  });
  const due = rows.map((row) => summary(row, today)).filter((invoice) => invoice.remainingCents > 0);
  return { items: due.slice(0, DASHBOARD_INVOICES_SHOWN), total: due.length };
}

export type InvoicesToPay = Awaited<ReturnType<typeof familyInvoicesToPay>>;

/** What the PDF is made of: the stored invoice alone, with the town's name and logo. */
export type InvoicePdfData = {
  town: { name: string; guichetName: string; logo: { bytes: Uint8Array; mimeType: string } | null };
  regie: { name: string; mentions: string };
  kind: "INVOICE" | "CREDIT_NOTE";
  number: string;
  title: string;
  status: "ISSUED" | "PAID" | "CANCELLED";
  payableOnline: boolean;
  issuedDay: CalendarDay;
  dueDay: CalendarDay;
  month: CalendarDay;
  billingName: string;
  billingAddress: string;
  totalCents: number;
  paidCents: number;
  /** The invoice this credit note cancels, and the credit note that cancels this invoice. */
  cancelsNumber: string | null;
  creditNoteNumber: string | null;
  cancelReason: string | null;
  lines: {
    date: CalendarDay | null;
    childName: string;
    serviceLabel: string;
    unitLabel: string;
    quantity: number;
    unitPriceCents: number;
    amountCents: number;
  }[];
  issuedAt: Date;
  /** The last change of what the PDF shows (a payment, the cancellation): its ModDate. */
  changedAt: Date;
};

/**
 * The PDF's data for the family's own invoice or for staff (any invoice); null for anyone else,
 * another family's id included, so the route answers 404.
 */
export async function loadInvoicePdfData(db: Db, viewer: Viewer | null, id: string): Promise<InvoicePdfData | null> {
  if (!viewer || !(isParent(viewer) || isStaff(viewer))) return null;
  const row = await db.invoice.findFirst({
    where: isStaff(viewer) ? { id } : { id, familyId: viewer.familyId },
    select: {
      kind: true,
      number: true,
      month: true,
      rank: true,
      status: true,
      payableOnline: true,
      issuedAt: true,
      dueDate: true,
      cancelledAt: true,
      billingName: true,
      billingAddress: true,
      totalCents: true,
      paidCents: true,
      cancelReason: true,
      regie: { select: { name: true, mentions: true } },
      cancels: { select: { number: true } },
      creditNote: { select: { number: true, issuedAt: true } },
      payments: { select: { createdAt: true } },
      lines: {
        select: {
          date: true,
          childName: true,
          serviceLabel: true,
          unitLabel: true,
          quantity: true,
          unitPriceCents: true,
          amountCents: true,
        },
      },
    },
  });
  if (!row) return null;
  const town = await db.townSettings.findUnique({
    where: { id: 1 },
    select: { townName: true, guichetName: true, logo: true, logoMimeType: true },
  });
  const changes = [row.issuedAt, row.cancelledAt, row.creditNote?.issuedAt, ...row.payments.map((payment) => payment.createdAt)];
  const changedAt = new Date(Math.max(...changes.filter((date): date is Date => Boolean(date)).map((date) => date.getTime())));
  return {
    town: {
      name: town?.townName ?? "",
      guichetName: town?.guichetName ?? "Guichet unique",
      logo: town?.logo && town.logoMimeType ? { bytes: town.logo, mimeType: town.logoMimeType } : null,
    },
    regie: row.regie,
    kind: row.kind,
    number: row.number,
    title: invoiceTitle({ kind: row.kind, month: dateToDay(row.month), rank: row.rank }),
    status: row.status,
    payableOnline: row.payableOnline,
    issuedDay: parisToday(row.issuedAt),
    dueDay: dateToDay(row.dueDate),
    month: dateToDay(row.month),
    billingName: row.billingName,
    billingAddress: row.billingAddress,
    totalCents: row.totalCents,
    paidCents: row.paidCents,
    cancelsNumber: row.cancels?.number ?? null,
    creditNoteNumber: row.creditNote?.number ?? null,
    cancelReason: row.cancelReason,
    lines: sortLines(row.lines).map((line) => ({ ...line, date: line.date ? dateToDay(line.date) : null })),
    issuedAt: row.issuedAt,
    changedAt,
  };
}

import "server-only";

import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { invoiceState, remainingCents, type InvoiceState } from "@/lib/billing/invoice-state";
import * as clock from "@/lib/clock";
import { dateToDay, formatDateTime } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { PayfipOperationStatus } from "@/lib/db/generated/client";

// What the parents' result page and the staff page « Paiements en ligne » read of PayFiP
// operations. The family's query carries the family in its where: another family's operation
// finds nothing (404).

export type FamilyPaymentView = {
  id: string;
  status: PayfipOperationStatus;
  amountCents: number;
  invoice: { id: string; number: string; state: InvoiceState; remainingCents: number; payable: boolean };
};

export async function familyPaymentOperation(
  db: Db,
  viewer: ParentViewer,
  operationId: string,
): Promise<FamilyPaymentView | null> {
  const operation = await db.payfipOperation.findFirst({
    where: { id: operationId, invoice: { familyId: viewer.familyId } },
    select: {
      id: true,
      status: true,
      amountCents: true,
      invoice: {
        select: {
          id: true,
          kind: true,
          status: true,
          number: true,
          totalCents: true,
          paidCents: true,
          dueDate: true,
          payableOnline: true,
          regie: { select: { payableOnline: true, payfipClientNumber: true } },
        },
      },
    },
  });
  if (!operation) return null;
  const { invoice } = operation;
  const remaining = remainingCents(invoice);
  return {
    id: operation.id,
    status: operation.status,
    amountCents: operation.amountCents,
    invoice: {
      id: invoice.id,
      number: invoice.number,
      state: invoiceState({ ...invoice, dueDay: dateToDay(invoice.dueDate) }, clock.today()),
      remainingCents: remaining,
      payable: remaining > 0 && invoice.payableOnline && invoice.regie.payableOnline && invoice.regie.payfipClientNumber !== null,
    },
  };
}

export const STAFF_PAYFIP_PAGE_SIZE = 50;

export type StaffPayfipRow = {
  id: string;
  idOp: string;
  status: PayfipOperationStatus;
  amountCents: number;
  invoiceId: string;
  invoiceNumber: string;
  familyId: string;
  familyName: string;
  createdAt: string;
  settledAt: string | null;
  lastCheckedAt: string | null;
  resultrans: string | null;
  flagReason: string | null;
};

export async function listPayfipOperations(
  db: Db,
  viewer: StaffViewer,
  filter: { status?: PayfipOperationStatus | null; page?: number },
): Promise<{ rows: StaffPayfipRow[]; total: number }> {
  assertStaffViewer(viewer);
  const where = filter.status ? { status: filter.status } : {};
  const page = Math.max(1, filter.page ?? 1);
  const [operations, total] = await Promise.all([
    db.payfipOperation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * STAFF_PAYFIP_PAGE_SIZE,
      take: STAFF_PAYFIP_PAGE_SIZE,
      select: {
        id: true,
        idOp: true,
        status: true,
        amountCents: true,
        createdAt: true,
        settledAt: true,
        lastCheckedAt: true,
        resultrans: true,
        flagReason: true,
        invoice: { select: { id: true, number: true, family: { select: { id: true, name: true } } } },
      },
    }),
    db.payfipOperation.count({ where }),
  ]);
  return {
    total,
    rows: operations.map((operation) => ({
      id: operation.id,
      idOp: operation.idOp,
      status: operation.status,
      amountCents: operation.amountCents,
      invoiceId: operation.invoice.id,
      invoiceNumber: operation.invoice.number,
      familyId: operation.invoice.family.id,
      familyName: operation.invoice.family.name,
      createdAt: formatDateTime(operation.createdAt),
      settledAt: operation.settledAt ? formatDateTime(operation.settledAt) : null,
      lastCheckedAt: operation.lastCheckedAt ? formatDateTime(operation.lastCheckedAt) : null,
      resultrans: operation.resultrans,
      flagReason: operation.flagReason,
    })),
  };
}

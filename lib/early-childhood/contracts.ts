import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { ofMonthLabel } from "@/lib/billing/billing-month";
import { billedContractKey } from "@/lib/billing/creche-invoicing";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, formatDay, isoWeekday, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";

import { contractTerms } from "./contracts-terms";
import { ADJUSTMENT_KIND_LABELS, type TAdjustmentKind } from "./contracts.schema";
import { mensualisation, psuRate } from "./psu";
import { formatWeeklySchedule, minutesOnWeekday } from "./schedule";

// Crèche contracts, staff side (issue #15 points 4 and 5): the list, a contract's page (planning,
// dates, mensualised hours, this year's PSU rate) and its day adjustments. An adjustment is
// refused on a month already invoiced (the contract's billedContractKey for the month stands);
// it takes the contract's row lock first, as the invoicing run does before staging a contract,
// so the two are serialised. A deduction's minutes are the contract's planned minutes that day.

const CONTRACT_NOT_FOUND = "Contrat introuvable.";

export const CONTRACT_STATUS_LABELS = { ACTIVE: "En cours", ENDED: "Terminé", CANCELLED: "Annulé" } as const;

/** « Contrats »: every contract, the current ones first. */
export async function listContracts(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  const rows = await db.childcareContract.findMany({
    orderBy: [{ status: "asc" }, { startDate: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      weeklyPlanning: true,
      absenceWeeksPerYear: true,
      family: { select: { id: true, name: true } },
      child: { select: { firstName: true, lastName: true } },
      creche: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    startDay: dateToDay(row.startDate),
    endDay: dateToDay(row.endDate),
    planning: formatWeeklySchedule(contractTerms(row).planning),
    familyName: row.family.name,
    childName: childName(row.child),
    crecheName: row.creche.name,
  }));
}

/** A contract's page: its terms, mensualisation, this year's rate, adjustments and billed months; null when unknown. */
export async function getContract(db: Db, viewer: StaffViewer, id: string, options: { now?: Date } = {}) {
  assertStaffViewer(viewer);
  const contract = await db.childcareContract.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      weeklyPlanning: true,
      absenceWeeksPerYear: true,
      family: { select: { id: true, name: true } },
      child: { select: { id: true, firstName: true, lastName: true } },
      creche: { select: { name: true, regie: { select: { name: true } } } },
      adjustments: {
        orderBy: [{ date: "asc" }, { kind: "asc" }],
        select: { id: true, date: true, kind: true, minutes: true, note: true },
      },
      invoiceLines: {
        where: { billedContractKey: { not: null } },
        select: { billedContractKey: true, invoice: { select: { id: true, number: true } } },
      },
    },
  });
  if (!contract) return null;
  const year = Number(parisToday(options.now ?? clock.now()).slice(0, 4));
  const terms = contractTerms(contract);
  const [psuYear, resources] = await Promise.all([
    db.psuYear.findUnique({ where: { year } }),
    db.familyChildcareResources.findUnique({
      where: { familyId_year: { familyId: contract.family.id, year } },
      select: { annualResourcesCents: true, dependentChildren: true, aeeh: true },
    }),
  ]);
  const billedMonths = contract.invoiceLines.map((line) => ({
    month: line.billedContractKey!.split(":")[1],
    invoiceId: line.invoice.id,
    invoiceNumber: line.invoice.number,
  }));
  return {
    id: contract.id,
    status: contract.status,
    startDay: terms.startDate,
    endDay: terms.endDate,
    planning: terms.planning,
    planningLabel: formatWeeklySchedule(terms.planning),
    absenceWeeksPerYear: contract.absenceWeeksPerYear,
    monthlyMinutes: Math.round(mensualisation(terms).monthlyMinutes),
    family: contract.family,
    childName: childName(contract.child),
    crecheName: contract.creche.name,
    regieName: contract.creche.regie?.name ?? null,
    year,
    resources,
    rate: psuYear ? psuRate(psuYear, resources) : null,
    adjustments: contract.adjustments.map((adjustment) => ({
      id: adjustment.id,
      day: dateToDay(adjustment.date),
      kind: adjustment.kind,
      minutes: adjustment.minutes,
      note: adjustment.note,
      billed: billedMonths.some((billed) => billed.month === dateToDay(adjustment.date).slice(0, 7)),
    })),
    billedMonths: billedMonths.sort((a, b) => a.month.localeCompare(b.month)),
  };
}

export type TAdjustmentInput = { contractId: string; date: string; kind: TAdjustmentKind; minutes?: number; note: string };

/** Adds an extra-hours or deduction day to a contract (staff), refused on a month already invoiced. */
export async function addAdjustment(db: Db, viewer: StaffViewer, input: TAdjustmentInput): Promise<{ id: string }> {
  assertStaffViewer(viewer);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ChildcareContract" WHERE id = ${input.contractId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", CONTRACT_NOT_FOUND);
    const contract = await tx.childcareContract.findUniqueOrThrow({
      where: { id: input.contractId },
      select: {
        id: true,
        familyId: true,
        childId: true,
        startDate: true,
        endDate: true,
        weeklyPlanning: true,
        absenceWeeksPerYear: true,
      },
    });
    const terms = contractTerms(contract);
    if (input.date < terms.startDate || input.date > terms.endDate) {
      throw new AppError(
        "INVALID",
        `Cette date est hors du contrat (du ${formatDay(terms.startDate)} au ${formatDay(terms.endDate)}).`,
      );
    }
    await assertMonthNotInvoiced(tx, contract.id, input.date);
    let minutes: number;
    if (input.kind === "EXTRA_HOURS") {
      minutes = input.minutes ?? 0;
      if (minutes <= 0) throw new AppError("INVALID", "Indiquez la durée des heures complémentaires, en minutes.");
    } else {
      minutes = minutesOnWeekday(terms.planning, isoWeekday(input.date));
      if (minutes === 0) {
        throw new AppError("INVALID", "L'enfant n'est pas attendu ce jour-là d'après son contrat : il n'y a rien à déduire.");
      }
    }
    if (input.kind === "ILLNESS" && !input.note.trim()) {
      throw new AppError("INVALID", "Indiquez le certificat médical.");
    }
    try {
      const created = await tx.childcareAdjustment.create({
        data: {
          contractId: contract.id,
          date: dayToDate(input.date),
          kind: input.kind,
          minutes,
          note: input.note.trim() || null,
          createdByUserId: viewer.userId,
        },
        select: { id: true },
      });
      await writeAudit(tx, viewer, {
        action: "childcare.adjustment.add",
        familyId: contract.familyId,
        childId: contract.childId,
        targetType: "ChildcareAdjustment",
        targetId: created.id,
        details: { contractId: contract.id, date: input.date, kind: input.kind, minutes },
      });
      return created;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("TAKEN", `Ce jour a déjà un ajustement « ${ADJUSTMENT_KIND_LABELS[input.kind]} ».`);
      }
      throw error;
    }
  });
}

/** Removes an adjustment (staff), refused on a month already invoiced. */
export async function removeAdjustment(db: Db, viewer: StaffViewer, id: string): Promise<{ contractId: string }> {
  assertStaffViewer(viewer);
  return db.$transaction(async (tx) => {
    const adjustment = await tx.childcareAdjustment.findUnique({
      where: { id },
      select: { contractId: true, date: true, kind: true, contract: { select: { familyId: true, childId: true } } },
    });
    if (!adjustment) throw new AppError("NOT_FOUND", "Ajustement introuvable.");
    await tx.$queryRaw`SELECT id FROM "ChildcareContract" WHERE id = ${adjustment.contractId} FOR UPDATE`;
    await assertMonthNotInvoiced(tx, adjustment.contractId, dateToDay(adjustment.date));
    await tx.childcareAdjustment.delete({ where: { id } });
    await writeAudit(tx, viewer, {
      action: "childcare.adjustment.remove",
      familyId: adjustment.contract.familyId,
      childId: adjustment.contract.childId,
      targetType: "ChildcareAdjustment",
      targetId: id,
      details: { contractId: adjustment.contractId, date: dateToDay(adjustment.date), kind: adjustment.kind },
    });
    return { contractId: adjustment.contractId };
  });
}

async function assertMonthNotInvoiced(tx: Pick<Db, "invoiceLine">, contractId: string, day: string): Promise<void> {
  const billed = await tx.invoiceLine.findUnique({
    where: { billedContractKey: billedContractKey(contractId, day.slice(0, 7)) },
    select: { invoice: { select: { number: true } } },
  });
  if (billed) {
    throw new AppError(
      "INVALID",
      `Le mois ${ofMonthLabel(day)} est déjà facturé (facture ${billed.invoice.number}) : annulez la facture par un avoir avant de modifier ses jours.`,
    );
  }
}

import "server-only";

import { childName } from "@/lib/children/child-name";
import { dateToDay } from "@/lib/dates/calendar-day";
import type { Prisma } from "@/lib/db/generated/client";
import { contractTerms } from "@/lib/early-childhood/contracts-terms";
import { formatMinutesAsHours, monthInvoiceLines, psuRate, type AdjustmentKind, type PsuValues } from "@/lib/early-childhood/psu";

import { monthEnd, monthFirstDay, type BillingMonth } from "./billing-month";
import { formatAmount } from "./invoice-state";

// The crèche part of the monthly invoicing run (issue #15 point 5): for a régie that bills
// crèches, every ACTIVE contract of its crèches overlapping the month and not billed for it yet is
// staged in the temporary table billing_contract_line (dropped at commit), one row per invoice
// line: « Heures contractualisées » (the mensualised hours × the family's PSU hourly rate),
// « Heures complémentaires », and one negative line per deduction kind (psu.ts holds the rule).
// - Once per month: the contracted-hours line carries billedContractKey « <contractId>:<YYYY-MM> »
//   (unique while its invoice stands; a credit note clears it), and contracts whose key is taken
//   are not staged. The run stages after locking its counter row, and locks the contracts' rows
//   (FOR UPDATE) so that a day adjustment being added waits for the run, then sees the month billed.
// - Rate: the PsuYear of the month's year and the family's FamilyChildcareResources for that year;
//   a family without resources is billed at the ceiling (one-child rate) and listed; a year
//   without PSU values bills nothing for the month (listed, billed by a later run once entered).
// - Every crèche line is taxEligible (« Attestation de frais de garde »).

type Tx = Prisma.TransactionClient;

export type CrecheAnomalies = {
  /** Families billed at the ceiling: no resources entered for the year. */
  noResources: { familyId: string; familyName: string; contracts: number }[];
  /** Contracts not billed: no PSU values for the month's year. */
  noPsuYear: { contractId: string; familyName: string; childName: string; year: number }[];
};

export const NO_CRECHE_ANOMALIES: CrecheAnomalies = { noResources: [], noPsuYear: [] };

const LINE_LABELS: Record<"CONTRACT" | AdjustmentKind, string> = {
  CONTRACT: "Heures contractualisées",
  EXTRA_HOURS: "Heures complémentaires",
  CRECHE_CLOSURE: "Déduction : fermeture de la crèche",
  HOSPITALISATION: "Déduction : hospitalisation",
  ILLNESS: "Déduction : maladie au-delà de 3 jours",
};

export function billedContractKey(contractId: string, month: BillingMonth): string {
  return `${contractId}:${month}`;
}

/** The month's crèche lines of the régie into billing_contract_line; what to list as anomalies. */
export async function stageContractLines(
  tx: Tx,
  regieId: string,
  month: BillingMonth,
  options: { lock: boolean },
): Promise<CrecheAnomalies> {
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE billing_contract_line (
      contract_id text NOT NULL,
      family_id text NOT NULL,
      child_id text NOT NULL,
      child_name text NOT NULL,
      billed_key text,
      service_label text NOT NULL,
      unit_label text NOT NULL,
      bracket_label text,
      amount_cents integer NOT NULL,
      sort integer NOT NULL
    ) ON COMMIT DROP`);
  const first = monthFirstDay(month);
  const end = monthEnd(month);
  const year = Number(month.slice(0, 4));
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "ChildcareContract" c JOIN "Creche" cr ON cr.id = c."crecheId"
     WHERE cr."regieId" = ${regieId} AND c.status = 'ACTIVE'
       AND c."startDate" < ${end}::date AND c."endDate" >= ${first}::date
     ORDER BY c.id`;
  if (candidates.length === 0) return { noResources: [], noPsuYear: [] };
  if (options.lock) {
    await tx.$queryRaw`SELECT id FROM "ChildcareContract" WHERE id = ANY(${candidates.map((row) => row.id)}::text[]) ORDER BY id FOR UPDATE`;
  }
  const keys = candidates.map((row) => billedContractKey(row.id, month));
  const billed = new Set(
    (await tx.invoiceLine.findMany({ where: { billedContractKey: { in: keys } }, select: { contractId: true } })).map(
      (line) => line.contractId,
    ),
  );
  const contracts = await tx.childcareContract.findMany({
    where: { id: { in: candidates.map((row) => row.id).filter((id) => !billed.has(id)) } },
    select: {
      id: true,
      familyId: true,
      startDate: true,
      endDate: true,
      weeklyPlanning: true,
      absenceWeeksPerYear: true,
      family: { select: { name: true } },
      child: { select: { id: true, firstName: true, lastName: true } },
      creche: { select: { name: true } },
      adjustments: { select: { date: true, kind: true, minutes: true } },
    },
    orderBy: { id: "asc" },
  });
  if (contracts.length === 0) return { noResources: [], noPsuYear: [] };

  const psuYear: PsuValues | null = await tx.psuYear.findUnique({ where: { year } });
  const resources = await tx.familyChildcareResources.findMany({
    where: { year, familyId: { in: contracts.map((contract) => contract.familyId) } },
    select: { familyId: true, annualResourcesCents: true, dependentChildren: true, aeeh: true },
  });
  const anomalies: CrecheAnomalies = { noResources: [], noPsuYear: [] };
  const rows: {
    contractId: string;
    familyId: string;
    childId: string;
    childName: string;
    key: string | null;
    service: string;
    unit: string;
    bracket: string | null;
    amount: number;
    sort: number;
  }[] = [];
  for (const contract of contracts) {
    const name = childName(contract.child);
    if (!psuYear) {
      anomalies.noPsuYear.push({ contractId: contract.id, familyName: contract.family.name, childName: name, year });
      continue;
    }
    const familyResources = resources.find((row) => row.familyId === contract.familyId) ?? null;
    const rate = psuRate(psuYear, familyResources);
    if (rate.atCeiling) {
      const listed = anomalies.noResources.find((row) => row.familyId === contract.familyId);
      if (listed) listed.contracts += 1;
      else anomalies.noResources.push({ familyId: contract.familyId, familyName: contract.family.name, contracts: 1 });
    }
    const bracket = `Tarif PSU ${formatAmount(rate.hourlyRateCents)}/h${rate.atCeiling ? " (plafond)" : ""}`;
    const lines = monthInvoiceLines(
      contractTerms(contract),
      month,
      rate.hourlyRateCents,
      contract.adjustments.map((adjustment) => ({
        date: dateToDay(adjustment.date),
        kind: adjustment.kind,
        minutes: adjustment.minutes,
      })),
    );
    lines.forEach((line, index) => {
      rows.push({
        contractId: contract.id,
        familyId: contract.familyId,
        childId: contract.child.id,
        childName: name,
        key: line.kind === "CONTRACT" ? billedContractKey(contract.id, month) : null,
        service: contract.creche.name,
        unit: `${LINE_LABELS[line.kind]} (${formatMinutesAsHours(line.minutes)})`,
        bracket,
        amount: line.amountCents,
        sort: index,
      });
    });
  }
  anomalies.noResources.sort((a, b) => a.familyName.localeCompare(b.familyName, "fr"));
  if (rows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO billing_contract_line
      SELECT * FROM unnest(${rows.map((row) => row.contractId)}::text[], ${rows.map((row) => row.familyId)}::text[],
                           ${rows.map((row) => row.childId)}::text[], ${rows.map((row) => row.childName)}::text[],
                           ${rows.map((row) => row.key)}::text[], ${rows.map((row) => row.service)}::text[],
                           ${rows.map((row) => row.unit)}::text[], ${rows.map((row) => row.bracket)}::text[],
                           ${rows.map((row) => row.amount)}::int[], ${rows.map((row) => row.sort)}::int[])`;
  }
  return anomalies;
}

/** The staged crèche lines, written on the run's invoices (one per family). Returns how many. */
export async function insertContractLines(tx: Tx, invoices: { familyId: string; invoiceId: string }[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "InvoiceLine" ("id", "invoiceId", "contractId", "billedContractKey", "taxEligible", "date", "childId", "childName",
                               "serviceLabel", "unitLabel", "bracketLabel", "quantity", "unitPriceCents", "amountCents")
    SELECT gen_random_uuid()::text, m.invoice_id, l.contract_id, l.billed_key, true, NULL, l.child_id, l.child_name,
           l.service_label, l.unit_label, l.bracket_label, 1, l.amount_cents, l.amount_cents
      FROM billing_contract_line l
      JOIN unnest(${invoices.map((invoice) => invoice.familyId)}::text[], ${invoices.map((invoice) => invoice.invoiceId)}::text[])
           AS m(family_id, invoice_id) ON m.family_id = l.family_id`;
}

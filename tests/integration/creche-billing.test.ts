// Crèche billing (issue #15 points 5 and 6, acceptance), on both databases: the invoicing run
// bills each contract's month once under the PSU rule (contracted hours, extra hours,
// deductions), a family without resources at the ceiling and listed; adjustments are refused on
// an invoiced month; a credit note frees the month, billed again once; two runs at once bill a
// month once (PostgreSQL); the crèche invoice is paid online through the PayFiP stand-in; the
// « Attestation de frais de garde » counts what was paid, numbered without gap, idempotent, and
// another family's certificate is not found.
import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { cancelInvoice } from "@/lib/billing/credit-note";
import { generateInvoices, previewInvoicing } from "@/lib/billing/invoicing-run";
import { dayToDate } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import { renderCertificatePdf } from "@/lib/early-childhood/certificate-pdf";
import {
  generateCertificates,
  listCertificates,
  listFamilyCertificates,
  loadCertificatePdfData,
} from "@/lib/early-childhood/certificates";
import { addAdjustment, getContract, removeAdjustment } from "@/lib/early-childhood/contracts";
import { setFamilyResources } from "@/lib/early-childhood/psu-values";
import { payfipConfigFromEnv } from "@/lib/payfip/config";
import { startPayfipStandin, type PayfipStandin } from "@/lib/payfip/standin/server";
import { startPayment } from "@/lib/payfip/start-payment";

import { createFamily, createFamilyReservation } from "../helpers/admin-fixtures";
import { parentViewer, startCallbackServer, type CallbackServer } from "../helpers/payfip";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const ISSUED = new Date("2026-12-03T10:00:00+01:00");
const NEXT_JANUARY = new Date("2027-01-05T10:00:00+01:00");
// Lundi–jeudi 8h30–17h30 (36 h a week), 1 September 2026 – 31 August 2027, 5 weeks of absence:
// 8 486 min a month (lib/early-childhood/psu.test.ts works it out).
const MON_THU = [1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" }));

describe.each(testDatabaseKinds())("crèche billing and the childcare certificate on %s", (kind) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let agent: StaffViewer;
  let regieId: string;
  let catalogue: Catalogue;
  let lou: Awaited<ReturnType<typeof createFamily>>;
  let standin: PayfipStandin;
  let callbacks: CallbackServer;
  let parent: ParentViewer;
  let other: ParentViewer;
  const contracts: Record<"lou" | "sans", string> = { lou: "", sans: "" };
  const savedUrl = process.env.PAYFIP_URL;

  withStaffTestBed(kind, { catalogue: true, poolSize: 6 }, async (suite) => {
    ({ database, agent, catalogue } = suite);
    prisma = database.prisma;
    standin = await startPayfipStandin();
    callbacks = await startCallbackServer();
    process.env.PAYFIP_URL = standin.url;
    const regie = await prisma.regie.create({
      data: {
        code: "PE",
        name: "Régie petite enfance",
        payfipClientNumber: "012345",
        payableOnline: true,
        paymentDeadlineDays: 30,
      },
    });
    regieId = regie.id;
    const creche = await prisma.creche.create({ data: { code: "PITCHOUNS", name: "MULTI-ACCUEIL LES PITCHOUNS", regieId } });
    await prisma.psuYear.create({
      data: {
        year: 2026,
        floorCents: 80_100,
        ceilingCents: 700_000,
        rateOneChild: 619,
        rateTwoChildren: 516,
        rateThreeChildren: 413,
        rateFourChildren: 310,
        rateEightChildren: 206,
      },
    });
    lou = await createFamily(prisma, "ARNAUD", { children: [{ firstName: "Lou" }] });
    const sans = await createFamily(prisma, "BERTIN", { children: [{ firstName: "Sam" }] });
    parent = parentViewer(lou);
    other = parentViewer(sans);
    for (const family of [lou, sans]) {
      await prisma.child.update({ where: { id: family.children[0].id }, data: { birthDate: dayToDate("2025-02-10") } });
    }
    // ARNAUD: 36 000,00 € a year, one child → 3 000,00 € × 0,0619 % = 1,86 €/h. BERTIN: nothing entered.
    await setFamilyResources(prisma, agent, {
      familyId: lou.id,
      year: 2026,
      annualResources: 3_600_000,
      dependentChildren: 1,
      aeeh: false,
    });
    for (const [key, family] of [
      ["lou", lou],
      ["sans", sans],
    ] as const) {
      const contract = await prisma.childcareContract.create({
        data: {
          familyId: family.id,
          childId: family.children[0].id,
          crecheId: creche.id,
          startDate: dayToDate("2026-09-01"),
          endDate: dayToDate("2027-08-31"),
          weeklyPlanning: MON_THU,
          absenceWeeksPerYear: 5,
        },
      });
      contracts[key] = contract.id;
    }
  });
  afterAll(async () => {
    await standin?.idle();
    await standin?.close();
    await callbacks?.close();
    if (savedUrl === undefined) delete process.env.PAYFIP_URL;
    else process.env.PAYFIP_URL = savedUrl;
  });

  const invoiceOf = (familyId: string, month: string) =>
    prisma.invoice.findMany({
      where: { familyId, month: dayToDate(`${month}-01`), kind: "INVOICE" },
      orderBy: { rank: "asc" },
      select: {
        id: true,
        number: true,
        rank: true,
        status: true,
        totalCents: true,
        payableOnline: true,
        lines: {
          orderBy: { amountCents: "desc" },
          select: {
            unitLabel: true,
            serviceLabel: true,
            amountCents: true,
            taxEligible: true,
            billedContractKey: true,
            contractId: true,
          },
        },
      },
    });

  it("bills November once: contracted hours, extra hours and a closure; a family without resources at the ceiling, listed", async () => {
    await addAdjustment(prisma, agent, {
      contractId: contracts.lou,
      date: "2026-11-05",
      kind: "EXTRA_HOURS",
      minutes: 60,
      note: "",
    });
    await addAdjustment(prisma, agent, { contractId: contracts.lou, date: "2026-11-02", kind: "CRECHE_CLOSURE", note: "Pont" });
    const preview = await previewInvoicing(prisma, agent, { regieId, month: "2026-11" });
    expect(preview.invoiceCount).toBe(2);
    expect(preview.anomalies.creche.noResources).toEqual([{ familyId: other.familyId, familyName: "BERTIN", contracts: 1 }]);

    const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(result.invoiceCount).toBe(2);
    expect(result.anomalies.creche.noResources).toHaveLength(1);
    const [arnaud] = await invoiceOf(parent.familyId, "2026-11");
    // 8 486 min × 1,86 € = 263,07 €; 1 h extra = 1,86 €; Monday 2 November (9 h) closed = −16,74 €.
    expect(arnaud.lines).toEqual([
      {
        serviceLabel: "MULTI-ACCUEIL LES PITCHOUNS",
        unitLabel: "Heures contractualisées (141 h 26)",
        amountCents: 26_307,
        taxEligible: true,
        billedContractKey: `${contracts.lou}:2026-11`,
        contractId: contracts.lou,
      },
      {
        serviceLabel: "MULTI-ACCUEIL LES PITCHOUNS",
        unitLabel: "Heures complémentaires (1 h)",
        amountCents: 186,
        taxEligible: true,
        billedContractKey: null,
        contractId: contracts.lou,
      },
      {
        serviceLabel: "MULTI-ACCUEIL LES PITCHOUNS",
        unitLabel: "Déduction : fermeture de la crèche (9 h)",
        amountCents: -1_674,
        taxEligible: true,
        billedContractKey: null,
        contractId: contracts.lou,
      },
    ]);
    expect(arnaud).toMatchObject({ totalCents: 24_819, payableOnline: true });
    // BERTIN at the ceiling: 7 000 € × 0,0619 % = 4,33 €/h × 8 486 min = 612,41 €.
    const [bertin] = await invoiceOf(other.familyId, "2026-11");
    expect(bertin.totalCents).toBe(61_241);

    const again = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(again.runId).toBeNull();
    expect(
      await prisma.invoiceLine.count({ where: { contractId: { not: null }, billedContractKey: { endsWith: ":2026-11" } } }),
    ).toBe(2);
  });

  it("refuses an adjustment on an invoiced month, in French, and accepts one on the next month", async () => {
    await expect(
      addAdjustment(prisma, agent, { contractId: contracts.lou, date: "2026-11-12", kind: "HOSPITALISATION", note: "" }),
    ).rejects.toThrow(/Le mois de novembre 2026 est déjà facturé \(facture F-PE-2026-\d{6}\)/);
    const extra = await prisma.childcareAdjustment.findFirstOrThrow({
      where: { contractId: contracts.lou, kind: "EXTRA_HOURS" },
    });
    await expect(removeAdjustment(prisma, agent, extra.id)).rejects.toThrow(/déjà facturé/);
    await expect(
      addAdjustment(prisma, agent, { contractId: contracts.lou, date: "2026-12-06", kind: "CRECHE_CLOSURE", note: "" }),
    ).rejects.toThrow("L'enfant n'est pas attendu ce jour-là");
    await expect(
      addAdjustment(prisma, agent, { contractId: contracts.lou, date: "2026-12-07", kind: "ILLNESS", note: "" }),
    ).rejects.toThrow("certificat médical");
    const { id } = await addAdjustment(prisma, agent, {
      contractId: contracts.lou,
      date: "2026-12-07",
      kind: "ILLNESS",
      note: "Certificat du Dr Martin du 07/12/2026",
    });
    const page = await getContract(prisma, agent, contracts.lou, { now: ISSUED });
    expect(page).toMatchObject({ monthlyMinutes: 8486, rate: { hourlyRateCents: 186 }, billedMonths: [{ month: "2026-11" }] });
    expect(page!.adjustments.find((adjustment) => adjustment.id === id)).toMatchObject({ minutes: 540, billed: false });
  });

  it("a credit note frees the contract's month: the next run bills it again, once", async () => {
    const [arnaud] = await invoiceOf(parent.familyId, "2026-11");
    await cancelInvoice(prisma, agent, { invoiceId: arnaud.id, reason: "Ressources corrigées" }, { now: ISSUED });
    expect(await prisma.invoiceLine.count({ where: { billedContractKey: `${contracts.lou}:2026-11` } })).toBe(0);
    // The month is open again: an hospitalisation day is added before re-billing.
    await addAdjustment(prisma, agent, { contractId: contracts.lou, date: "2026-11-12", kind: "HOSPITALISATION", note: "" });
    const result = await generateInvoices(prisma, agent, { regieId, month: "2026-11" }, { now: ISSUED });
    expect(result.invoiceCount).toBe(1);
    const invoices = await invoiceOf(parent.familyId, "2026-11");
    expect(invoices.map((invoice) => [invoice.rank, invoice.status])).toEqual([
      [1, "CANCELLED"],
      [2, "ISSUED"],
    ]);
    expect(invoices[1].totalCents).toBe(24_819 - 1_674);
    expect(await prisma.invoiceLine.count({ where: { billedContractKey: `${contracts.lou}:2026-11` } })).toBe(1);
  });

  itOnPostgres(kind)(
    "two runs at once bill October once: one contracted-hours line per contract, numbers without gap",
    async () => {
      const before = await prisma.invoice.count({ where: { regieId, kind: "INVOICE" } });
      const results = await Promise.all([
        generateInvoices(prisma, agent, { regieId, month: "2026-10" }, { now: ISSUED }),
        generateInvoices(prisma, agent, { regieId, month: "2026-10" }, { now: ISSUED }),
      ]);
      expect(results.map((result) => result.invoiceCount).sort()).toEqual([0, 2]);
      expect(await prisma.invoiceLine.count({ where: { billedContractKey: { endsWith: ":2026-10" } } })).toBe(2);
      const sequences = (await prisma.invoice.findMany({ where: { regieId, kind: "INVOICE" }, select: { sequence: true } }))
        .map((invoice) => invoice.sequence)
        .sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: before + 2 }, (_, index) => index + 1));
    },
  );

  it("the crèche invoice is paid online through PayFiP; the certificate counts it, numbered, once; another family's is not found", async () => {
    // The same régie also bills Lou's garderie morning (eligible) and lunch (a meal, never eligible) of 7 September.
    await prisma.activity.updateMany({ where: { code: { in: ["RESTAURATION_SCOLAIRE", "PERISCOLAIRE"] } }, data: { regieId } });
    await prisma.activity.update({ where: { code: "PERISCOLAIRE" }, data: { childcareTaxEligible: true } });
    const bracket = await prisma.qfBracket.create({ data: { label: "Tarif unique", minQf: 0, maxQf: null } });
    const lunch = catalogue.canteen.units[0].id;
    const morning = catalogue.club.units[0].id;
    await prisma.tariff.createMany({
      data: [
        { unitId: lunch, bracketId: bracket.id, priceCents: 390 },
        { unitId: morning, bracketId: bracket.id, priceCents: 160 },
      ],
    });
    await createFamilyReservation(prisma, lou, catalogue.canteen.id, "ACCEPTED", [{ unitId: lunch, day: "2026-09-07" }]);
    await createFamilyReservation(prisma, lou, catalogue.club.id, "ACCEPTED", [{ unitId: morning, day: "2026-09-07" }]);

    await generateInvoices(prisma, agent, { regieId, month: "2026-09" }, { now: ISSUED });
    const [september] = await invoiceOf(parent.familyId, "2026-09");
    expect(september.payableOnline).toBe(true);
    expect(september.totalCents).toBe(26_307 + 390 + 160);
    expect(september.lines.map((line) => [line.unitLabel, line.taxEligible])).toEqual([
      ["Heures contractualisées (141 h 26)", true],
      ["REPAS ENFANT", false],
      ["MATIN", true],
    ]);
    const started = await startPayment(prisma, payfipConfigFromEnv(), parent, september.id, callbacks.url);
    if (started.kind !== "redirect") throw new Error("expected a redirect to PayFiP");
    const idOp = new URL(started.url).searchParams.get("idop")!;
    await standin.decide(idOp, "P");
    const paid = await prisma.invoice.findUniqueOrThrow({
      where: { id: september.id },
      select: { status: true, paidCents: true },
    });
    expect(paid).toEqual({ status: "PAID", paidCents: september.totalCents });

    await expect(generateCertificates(prisma, agent, 2026, { now: ISSUED })).rejects.toThrow(
      "Les attestations de 2026 se génèrent à partir du 1er janvier 2027",
    );
    const first = await generateCertificates(prisma, agent, 2026, { now: NEXT_JANUARY });
    expect(first).toEqual({ created: 1, firstNumber: "AFG-2026-000001", lastNumber: "AFG-2026-000001" });
    const second = await generateCertificates(prisma, agent, 2026, { now: NEXT_JANUARY });
    expect(second.created).toBe(0);
    const list = await listCertificates(prisma, agent, 2026);
    // Paid 268,57 €, of which the crèche's 263,07 € and the garderie's 1,60 € are eligible, the lunch's 3,90 € not.
    expect(list).toMatchObject([{ number: "AFG-2026-000001", childName: "ARNAUD LOU", amountCents: 26_307 + 160 }]);

    // The family sees it from 1 January 2027 (the tests' clock is in November 2026: not yet).
    expect(await listFamilyCertificates(prisma, parent, { now: ISSUED })).toEqual([]);
    expect(await listFamilyCertificates(prisma, parent, { now: NEXT_JANUARY })).toHaveLength(1);
    // Staff may read it at once; a family other than its own gets nothing.
    expect(await loadCertificatePdfData(prisma, other, list[0].id)).toBeNull();
    const data = await loadCertificatePdfData(prisma, agent, list[0].id);
    expect(data).toMatchObject({ number: "AFG-2026-000001", year: 2026, amountCents: 26_467 });
    const bytes = await renderCertificatePdf(data!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await renderCertificatePdf(data!)).equals(bytes)).toBe(true);
  });

  it("refuses a parent the staff functions", async () => {
    await expect(generateCertificates(prisma, parent as unknown as StaffViewer, 2026, { now: NEXT_JANUARY })).rejects.toThrow(
      "réservées aux agents",
    );
    await expect(getContract(prisma, parent as unknown as StaffViewer, contracts.lou)).rejects.toThrow("réservées aux agents");
  });
});

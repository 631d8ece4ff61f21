// The parents' invoices (issue #14 points 3, 4 and 8), on both databases: « Mes factures » and
// the dashboard read only the family's own invoices (another family's id finds nothing), credit
// notes come with the invoice they cancel, payments with their invoice; the PDF is the same bytes
// on every download, differs from one invoice to another, and reads back (pdftotext) with its
// number, lines, totals, how to pay and the régie's mentions; the booking estimate prices the
// period's units at the family's QF bracket.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { StaffViewer } from "@/lib/auth/session";
import { applyPayment } from "@/lib/billing/apply-payment";
import { estimateCost } from "@/lib/billing/estimate";
import { loadEstimatePricing } from "@/lib/billing/estimate-pricing";
import {
  familyInvoicesToPay,
  getFamilyInvoice,
  INVOICES_PAGE_SIZE,
  listFamilyInvoices,
  loadInvoicePdfData,
} from "@/lib/billing/family-invoices";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { DEMO_IDS } from "@/prisma/seed";

import { createInvoiceFixture, removeDemoBilling } from "../helpers/invoice-fixtures";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import { withTwoFamilies, type TwoFamilies } from "./family-fixtures";

// The tests' clock reads Thursday 26 November 2026.
const TODAY = "2026-11-26";
const ISSUED = new Date("2026-11-02T08:00:00Z");

const CANTEEN = { serviceLabel: "CANTINE ELEMENTAIRE CAMBON", unitLabel: "REPAS ENFANT", unitPriceCents: 390 };
const GARDERIE = { serviceLabel: "GARDERIE ELEMENTAIRE CAMBON", unitLabel: "SOIR", unitPriceCents: 210 };

function pdfToText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "facture-"));
  try {
    const file = path.join(dir, "facture.pdf");
    fs.writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");
/** pdftotext writes the amounts' non-breaking spaces as they are: compare on plain spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe.each(testDatabaseKinds())("the parents' invoices on %s", (kind) => {
  let database: TestDatabase;
  let families: TwoFamilies;
  let agent: StaffViewer;
  const ids = { october: "", alsh: "", cancelled: "", creditNote: "", other: "" };
  const extra: string[] = [];

  withTwoFamilies(kind, async (suite) => {
    families = suite;
    ({ database, agent } = suite);
    const prisma = database.prisma;
    await removeDemoBilling(prisma, DEMO_IDS.family);
    const october = await createInvoiceFixture(prisma, {
      familyId: DEMO_IDS.family,
      regieCode: "PERI",
      month: "2026-10-01",
      issuedAt: ISSUED,
      dueDay: "2026-12-02",
      lines: [
        { ...CANTEEN, date: "2026-10-02", childName: "TEST JULIEN", quotientFamilial: null, bracketLabel: "QF de 1 000 et plus" },
        { ...GARDERIE, date: "2026-10-01", childName: "TEST JULIE" },
        { ...CANTEEN, date: "2026-10-01", childName: "TEST JULIEN" },
        { ...GARDERIE, date: "2026-10-05", childName: "TEST JULIEN" },
      ],
    });
    ids.october = october.id;
    await prisma.$transaction((tx) =>
      applyPayment(tx, {
        invoiceId: october.id,
        method: "CHEQUE",
        amountCents: 500,
        receivedAt: new Date("2026-11-10T10:00:00Z"),
        receiptNumber: "CH-0042",
      }),
    );
    ids.alsh = (
      await createInvoiceFixture(prisma, {
        familyId: DEMO_IDS.family,
        regieCode: "ALSH",
        month: "2026-10-01",
        issuedAt: ISSUED,
        dueDay: "2026-11-20",
        lines: [
          {
            date: "2026-10-21",
            childName: "TEST JULIEN",
            serviceLabel: "ALSH VACANCES",
            unitLabel: "JOURNEE",
            unitPriceCents: 1200,
          },
        ],
      })
    ).id;
    ids.cancelled = (
      await createInvoiceFixture(prisma, {
        familyId: DEMO_IDS.family,
        regieCode: "PERI",
        month: "2026-09-01",
        issuedAt: new Date("2026-10-02T08:00:00Z"),
        dueDay: "2026-11-01",
        lines: [{ ...CANTEEN, date: "2026-09-15", childName: "TEST JULIEN" }],
      })
    ).id;
    ids.creditNote = (
      await createInvoiceFixture(prisma, {
        familyId: DEMO_IDS.family,
        regieCode: "PERI",
        month: "2026-09-01",
        issuedAt: new Date("2026-10-05T08:00:00Z"),
        dueDay: "2026-11-04",
        cancelsId: ids.cancelled,
        cancelReason: "Repas facturé par erreur",
        lines: [{ ...CANTEEN, date: "2026-09-15", childName: "TEST JULIEN" }],
      })
    ).id;
    ids.other = (
      await createInvoiceFixture(prisma, {
        familyId: families.other.familyId,
        regieCode: "PERI",
        month: "2026-10-01",
        issuedAt: ISSUED,
        dueDay: "2026-12-02",
        billingName: "Madame AUTRE",
        billingAddress: "1 RUE DU LAC\n12000 RODEZ",
        lines: [{ ...CANTEEN, date: "2026-10-02", childName: "AUTRE LÉO" }],
      })
    ).id;
  });

  it("lists the family's invoices only, newest month first, with states, remaining, payments and the credit note", async () => {
    const list = await listFamilyInvoices(database.prisma, families.demo, 1, TODAY);
    expect(list.total).toBe(3);
    expect(list.items.map((item) => item.id)).not.toContain(ids.other);
    expect(list.items.map((item) => item.id)).not.toContain(ids.creditNote);
    const october = list.items.find((item) => item.id === ids.october)!;
    expect(october).toMatchObject({
      number: "F-PERI-2026-000001",
      title: "Facture d'octobre 2026",
      regie: "Régie périscolaire et restauration",
      issuedOn: "02/11/2026",
      dueOn: "02/12/2026",
      totalCents: 390 + 210 + 390 + 210,
      paidCents: 500,
      remainingCents: 700,
      state: "PARTIELLEMENT_PAYEE",
      stateLabel: "Partiellement payée",
      payOnline: true,
      creditNote: null,
    });
    expect(october.payments).toEqual([{ id: expect.any(String), receivedOn: "10/11/2026", method: "Chèque", amountCents: 500 }]);
    // ALSH is not payable online, and its due date has passed.
    expect(list.items.find((item) => item.id === ids.alsh)).toMatchObject({
      state: "EN_RETARD",
      payOnline: false,
      remainingCents: 1200,
    });
    const cancelled = list.items.find((item) => item.id === ids.cancelled)!;
    expect(cancelled).toMatchObject({ state: "ANNULEE", remainingCents: 0, payOnline: false });
    expect(cancelled.creditNote).toMatchObject({
      id: ids.creditNote,
      number: "A-PERI-2026-000001",
      totalCents: -390,
      stateLabel: "Avoir",
    });
    expect(list.items.at(-1)?.id).toBe(ids.cancelled);

    const other = await listFamilyInvoices(database.prisma, families.other, 1, TODAY);
    expect(other.items.map((item) => item.id)).toEqual([ids.other]);
  });

  it("pages the list and clamps a page past the end to the last one", async () => {
    for (let month = 1; month <= INVOICES_PAGE_SIZE; month += 1) {
      const invoice = await createInvoiceFixture(database.prisma, {
        familyId: families.other.familyId,
        regieCode: "ALSH",
        month: `2025-${String(month).padStart(2, "0")}-01`,
        issuedAt: new Date(`2025-${String(month).padStart(2, "0")}-20T08:00:00Z`),
        dueDay: "2025-12-31",
        lines: [
          {
            date: `2025-${String(month).padStart(2, "0")}-10`,
            childName: "AUTRE LÉO",
            serviceLabel: "ALSH",
            unitLabel: "JOURNEE",
            unitPriceCents: 1000,
          },
        ],
      });
      extra.push(invoice.id);
    }
    const first = await listFamilyInvoices(database.prisma, families.other, 1, TODAY);
    expect(first).toMatchObject({ total: INVOICES_PAGE_SIZE + 1, pages: 2, page: 1 });
    expect(first.items[0].id).toBe(ids.other);
    const last = await listFamilyInvoices(database.prisma, families.other, 99, TODAY);
    expect(last.page).toBe(2);
    expect(last.items.map((item) => item.title)).toEqual(["Facture de janvier 2025"]);
  });

  it("opens the family's own invoice with its lines grouped by child then service, and not another family's", async () => {
    const invoice = await getFamilyInvoice(database.prisma, families.demo, ids.october, TODAY);
    expect(invoice?.lines.map((line) => [line.childName, line.serviceLabel, line.date])).toEqual([
      ["TEST JULIE", "GARDERIE ELEMENTAIRE CAMBON", "01/10/2026"],
      ["TEST JULIEN", "CANTINE ELEMENTAIRE CAMBON", "01/10/2026"],
      ["TEST JULIEN", "CANTINE ELEMENTAIRE CAMBON", "02/10/2026"],
      ["TEST JULIEN", "GARDERIE ELEMENTAIRE CAMBON", "05/10/2026"],
    ]);
    expect(invoice?.lines[2].pricing).toBe("Sans QF – QF de 1 000 et plus");
    expect(invoice?.billingAddress).toBe("26 PLACE EUGENE-RAYNALDY\n12000 RODEZ");
    const creditNote = await getFamilyInvoice(database.prisma, families.demo, ids.creditNote, TODAY);
    expect(creditNote).toMatchObject({ kind: "CREDIT_NOTE", state: "AVOIR", cancels: { number: "F-PERI-2026-000002" } });

    expect(await getFamilyInvoice(database.prisma, families.demo, ids.other, TODAY)).toBeNull();
    expect(await getFamilyInvoice(database.prisma, families.other, ids.october, TODAY)).toBeNull();
  });

  it("gives the dashboard the invoices left to pay, the oldest due first", async () => {
    const due = await familyInvoicesToPay(database.prisma, families.demo, TODAY);
    expect(due.total).toBe(2);
    expect(due.items.map((item) => [item.number, item.stateLabel, item.remainingCents])).toEqual([
      ["F-ALSH-2026-000001", "En retard", 1200],
      ["F-PERI-2026-000001", "Partiellement payée", 700],
    ]);
    // Paid in full: no longer to pay.
    await database.prisma.$transaction((tx) =>
      applyPayment(tx, {
        invoiceId: ids.alsh,
        method: "ESPECES",
        amountCents: 1200,
        receivedAt: new Date("2026-11-25T09:00:00Z"),
      }),
    );
    expect((await familyInvoicesToPay(database.prisma, families.demo, TODAY)).items.map((item) => item.number)).toEqual([
      "F-PERI-2026-000001",
    ]);
  });

  it("loads an invoice's PDF data for its family and for staff, and nothing for another family or a visitor", async () => {
    expect(await loadInvoicePdfData(database.prisma, families.demo, ids.october)).toMatchObject({ number: "F-PERI-2026-000001" });
    expect(await loadInvoicePdfData(database.prisma, agent, ids.other)).toMatchObject({ billingName: "Madame AUTRE" });
    expect(await loadInvoicePdfData(database.prisma, families.demo, ids.other)).toBeNull();
    expect(await loadInvoicePdfData(database.prisma, families.other, ids.october)).toBeNull();
    expect(await loadInvoicePdfData(database.prisma, null, ids.october)).toBeNull();
  });

  it("makes the same PDF bytes on every download, and different bytes for another invoice", async () => {
    const download = async (id: string) => renderInvoicePdf((await loadInvoicePdfData(database.prisma, agent, id))!);
    const [first, second, other] = [await download(ids.october), await download(ids.october), await download(ids.other)];
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256(first)).toBe(sha256(second));
    expect(sha256(first)).not.toBe(sha256(other));
  });

  it("prints the number, dates, family, lines, totals, how to pay and the régie's mentions", async () => {
    const data = (await loadInvoicePdfData(database.prisma, families.demo, ids.october))!;
    const text = plain(pdfToText(await renderInvoicePdf(data)));
    for (const expected of [
      "Facture n° F-PERI-2026-000001",
      "Régie périscolaire et restauration",
      "Période : octobre 2026",
      "Date d'émission : 02/11/2026",
      "Date d'échéance : 02/12/2026",
      "Madame et Monsieur TEST",
      "26 PLACE EUGENE-RAYNALDY",
      "12000 RODEZ",
      "TEST JULIE",
      "TEST JULIEN",
      "CANTINE ELEMENTAIRE CAMBON",
      "Payez en ligne sur le Portail Familles (PayFiP)",
      "Paiement en ligne sur le Portail Familles (PayFiP), par chèque",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/01\/10\/2026\s+REPAS ENFANT\s+1\s+3,90 €\s+3,90 €/);
    expect(text).toMatch(/Total\s+12,00 €/);
    expect(text).toMatch(/Déjà payé\s+5,00 €/);
    expect(text).toMatch(/Reste à payer\s+7,00 €/);
    expect(text.indexOf("TEST JULIE\n")).toBeLessThan(text.indexOf("TEST JULIEN"));

    const alsh = plain(pdfToText(await renderInvoicePdf((await loadInvoicePdfData(database.prisma, families.demo, ids.alsh))!)));
    expect(alsh).toContain("À régler auprès du Guichet unique");
    expect(alsh).toContain("À régler auprès du Guichet unique (espèces, chèque, CESU ou virement).");
    expect(alsh).not.toContain("Payez en ligne");
  });

  it("prints a credit note as cancelling its invoice, and the cancelled invoice as no longer to pay", async () => {
    const creditNote = plain(
      pdfToText(await renderInvoicePdf((await loadInvoicePdfData(database.prisma, agent, ids.creditNote))!)),
    );
    expect(creditNote).toContain("Avoir n° A-PERI-2026-000001 annule la facture n° F-PERI-2026-000002.");
    expect(creditNote).toContain("Motif : Repas facturé par erreur");
    expect(creditNote).toMatch(/Total de l'avoir\s+-3,90 €/);
    expect(creditNote).not.toContain("Payez en ligne");
    const cancelled = plain(
      pdfToText(await renderInvoicePdf((await loadInvoicePdfData(database.prisma, agent, ids.cancelled))!)),
    );
    expect(cancelled).toContain("Facture annulée par l'avoir n° A-PERI-2026-000001");
    expect(cancelled).toMatch(/Reste à payer\s+0,00 €/);
  });

  it("changes the PDF when a payment is recorded, and only then", async () => {
    const download = async () => renderInvoicePdf((await loadInvoicePdfData(database.prisma, families.demo, ids.october))!);
    const before = sha256(await download());
    await database.prisma.$transaction((tx) =>
      applyPayment(tx, {
        invoiceId: ids.october,
        method: "VIREMENT",
        amountCents: 200,
        receivedAt: new Date("2026-11-26T09:00:00Z"),
      }),
    );
    const after = await download();
    expect(sha256(after)).not.toBe(before);
    expect(sha256(await download())).toBe(sha256(after));
    expect(plain(pdfToText(after))).toMatch(/Déjà payé\s+7,00 €/);
  });

  it("estimates a booking at the family's QF bracket: the highest without a QF, « QF de 400 à 699 » at 650", async () => {
    const period = await database.prisma.period.findFirstOrThrow({
      where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
      select: { id: true, units: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true } } },
    });
    const [matin, soir] = period.units;
    const days = [{ unitId: soir.id }, { unitId: soir.id }, { unitId: soir.id }, { unitId: soir.id }, { unitId: matin.id }];

    const none = (await loadEstimatePricing(database.prisma, families.demo, period.id))!;
    expect(none).toMatchObject({ quotientFamilial: null, bracketLabel: "QF de 1 000 et plus", qfOutsideBrackets: false });
    expect(estimateCost(none, period.units, days).totalCents).toBe(4 * 210 + 160);

    await database.prisma.family.update({ where: { id: DEMO_IDS.family }, data: { quotientFamilial: 650 } });
    // The town has not set SOIR's price for this bracket.
    const bracket = await database.prisma.qfBracket.findUniqueOrThrow({ where: { minQf: 400 }, select: { id: true } });
    await database.prisma.tariff.delete({ where: { unitId_bracketId: { unitId: soir.id, bracketId: bracket.id } } });
    const estimate = estimateCost((await loadEstimatePricing(database.prisma, families.demo, period.id))!, period.units, days);
    expect(estimate.lines.map((line) => plain(`${line.unitLabel} : ${line.text}`))).toEqual([
      "MATIN : 1 journée × 0,90 € = 0,90 €",
      "SOIR : 4 journées – tarif non renseigné",
    ]);
    expect(estimate.totalCents).toBe(90);
    expect(estimate.basis).toBe(
      "Estimation au quotient familial actuel (QF 650, tranche « QF de 400 à 699 ») ; le montant exact figure sur la facture.",
    );

    // A gap in the town's brackets (400–659 held by none): the highest bracket, as the invoice bills it.
    await database.prisma.qfBracket.update({ where: { id: bracket.id }, data: { minQf: 660 } });
    const gap = (await loadEstimatePricing(database.prisma, families.demo, period.id))!;
    expect(gap).toMatchObject({ quotientFamilial: 650, bracketLabel: "QF de 1 000 et plus", qfOutsideBrackets: true });
    expect(estimateCost(gap, period.units, days).totalCents).toBe(4 * 210 + 160);
  });
});

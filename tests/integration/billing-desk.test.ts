// The staff side of invoicing (issue #14 points 1 and 7), on both databases: régies (admins
// only; the PayFiP client number; an activity billed by one régie at most; the code locked once
// invoiced), manual payments through applyPayment (partial, full, too much, cancelled, two at
// once), the invoices list's filters and totals, and the accounting CSV. Invoices are written
// straight with Prisma (the invoicing run is another feature), numbered with invoiceNumber().
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import { invoicesCsv, paymentsCsv } from "@/lib/billing/accounting-csv";
import { monthLabel } from "@/lib/billing/billing-month";
import { invoiceNumber, invoiceReference } from "@/lib/billing/invoice-number";
import { NUMCLI_MESSAGE, NUMCLI_REQUIRED_MESSAGE, ZRegieSchema, type TRegie } from "@/lib/billing/regie.schema";
import { createRegie, deleteRegie, getRegie, listRegies, updateRegie } from "@/lib/billing/regies";
import { ZInvoiceSearchSchema, ZManualPaymentSchema, type TInvoiceFilterState } from "@/lib/billing/staff-invoice.schema";
import {
  getInvoiceForStaff,
  invoicesIssuedInMonth,
  listInvoicesForStaff,
  paymentsReceivedInMonth,
  recordManualPayment,
} from "@/lib/billing/staff-invoices";
import { createActivity, updateActivity } from "@/lib/catalogue/catalogue-admin";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { createFamily, createStaffViewer } from "../helpers/admin-fixtures";
import { holdRowLock } from "../helpers/row-lock";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

// The tests' clock: Thursday 26 November 2026, 11:00 in Paris (tests/helpers/clock-setup.ts).
const TODAY = "2026-11-26";

const regieInput = (overrides: Partial<TRegie> = {}): TRegie => ({
  name: "Régie test",
  code: "TEST",
  payfipClientNumber: "001234",
  payableOnline: true,
  paymentDeadlineDays: 30,
  mentions: "À régler au Guichet unique.",
  activityIds: [],
  active: true,
  ...overrides,
});

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

type InvoiceSpec = {
  kind?: "INVOICE" | "CREDIT_NOTE";
  status?: "ISSUED" | "PAID" | "CANCELLED";
  totalCents: number;
  paidCents?: number;
  dueDay?: string;
  month?: string;
  issuedAt?: Date;
  cancelsId?: string;
};

/** An invoice (or credit note) as the engine would write it, with its next number in the régie. */
async function createInvoice(prisma: PrismaClient, regie: { id: string; code: string }, familyId: string, spec: InvoiceSpec) {
  const kind = spec.kind ?? "INVOICE";
  const year = 2026;
  const sequence = (await prisma.invoice.count({ where: { regieId: regie.id, kind, year } })) + 1;
  const number = invoiceNumber(kind, regie.code, year, sequence);
  return prisma.invoice.create({
    data: {
      kind,
      number,
      reference: invoiceReference(number),
      regieId: regie.id,
      year,
      sequence,
      familyId,
      month: new Date(`${spec.month ?? "2026-10"}-01T00:00:00Z`),
      payableOnline: true,
      status: spec.status ?? "ISSUED",
      totalCents: spec.totalCents,
      paidCents: spec.paidCents ?? 0,
      issuedAt: spec.issuedAt ?? new Date("2026-11-02T09:00:00Z"),
      dueDate: new Date(`${spec.dueDay ?? "2026-12-02"}T00:00:00Z`),
      cancelsId: spec.cancelsId,
      billingName: "Madame et Monsieur TEST",
      billingAddress: "1 rue du Test\n12000 RODEZ",
      lines: {
        create: [
          {
            childName: "TEST JULIEN",
            serviceLabel: "CANTINE ELEMENTAIRE CAMBON",
            unitLabel: "REPAS ENFANT",
            quantity: 1,
            unitPriceCents: spec.totalCents,
            amountCents: spec.totalCents,
            date: new Date("2026-10-05T00:00:00Z"),
          },
        ],
      },
    },
    select: { id: true, number: true },
  });
}

describe.each(testDatabaseKinds())("the staff side of invoicing on %s", (kind) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let agent: StaffViewer;
  let admin: StaffViewer;
  let parent: Viewer;
  let activities: { a: string; b: string; c: string };
  let family: { id: string };

  withStaffTestBed(kind, async (suite) => {
    ({ database, agent } = suite);
    prisma = database.prisma;
    admin = await createStaffViewer(prisma, "ADMIN");
    const created = await createFamily(prisma, "DUPONT");
    family = { id: created.id };
    parent = { userId: created.user.id, email: created.user.email, name: "Parent", role: "PARENT", familyId: created.id };
    const activity = async (activityCode: string) =>
      (await prisma.activity.create({ data: { code: activityCode, name: activityCode }, select: { id: true } })).id;
    activities = { a: await activity("CANTINE_T"), b: await activity("GARDERIE_T"), c: await activity("ALSH_T") };
  });

  describe("régies", () => {
    it("checks the PayFiP client number: 6 digits kept as text, required when payable online", () => {
      const parse = (overrides: Record<string, unknown>) => ZRegieSchema.safeParse({ ...regieInput(), ...overrides });
      expect(parse({ payfipClientNumber: "012345" }).data?.payfipClientNumber).toBe("012345");
      for (const wrong of ["12345", "1234567", "12345a", "12 345"]) {
        expect(parse({ payfipClientNumber: wrong }).error?.issues.map((issue) => issue.message)).toEqual([NUMCLI_MESSAGE]);
      }
      expect(parse({ payfipClientNumber: "", payableOnline: "on" }).error?.issues.map((issue) => issue.message)).toEqual([
        NUMCLI_REQUIRED_MESSAGE,
      ]);
      expect(parse({ payfipClientNumber: "", payableOnline: undefined }).success).toBe(true);
      expect(parse({ code: "peri 2" }).success).toBe(false);
      expect(parse({ code: "peri2" }).data?.code).toBe("PERI2");
      expect(parse({ paymentDeadlineDays: "91" }).success).toBe(false);
      expect(parse({ paymentDeadlineDays: "0" }).success).toBe(false);
    });

    it("refuses an agent and a parent everything, and changes nothing", async () => {
      const existing = await createRegie(prisma, admin, regieInput({ name: "Régie gardée", code: "GARDE" }));
      const before = await prisma.regie.findMany({ orderBy: { id: "asc" } });
      for (const viewer of [agent, parent as StaffViewer]) {
        expect(await code(listRegies(prisma, viewer))).toBe("FORBIDDEN");
        expect(await code(getRegie(prisma, viewer, existing.id))).toBe("FORBIDDEN");
        expect(await code(createRegie(prisma, viewer, regieInput({ name: "Pirate", code: "PIRATE" })))).toBe("FORBIDDEN");
        expect(await code(updateRegie(prisma, viewer, existing.id, regieInput({ name: "Pirate", code: "GARDE" })))).toBe(
          "FORBIDDEN",
        );
        expect(await code(deleteRegie(prisma, viewer, existing.id))).toBe("FORBIDDEN");
      }
      expect(await prisma.regie.findMany({ orderBy: { id: "asc" } })).toEqual(before);
      await deleteRegie(prisma, admin, existing.id);
    });

    it("bills an activity by one régie at most: another régie ticking it is refused, naming it", async () => {
      const peri = await createRegie(
        prisma,
        admin,
        regieInput({ name: "Régie A", code: "RA", activityIds: [activities.a, activities.b] }),
      );
      const other = await createRegie(prisma, admin, regieInput({ name: "Régie B", code: "RB", activityIds: [activities.c] }));
      await expect(
        updateRegie(
          prisma,
          admin,
          other.id,
          regieInput({ name: "Régie B", code: "RB", activityIds: [activities.c, activities.a] }),
        ),
      ).rejects.toThrow("CANTINE_T (Régie A) est déjà facturée ailleurs");
      expect(await prisma.activity.findUnique({ where: { id: activities.a }, select: { regieId: true } })).toEqual({
        regieId: peri.id,
      });
      // Unticking it frees it; the other régie may then take it.
      await updateRegie(prisma, admin, peri.id, regieInput({ name: "Régie A", code: "RA", activityIds: [activities.b] }));
      await updateRegie(
        prisma,
        admin,
        other.id,
        regieInput({ name: "Régie B", code: "RB", activityIds: [activities.c, activities.a] }),
      );
      const billedBy = await prisma.activity.findMany({
        where: { id: { in: Object.values(activities) } },
        select: { code: true, regieId: true },
      });
      expect(Object.fromEntries(billedBy.map((row) => [row.code, row.regieId]))).toEqual({
        CANTINE_T: other.id,
        GARDERIE_T: peri.id,
        ALSH_T: other.id,
      });
      expect((await getRegie(prisma, admin, other.id))?.activityIds.sort()).toEqual([activities.a, activities.c].sort());
      expect(
        await prisma.auditLog.count({
          where: { action: { in: ["regie.create", "regie.update"] }, targetId: { in: [peri.id, other.id] } },
        }),
      ).toBe(4);
      // Deleting a régie that never billed frees its activities.
      await deleteRegie(prisma, admin, other.id);
      expect(await prisma.activity.count({ where: { id: { in: [activities.a, activities.c] }, regieId: null } })).toBe(2);
      await deleteRegie(prisma, admin, peri.id);
    });

    it("locks the code and refuses deletion once the régie has invoices; retiring it still works", async () => {
      const regie = await createRegie(prisma, admin, regieInput({ name: "Régie facturée", code: "FACT" }));
      await createInvoice(prisma, { id: regie.id, code: "FACT" }, family.id, { totalCents: 1000 });
      expect(await code(updateRegie(prisma, admin, regie.id, regieInput({ name: "Régie facturée", code: "AUTRE" })))).toBe(
        "REGIE_IN_USE",
      );
      expect(await code(deleteRegie(prisma, admin, regie.id))).toBe("REGIE_IN_USE");
      await updateRegie(
        prisma,
        admin,
        regie.id,
        regieInput({ name: "Régie facturée", code: "FACT", active: false, paymentDeadlineDays: 45 }),
      );
      expect(
        await prisma.regie.findUniqueOrThrow({
          where: { id: regie.id },
          select: { code: true, active: true, paymentDeadlineDays: true },
        }),
      ).toEqual({
        code: "FACT",
        active: false,
        paymentDeadlineDays: 45,
      });
      expect(await code(createRegie(prisma, admin, regieInput({ name: "régie FACTURÉE", code: "NEUF" })))).toBe("TAKEN");
      expect(await code(createRegie(prisma, admin, regieInput({ name: "Régie neuve", code: "NEUF" })))).toBe("accepted");
      expect(await code(createRegie(prisma, admin, regieInput({ name: "Autre nom", code: "FACT" })))).toBe("TAKEN");
    });

    it("lets only an administrator choose an activity's régie in the activity form", async () => {
      const regie = await createRegie(prisma, admin, regieInput({ name: "Régie des activités", code: "ACT" }));
      const agentMade = await createActivity(prisma, agent, {
        code: "SANS_REGIE",
        name: "Sans régie",
        sortOrder: 0,
        regieId: null,
      });
      expect(
        await code(
          updateActivity(prisma, agent, agentMade.id, {
            code: "SANS_REGIE",
            name: "Sans régie",
            sortOrder: 1,
            regieId: regie.id,
          }),
        ),
      ).toBe("FORBIDDEN");
      expect(
        await code(createActivity(prisma, agent, { code: "AVEC_REGIE", name: "Avec", sortOrder: 0, regieId: regie.id })),
      ).toBe("FORBIDDEN");
      await updateActivity(prisma, admin, agentMade.id, {
        code: "SANS_REGIE",
        name: "Sans régie",
        sortOrder: 1,
        regieId: regie.id,
      });
      // The agent's edit that keeps the régie is fine.
      await updateActivity(prisma, agent, agentMade.id, {
        code: "SANS_REGIE",
        name: "Renommée",
        sortOrder: 2,
        regieId: regie.id,
      });
      expect(
        await prisma.activity.findUniqueOrThrow({ where: { id: agentMade.id }, select: { name: true, regieId: true } }),
      ).toEqual({
        name: "Renommée",
        regieId: regie.id,
      });
    });
  });

  describe("invoices", () => {
    let regie: { id: string; code: string };
    let otherRegie: { id: string; code: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      regie = { ...(await createRegie(prisma, admin, regieInput({ name: "Régie des factures", code: "PERI" }))), code: "PERI" };
      otherRegie = {
        ...(await createRegie(
          prisma,
          admin,
          regieInput({ name: "Régie loisirs", code: "ALSH", payableOnline: false, payfipClientNumber: "" }),
        )),
        code: "ALSH",
      };
      const martin = (await createFamily(prisma, "MARTIN")).id;
      const add = async (name: string, owner: string, spec: InvoiceSpec, inRegie = regie) => {
        ids[name] = (await createInvoice(prisma, inRegie, owner, spec)).id;
      };
      await add("toPay", family.id, { totalCents: 4550 });
      await add("partial", family.id, { totalCents: 3000, paidCents: 1000 });
      await add("late", family.id, { totalCents: 2000, dueDay: "2026-11-25" });
      await add("latePartial", martin, { totalCents: 2000, paidCents: 500, dueDay: "2026-11-01" });
      await add("dueToday", martin, { totalCents: 1200, dueDay: TODAY });
      await add("paid", martin, { totalCents: 1500, paidCents: 1500, status: "PAID", dueDay: "2026-11-01" });
      await add("cancelled", martin, { totalCents: 900, status: "CANCELLED" });
      await add("credit", martin, { kind: "CREDIT_NOTE", totalCents: -900, cancelsId: ids.cancelled });
      await add(
        "november",
        martin,
        { totalCents: 700, month: "2026-11", issuedAt: new Date("2026-12-01T08:00:00Z") },
        otherRegie,
      );
    });

    const list = (query: Record<string, string>) =>
      listInvoicesForStaff(prisma, agent, ZInvoiceSearchSchema.parse(query), TODAY).then((result) => ({
        ...result,
        names: result.rows.map((row) => Object.keys(ids).find((name) => ids[name] === row.id)).sort(),
      }));

    it.each<[TInvoiceFilterState, string[]]>([
      ["a-payer", ["dueToday", "november", "toPay"]],
      ["partiellement-payee", ["partial"]],
      ["en-retard", ["late", "latePartial"]],
      ["payee", ["paid"]],
      ["annulee", ["cancelled"]],
      ["avoirs", ["credit"]],
    ])(
      "filters the state « %s » in SQL as invoiceState() says (late: due before today, not fully paid)",
      async (etat, expected) => {
        const result = await list({ etat });
        expect(result.names).toEqual(expected.sort());
        expect(new Set(result.rows.map((row) => row.state)).size).toBe(1);
      },
    );

    it("searches by family name or number, filters month and régie, and totals the whole selection", async () => {
      expect((await list({ q: "marti" })).names).toEqual(["cancelled", "credit", "dueToday", "latePartial", "november", "paid"]);
      expect((await list({ q: "F-PERI-2026-000002" })).names).toEqual(["partial"]);
      expect((await list({ q: "%" })).names).toEqual([]);
      expect((await list({ mois: "2026-11" })).names).toEqual(["november"]);
      expect((await list({ regie: otherRegie.id })).names).toEqual(["november"]);
      const all = await list({ regie: regie.id });
      expect(all.totals).toEqual({
        count: 8,
        totalCents: 4550 + 3000 + 2000 + 2000 + 1200 + 1500 + 900 - 900,
        paidCents: 1000 + 500 + 1500,
        remainingCents: 4550 + 2000 + 2000 + 1500 + 1200,
      });
      expect(all.pageCount).toBe(1);
      expect((await list({ etat: "en-retard", q: "dupont" })).totals).toEqual({
        count: 1,
        totalCents: 2000,
        paidCents: 0,
        remainingCents: 2000,
      });
    });

    it("shows an invoice's page to staff only, with its credit note", async () => {
      const page = await getInvoiceForStaff(prisma, agent, ids.cancelled, TODAY);
      expect(page).toMatchObject({
        state: "ANNULEE",
        creditNote: { id: ids.credit },
        payable: false,
        groups: [{ childName: "TEST JULIEN" }],
      });
      expect(await code(getInvoiceForStaff(prisma, parent as StaffViewer, ids.cancelled))).toBe("FORBIDDEN");
    });

    const pay = (invoice: string, amount: string, method = "CHEQUE", receiptNumber = "CHQ 1", receivedOn = TODAY) =>
      recordManualPayment(
        prisma,
        agent,
        ZManualPaymentSchema.parse({ invoiceId: ids[invoice], method, amount, receivedOn, receiptNumber }),
      );

    it("checks the manual payment's form: amount, date not in the future, receipt number for cash, cheques and CESU", () => {
      const parse = (overrides: Record<string, string>) =>
        ZManualPaymentSchema.safeParse({
          invoiceId: ids.toPay,
          method: "ESPECES",
          amount: "12,50",
          receivedOn: TODAY,
          receiptNumber: "Q1",
          ...overrides,
        });
      expect(parse({}).data?.amount).toBe(1250);
      expect(parse({ amount: "12.5" }).data?.amount).toBe(1250);
      expect(parse({ amount: "0" }).success).toBe(false);
      expect(parse({ amount: "douze" }).success).toBe(false);
      expect(parse({ receivedOn: "2026-11-27" }).error?.issues[0].message).toBe(
        "La date de réception ne peut pas être dans le futur.",
      );
      expect(parse({ receiptNumber: "" }).success).toBe(false);
      expect(parse({ method: "CHEQUE", receiptNumber: "" }).error?.issues[0].message).toBe(
        "Le numéro du chèque est obligatoire.",
      );
      expect(parse({ method: "VIREMENT", receiptNumber: "" }).success).toBe(true);
      expect(parse({ method: "PAYFIP" }).success).toBe(false);
    });

    it("records a partial payment, then the rest: the invoice is « Payée », each payment audited", async () => {
      await pay("toPay", "20,00", "ESPECES", "Q-0001", "2026-11-20");
      let page = await getInvoiceForStaff(prisma, agent, ids.toPay, TODAY);
      expect(page).toMatchObject({ state: "PARTIELLEMENT_PAYEE", paidCents: 2000, remainingCents: 2550, payable: true });
      expect(page?.payments).toEqual([
        expect.objectContaining({ method: "ESPECES", amountCents: 2000, receivedDay: "2026-11-20", receiptNumber: "Q-0001" }),
      ]);
      await pay("toPay", "25,50", "VIREMENT", "");
      page = await getInvoiceForStaff(prisma, agent, ids.toPay, TODAY);
      expect(page).toMatchObject({ state: "PAYEE", status: "PAID", paidCents: 4550, remainingCents: 0, payable: false });
      expect(
        await prisma.auditLog.count({
          where: { action: "invoice.payment.record", targetId: ids.toPay, actorUserId: agent.userId },
        }),
      ).toBe(2);
    });

    it("refuses more than what remains, a paid invoice and a cancelled one, recording nothing", async () => {
      const before = await prisma.payment.count();
      await expect(pay("partial", "20,01")).rejects.toThrow("Le montant dépasse ce qui reste à payer sur cette facture.");
      await expect(pay("paid", "1,00")).rejects.toThrow("Cette facture est déjà entièrement payée.");
      await expect(pay("cancelled", "1,00")).rejects.toThrow("Cette facture est annulée : elle ne se paie plus.");
      expect(await code(pay("credit", "1,00"))).toBe("NOT_FOUND");
      expect(await prisma.payment.count()).toBe(before);
      expect(await prisma.invoice.findUniqueOrThrow({ where: { id: ids.partial }, select: { paidCents: true } })).toEqual({
        paidCents: 1000,
      });
    });

    itOnPostgres(kind)(
      "two agents recording the remaining amount at once: one payment is recorded, the other refused",
      async () => {
        const lock = await holdRowLock(database.url!, `SELECT id FROM "Invoice" WHERE id = $1 FOR UPDATE`, [ids.late]);
        const attempts = Promise.allSettled([pay("late", "20,00", "CHEQUE", "CHQ A"), pay("late", "20,00", "CESU", "CESU B")]);
        try {
          // The first waits on the test's lock, the second behind it (on the row's tuple lock).
          await lock.waitForWaiting(2);
        } finally {
          await lock.release();
        }
        const outcomes = await attempts;
        expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
        const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
        expect((refused.reason as AppError).code).toBe("INVOICE_PAID");
        expect(await prisma.payment.count({ where: { invoiceId: ids.late } })).toBe(1);
        expect(
          await prisma.invoice.findUniqueOrThrow({ where: { id: ids.late }, select: { paidCents: true, status: true } }),
        ).toEqual({
          paidCents: 2000,
          status: "PAID",
        });
      },
    );

    it("exports the month's invoices and credit notes, and its payments, as CSV for the accounting", async () => {
      const invoices = await invoicesIssuedInMonth(prisma, agent, { mois: "2026-11", regie: regie.id }, TODAY);
      const csv = invoicesCsv(invoices, monthLabel);
      expect(csv.startsWith("\uFEFFNuméro;Type;Facture annulée;Régie;Famille;")).toBe(true);
      const lines = csv.slice(1).split("\r\n");
      expect(lines.at(-1)).toBe("");
      expect(lines).toHaveLength(1 + 8 + 1); // header, the 8 documents issued on 2 November (not December's), the final CRLF
      expect(lines).toContain(
        "F-PERI-2026-000001;Facture;;Régie des factures;DUPONT;Madame et Monsieur TEST;octobre 2026;02/11/2026;02/12/2026;45,50;45,50;0,00;Payée",
      );
      expect(lines).toContain(
        "A-PERI-2026-000001;Avoir;F-PERI-2026-000007;Régie des factures;MARTIN;Madame et Monsieur TEST;octobre 2026;02/11/2026;;-9,00;0,00;0,00;Avoir",
      );
      // A régie of its own: only December's invoice of the other régie, in December.
      expect(await invoicesIssuedInMonth(prisma, agent, { mois: "2026-11", regie: otherRegie.id }, TODAY)).toEqual([]);

      const payments = paymentsCsv(await paymentsReceivedInMonth(prisma, agent, { mois: "2026-11" }));
      expect(
        payments.startsWith(
          "\uFEFFDate de réception;Facture;Régie;Famille;Mode de paiement;N° de quittance ou de chèque;Montant;idOp PayFiP\r\n",
        ),
      ).toBe(true);
      expect(payments).toContain("\r\n20/11/2026;F-PERI-2026-000001;PERI;DUPONT;Espèces;Q-0001;20,00;\r\n");
      expect(payments).toContain(`\r\n${"26/11/2026"};F-PERI-2026-000001;PERI;DUPONT;Virement;;25,50;\r\n`);
      expect(await code(paymentsReceivedInMonth(prisma, parent as StaffViewer, { mois: "2026-11" }))).toBe("FORBIDDEN");
    });
  });
});

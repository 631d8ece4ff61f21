// The « Attestation de frais de garde » amounts (issue #15 point 6 acceptance).
import { certificateNumber, childcareAmountsPaid, underSixOnFirstJanuary, type CertificateInvoice } from "./certificate-amounts";

const LOU = "child-lou";
const TOM = "child-tom";

describe("amounts paid for childcare in a calendar year", () => {
  it("counts a December invoice paid in January for the next year (Paris time)", () => {
    const december: CertificateInvoice = {
      totalCents: 26_307,
      lines: [{ childId: LOU, taxEligible: true, amountCents: 26_307 }],
      // 2 January 2027 at 00:30 in Paris is 1 January 23:30 UTC.
      payments: [{ amountCents: 26_307, receivedAt: new Date("2027-01-01T23:30:00Z") }],
    };
    expect(childcareAmountsPaid([december], 2026)).toEqual(new Map());
    expect(childcareAmountsPaid([december], 2027)).toEqual(new Map([[LOU, 26_307]]));
    // 31 December 2026 at 23:30 in Paris (22:30 UTC) is still 2026.
    const paidOnNewYearsEve = { ...december, payments: [{ amountCents: 26_307, receivedAt: new Date("2026-12-31T22:30:00Z") }] };
    expect(childcareAmountsPaid([paidOnNewYearsEve], 2026)).toEqual(new Map([[LOU, 26_307]]));
  });

  it("excludes meals: only eligible lines count, the payment spread over the invoice's lines", () => {
    // Garderie (eligible) 30,00 € + canteen meals 20,00 € for Tom; paid 25,00 € of 50,00 €:
    // the eligible part is 25 × 30 / 50 = 15,00 €.
    const invoice: CertificateInvoice = {
      totalCents: 5_000,
      lines: [
        { childId: TOM, taxEligible: true, amountCents: 3_000 },
        { childId: TOM, taxEligible: false, amountCents: 2_000 },
      ],
      payments: [{ amountCents: 2_500, receivedAt: new Date("2026-03-10T10:00:00Z") }],
    };
    expect(childcareAmountsPaid([invoice], 2026)).toEqual(new Map([[TOM, 1_500]]));
  });

  it("keeps the crèche deductions (negative lines) in the child's part, and sums two children's invoices", () => {
    const invoice: CertificateInvoice = {
      totalCents: 30_000,
      lines: [
        { childId: LOU, taxEligible: true, amountCents: 26_307 },
        { childId: LOU, taxEligible: true, amountCents: -1_674 },
        { childId: TOM, taxEligible: true, amountCents: 5_367 },
      ],
      payments: [{ amountCents: 30_000, receivedAt: new Date("2026-06-01T08:00:00Z") }],
    };
    expect(childcareAmountsPaid([invoice], 2026)).toEqual(
      new Map([
        [LOU, 24_633],
        [TOM, 5_367],
      ]),
    );
  });
});

describe("children under 6 on 1 January", () => {
  it("counts a child turning 6 during the year, not one who is 6 on 1 January", () => {
    // Born 15 May 2020: 5 on 1 January 2026, 6 in May → counts for 2026, not for 2027.
    expect(underSixOnFirstJanuary("2020-05-15", 2026)).toBe(true);
    expect(underSixOnFirstJanuary("2020-05-15", 2027)).toBe(false);
    // Born 1 January 2020: 6 on 1 January 2026.
    expect(underSixOnFirstJanuary("2020-01-01", 2026)).toBe(false);
    expect(underSixOnFirstJanuary("2020-01-02", 2026)).toBe(true);
  });

  it("numbers certificates AFG-<year>-<000001>", () => {
    expect(certificateNumber(2026, 1)).toBe("AFG-2026-000001");
    expect(certificateNumber(2026, 1234)).toBe("AFG-2026-001234");
  });
});

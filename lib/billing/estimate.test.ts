import { estimateBasis, estimateCost, type EstimatePricing } from "./estimate";

describe("estimateCost", () => {
  const units = [
    { id: "matin", label: "MATIN" },
    { id: "soir", label: "SOIR" },
    { id: "repas", label: "REPAS" },
  ];
  const pricing: EstimatePricing = {
    quotientFamilial: 650,
    bracketLabel: "QF de 400 à 699",
    qfOutsideBrackets: false,
    unitPrices: { matin: 120, soir: 350, repas: null },
  };
  const ticks = (unitId: string, count: number) => Array.from({ length: count }, () => ({ unitId }));

  it("prices each unit's days at the bracket's tariff, in the planning's order, and adds them up", () => {
    const estimate = estimateCost(pricing, units, [...ticks("soir", 4), ...ticks("matin", 1)]);
    expect(estimate.lines.map((line) => [line.unitLabel, line.text])).toEqual([
      ["MATIN", "1 journée × 1,20\u00a0€ = 1,20\u00a0€"],
      ["SOIR", "4 journées × 3,50\u00a0€ = 14,00\u00a0€"],
    ]);
    expect(estimate.totalCents).toBe(1520);
    expect(estimate.incomplete).toBe(false);
    expect(estimate.basis).toBe(
      "Estimation au quotient familial actuel (QF 650, tranche « QF de 400 à 699 ») ; le montant exact figure sur la facture.",
    );
  });

  it("says « tarif non renseigné » for a unit without tariff and leaves it out of the total", () => {
    const estimate = estimateCost(pricing, units, [...ticks("repas", 2), ...ticks("soir", 1)]);
    expect(estimate.lines.map((line) => line.text)).toEqual([
      "1 journée × 3,50\u00a0€ = 3,50\u00a0€",
      "2 journées – tarif non renseigné",
    ]);
    expect(estimate.lines[1].amountCents).toBeNull();
    expect(estimate.totalCents).toBe(350);
    expect(estimate.incomplete).toBe(true);
  });

  it("says the highest bracket was used when the family has no QF", () => {
    const estimate = estimateCost(
      { ...pricing, quotientFamilial: null, bracketLabel: "QF de 1 000 et plus" },
      units,
      ticks("matin", 2),
    );
    expect(estimate.basis).toContain("Aucun quotient familial n'est enregistré");
    expect(estimate.basis).toContain("tranche la plus haute (« QF de 1 000 et plus »)");
    expect(estimate.totalCents).toBe(240);
  });

  it("prices a QF in a gap of the brackets at the highest one, as the invoice will, and says whom to ask", () => {
    const estimate = estimateCost(
      { ...pricing, quotientFamilial: 800, bracketLabel: "QF de 1 000 et plus", qfOutsideBrackets: true },
      units,
      ticks("matin", 2),
    );
    expect(estimate.totalCents).toBe(240);
    expect(estimate.basis).toBe(
      "Votre quotient familial (QF 800) ne correspond à aucune tranche tarifaire : estimation au tarif de la tranche la plus haute (« QF de 1 000 et plus »), contactez le Guichet unique ; le montant exact figure sur la facture.",
    );
  });

  it("prices nothing when the town has no bracket, and says whom to ask", () => {
    const estimate = estimateCost({ ...pricing, bracketLabel: null }, units, ticks("matin", 2));
    expect(estimate.lines[0].text).toBe("2 journées – tarif non renseigné");
    expect(estimate.totalCents).toBe(0);
    expect(estimateBasis({ quotientFamilial: 650, bracketLabel: null, qfOutsideBrackets: false })).toContain(
      "Aucune tranche de quotient familial n'est définie : contactez le Guichet unique",
    );
  });

  it("has no line when nothing is ticked", () => {
    expect(estimateCost(pricing, units, [])).toMatchObject({ lines: [], totalCents: 0, incomplete: false });
  });
});

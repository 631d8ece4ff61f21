import {
  bracketRangeLabel,
  bracketsOverlap,
  formatEuros,
  longDayLabel,
  overbookedMessage,
  overlappingBracket,
  parseEuros,
} from "./unit-rules";

describe("catalogue unit rules", () => {
  it("names a day in full, in French", () => {
    expect(longDayLabel("2026-10-06")).toBe("mardi 6 octobre 2026");
    expect(longDayLabel("2027-03-01")).toBe("lundi 1er mars 2027");
  });

  it("explains a capacity below the booked places, naming the days", () => {
    expect(overbookedMessage([{ day: "2026-10-06", booked: 12 }], 10)).toBe(
      "Impossible : 12 places déjà réservées le mardi 6 octobre 2026. La capacité ne peut pas descendre sous le nombre de places réservées (capacité demandée : 10). Rien n'a été modifié.",
    );
    expect(overbookedMessage([{ day: "2026-10-08", booked: 1 }], 0)).toContain("1 place déjà réservée le jeudi 8 octobre 2026");
    const many = Array.from({ length: 12 }, (_, index) => ({ day: `2026-10-${String(index + 1).padStart(2, "0")}`, booked: 3 }));
    expect(overbookedMessage(many, 2)).toContain("; et 2 autre(s) jour(s)");
  });

  it("reads euros with a comma or a dot and refuses anything else", () => {
    expect(parseEuros("3,50")).toBe(350);
    expect(parseEuros("3,5")).toBe(350);
    expect(parseEuros("3.05")).toBe(305);
    expect(parseEuros(" 12 € ")).toBe(1200);
    expect(parseEuros("0")).toBe(0);
    expect(parseEuros("-1")).toBeNull();
    expect(parseEuros("3,555")).toBeNull();
    expect(parseEuros("trois")).toBeNull();
    expect(parseEuros("")).toBeNull();
    expect(formatEuros(350)).toBe("3,50");
    expect(formatEuros(5)).toBe("0,05");
  });

  it("finds overlapping quotient brackets, the upper bound being exclusive", () => {
    expect(bracketsOverlap({ minQf: 0, maxQf: 400 }, { minQf: 400, maxQf: 700 })).toBe(false);
    expect(bracketsOverlap({ minQf: 0, maxQf: 401 }, { minQf: 400, maxQf: 700 })).toBe(true);
    expect(bracketsOverlap({ minQf: 1000, maxQf: null }, { minQf: 5000, maxQf: 6000 })).toBe(true);
    expect(bracketsOverlap({ minQf: 1000, maxQf: null }, { minQf: 0, maxQf: 1000 })).toBe(false);
    const existing = [
      { label: "A", minQf: 0, maxQf: 400 },
      { label: "B", minQf: 400, maxQf: null },
    ];
    expect(overlappingBracket({ minQf: 300, maxQf: 350 }, existing)?.label).toBe("A");
    expect(overlappingBracket({ minQf: 300, maxQf: 350 }, [])).toBeNull();
    expect(bracketRangeLabel({ minQf: 400, maxQf: 700 })).toBe("de 400 à 699");
    expect(bracketRangeLabel({ minQf: 1000, maxQf: null })).toBe("1 000 et plus");
  });
});

import { bracketForQuotient, quotientOnDay, type BracketBounds } from "./quotient-bracket";

const BRACKETS: BracketBounds[] = [
  { id: "b1", label: "QF inférieur à 400", minQf: 0, maxQf: 400 },
  { id: "b2", label: "QF de 400 à 699", minQf: 400, maxQf: 700 },
  { id: "b4", label: "QF de 1 000 et plus", minQf: 1000, maxQf: null },
  { id: "b3", label: "QF de 700 à 999", minQf: 700, maxQf: 1000 },
];

describe("the bracket of a quotient familial", () => {
  it("takes the lower bound inclusive and the upper bound exclusive", () => {
    expect(bracketForQuotient(BRACKETS, 399)?.bracket.id).toBe("b1");
    expect(bracketForQuotient(BRACKETS, 400)?.bracket.id).toBe("b2");
    expect(bracketForQuotient(BRACKETS, 699)?.bracket.id).toBe("b2");
    expect(bracketForQuotient(BRACKETS, 700)).toEqual({ bracket: BRACKETS[3], anomaly: null });
    expect(bracketForQuotient(BRACKETS, 0)?.bracket.id).toBe("b1");
  });

  it("bills the open-ended last bracket for any high QF", () => {
    expect(bracketForQuotient(BRACKETS, 1000)).toEqual({ bracket: BRACKETS[2], anomaly: null });
    expect(bracketForQuotient(BRACKETS, 99_999)?.bracket.id).toBe("b4");
  });

  it("bills a family without QF at the highest bracket, flagged", () => {
    expect(bracketForQuotient(BRACKETS, null)).toEqual({ bracket: BRACKETS[2], anomaly: "NO_QF" });
    expect(bracketForQuotient([...BRACKETS].reverse(), null)?.bracket.id).toBe("b4");
    expect(bracketForQuotient(BRACKETS.slice(0, 2), null)?.bracket.id).toBe("b2");
  });

  it("bills a QF no bracket holds at the highest bracket, flagged", () => {
    const gap = BRACKETS.filter((bracket) => bracket.id !== "b2");
    expect(bracketForQuotient(gap, 500)).toEqual({ bracket: BRACKETS[2], anomaly: "NO_BRACKET" });
  });

  it("has nothing to say without brackets", () => {
    expect(bracketForQuotient([], 500)).toBeNull();
    expect(bracketForQuotient([], null)).toBeNull();
  });
});

describe("the quotient familial valid on a day", () => {
  const history = [
    { validFrom: "2026-11-16", quotientFamilial: 950 },
    { validFrom: "2026-09-01", quotientFamilial: 420 },
    { validFrom: "2027-01-01", quotientFamilial: null },
  ];

  it("is the latest one valid from that day or before", () => {
    expect(quotientOnDay(history, "2026-11-13")).toBe(420);
    expect(quotientOnDay(history, "2026-11-16")).toBe(950);
    expect(quotientOnDay(history, "2026-12-31")).toBe(950);
  });

  it("is unknown before the first one, and after a removal", () => {
    expect(quotientOnDay(history, "2026-08-31")).toBeNull();
    expect(quotientOnDay(history, "2027-01-04")).toBeNull();
    expect(quotientOnDay([], "2026-11-13")).toBeNull();
  });
});

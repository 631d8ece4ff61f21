import {
  DEFAULT_CRITERIA,
  defaultContractEnd,
  groupAt,
  isResident,
  parentsWorking,
  placesFree,
  rankCandidates,
  requestAgeMonths,
  scoreCandidate,
} from "./commission-ranking";

const criteria = DEFAULT_CRITERIA.map((criterion) => ({ ...criterion, active: true }));
const none = { resident: false, siblingInCreche: false, parentsWorking: false, singleParent: false, requestAgeMonths: 0 };

describe("the commission's ranking rules", () => {
  it("reads residence from the town's name or the postal code in the Guichet's address", () => {
    const town = { townName: "Ville de Rodez", guichetAddress: "Place Sainte-Catherine, 12000 Rodez" };
    expect(isResident({ city: "rodez", postalCode: null }, town)).toBe(true);
    expect(isResident({ city: "Onet-le-Château", postalCode: "12000" }, town)).toBe(true);
    expect(isResident({ city: "Albi", postalCode: "81000" }, town)).toBe(false);
    expect(isResident({ city: "Saint-Étienne", postalCode: null }, { townName: "Saint-Etienne", guichetAddress: "" })).toBe(true);
  });

  it("counts the parents as working when every guardian recorded has a profession that is not « sans profession »", () => {
    expect(parentsWorking([{ profession: "Infirmière" }, { profession: "Boulanger" }])).toBe(true);
    expect(parentsWorking([{ profession: "Infirmière" }, { profession: "Sans profession" }])).toBe(false);
    expect(parentsWorking([{ profession: "Infirmière" }, { profession: null }])).toBe(false);
    expect(parentsWorking([{ profession: "Vendeuse" }])).toBe(true);
    expect(parentsWorking([{ profession: "Chômeur" }])).toBe(false);
    expect(parentsWorking([])).toBe(false);
  });

  it("scores the active criteria, the request's age per whole month", () => {
    expect(requestAgeMonths("2026-09-30", "2026-12-10")).toBe(2);
    expect(requestAgeMonths("2026-12-11", "2026-12-10")).toBe(0);
    expect(scoreCandidate(criteria, { ...none, resident: true, requestAgeMonths: 3 })).toEqual({
      score: 33,
      detail: [
        { code: "RESIDENT", label: "Famille domiciliée dans la commune", points: 30 },
        { code: "REQUEST_AGE_MONTH", label: "Ancienneté de la demande (par mois) × 3 mois", points: 3 },
      ],
    });
    const withoutResident = criteria.map((criterion) => ({ ...criterion, active: criterion.code !== "RESIDENT" }));
    expect(scoreCandidate(withoutResident, { ...none, resident: true, singleParent: true }).score).toBe(10);
  });

  it("ranks by score, then by the request sent first", () => {
    const at = (iso: string) => new Date(iso);
    const ranked = rankCandidates([
      { id: "c", score: 10, submittedAt: at("2026-10-02T10:00:00Z") },
      { id: "a", score: 20, submittedAt: at("2026-10-05T10:00:00Z") },
      { id: "b", score: 10, submittedAt: at("2026-10-01T10:00:00Z") },
    ]);
    expect(ranked.map((candidate) => candidate.id)).toEqual(["a", "b", "c"]);
  });

  it("counts places, age groups of unborn children and the default end of a contract", () => {
    expect(placesFree({ capacity: 10, taken: 7, offered: 2 })).toBe(1);
    expect(groupAt(null, "2027-01-01")).toBe("BEBES");
    expect(groupAt("2025-01-01", "2027-01-01")).toBe("MOYENS");
    expect(defaultContractEnd("2027-03-01")).toBe("2030-07-31");
  });
});

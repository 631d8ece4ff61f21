import {
  addMonths,
  bornNearExpected,
  confirmationDeadline,
  confirmationStep,
  ordinal,
  startDateProblem,
  unbornDateProblem,
  waitingPositionLabel,
} from "./family-request-rules";

describe("the family side's rules of a crèche request", () => {
  it("adds months, keeping the day or the month's last one", () => {
    expect(addMonths("2026-11-26", 6)).toBe("2027-05-26");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });

  it("accepts an expected birth from today to 6 months ahead (from the 4th month of pregnancy)", () => {
    expect(unbornDateProblem("2026-11-26", "2026-11-26")).toBeNull();
    expect(unbornDateProblem("2027-05-26", "2026-11-26")).toBeNull();
    expect(unbornDateProblem("2027-05-27", "2026-11-26")).toMatch(/4e mois de grossesse/);
    expect(unbornDateProblem("2026-11-25", "2026-11-26")).toMatch(/est passée/);
  });

  it("wants a start date not in the past and, for an unborn child, after the birth", () => {
    expect(startDateProblem("2026-11-25", "2026-11-26", null)).toBe("La date d'entrée souhaitée est passée.");
    expect(startDateProblem("2026-11-26", "2026-11-26", null)).toBeNull();
    expect(startDateProblem("2027-03-10", "2026-11-26", "2027-03-10")).toMatch(/doit suivre la naissance/);
    expect(startDateProblem("2027-03-11", "2026-11-26", "2027-03-10")).toBeNull();
  });

  it("says a waiting position as the family reads it", () => {
    expect(ordinal(1)).toBe("1re");
    expect(ordinal(3)).toBe("3e");
    expect(waitingPositionLabel(3, "MULTI-ACCUEIL LES PITCHOUNS")).toBe("3e sur la liste de MULTI-ACCUEIL LES PITCHOUNS");
  });

  it("asks every 3 months and closes 30 days after an unanswered ask", () => {
    expect(confirmationStep({ since: "2026-08-20", requestedOn: null }, "2026-11-19")).toBeNull();
    expect(confirmationStep({ since: "2026-08-20", requestedOn: null }, "2026-11-20")).toBe("ask");
    expect(confirmationStep({ since: "2026-08-20", requestedOn: "2026-11-20" }, "2026-12-19")).toBeNull();
    expect(confirmationStep({ since: "2026-08-20", requestedOn: "2026-11-20" }, "2026-12-20")).toBe("close");
    expect(confirmationDeadline("2026-11-20")).toBe("2026-12-19");
  });

  it("attaches a child born within 60 days of the expected date", () => {
    expect(bornNearExpected("2027-03-01", "2027-03-10")).toBe(true);
    expect(bornNearExpected("2027-05-09", "2027-03-10")).toBe(true);
    expect(bornNearExpected("2027-05-10", "2027-03-10")).toBe(false);
    expect(bornNearExpected("2026-06-01", "2026-12-20")).toBe(false);
  });
});

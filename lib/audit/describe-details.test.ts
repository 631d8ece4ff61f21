import { describeAuditDetails, describeAuditEntry, type AuditReferences } from "./describe-details";

describe("an audit entry's details in the journal", () => {
  it("shows an edit as field : before → after, only for what changed, in French, ids left out", () => {
    expect(
      describeAuditDetails({
        before: { guardian1MobilePhone: "06 12 34 56 78", city: "RODEZ" },
        after: { guardian1MobilePhone: "06 00 00 00 00", city: "RODEZ" },
      }),
    ).toEqual(["guardian1MobilePhone : 06 12 34 56 78 → 06 00 00 00 00"]);
    expect(describeAuditDetails({ before: {}, after: {} })).toEqual(["aucune modification"]);
    expect(
      describeAuditDetails({
        periodId: "4b7e5161-7a45-4c1e-9a3f-0a1b2c3d4e5f",
        before: { capacity: 30 },
        after: { capacity: 10 },
        daysUpdated: 4,
      }),
    ).toEqual(["Capacité : 30 → 10", "Jours mis à jour : 4"]);
  });

  it("shows other details as label : value, booleans in French, dates as dd/mm/yyyy, lists joined, long values cut", () => {
    expect(describeAuditDetails({ title: "Menus de décembre", published: true, address: null })).toEqual([
      "Titre : Menus de décembre",
      "Publiée : oui",
      "Adresse : —",
    ]);
    expect(describeAuditDetails({ dates: ["2026-12-24", "2026-12-31"] })).toEqual(["Dates : 24/12/2026, 31/12/2026"]);
    expect(describeAuditDetails({ lines: ["4b7e5161-7a45-4c1e-9a3f-0a1b2c3d4e5f"] })).toEqual([]);
    expect(describeAuditDetails({ text: "x".repeat(300) })[0]).toHaveLength("text : ".length + 120);
    expect(describeAuditDetails(null)).toEqual([]);
    expect(describeAuditDetails({ label: "SOIR" }).join()).not.toMatch(/[{}[\]"]/);
  });
});

describe("an audit entry as a sentence", () => {
  const references: AuditReferences = {
    reservations: new Map([["r1", { number: "000002" }]]),
    days: new Map([
      ["d1", { date: "2026-12-17", unit: "MATIN" }],
      ["d2", { date: "2026-12-18", unit: "SOIR" }],
    ]),
  };

  it("names a reservation decision by its number, its days and its reason", () => {
    expect(
      describeAuditEntry(
        { action: "reservation.refuse", targetId: "r1", details: { lines: ["d1"], message: "Complet ce jour-là" } },
        references,
      ),
    ).toEqual(["Réservation n° 000002 – 17/12 MATIN refusée – motif : Complet ce jour-là"]);
    expect(
      describeAuditEntry({ action: "reservation.accept", targetId: "r1", details: { lines: ["d1", "d2"] } }, references),
    ).toEqual(["Réservation n° 000002 – 17/12 MATIN, 18/12 SOIR acceptées"]);
  });

  it("says a pointage and its correction, and a list viewed, without a code", () => {
    expect(
      describeAuditEntry(
        {
          action: "attendance.correct",
          targetId: "r1",
          details: {
            reservation: "000002",
            date: "2026-12-17",
            unit: "SOIR",
            child: "TEST JULIEN",
            status: "Absent excusé",
            previous: "Absent",
          },
        },
        references,
      ),
    ).toEqual(["Réservation n° 000002 – 17/12 SOIR – TEST JULIEN : Absent excusé (avant : Absent)"]);
    expect(
      describeAuditEntry(
        { action: "daily-list.view", targetId: null, details: { date: "2026-12-17", children: 12 } },
        references,
      ),
    ).toEqual(["Liste du 17/12/2026 – 12 enfant(s)"]);
  });
});

import { describeAuditDetails } from "./describe-details";

describe("an audit entry's details in the journal", () => {
  it("shows an edit as field : before → after, only for what changed", () => {
    expect(
      describeAuditDetails({
        before: { guardian1MobilePhone: "06 12 34 56 78", city: "RODEZ" },
        after: { guardian1MobilePhone: "06 00 00 00 00", city: "RODEZ" },
      }),
    ).toEqual(["guardian1MobilePhone : 06 12 34 56 78 → 06 00 00 00 00"]);
    expect(describeAuditDetails({ before: {}, after: {} })).toEqual(["aucune modification"]);
    expect(describeAuditDetails({ periodId: "p1", before: { capacity: 30 }, after: { capacity: 10 }, daysUpdated: 4 })).toEqual([
      "capacity : 30 → 10",
      "periodId : p1",
      "daysUpdated : 4",
    ]);
  });

  it("shows other details as key : value, booleans in French, empty values as a dash, long values cut", () => {
    expect(describeAuditDetails({ title: "Menus de décembre", published: true, address: null })).toEqual([
      "title : Menus de décembre",
      "published : oui",
      "address : —",
    ]);
    expect(describeAuditDetails({ dates: ["2026-12-24", "2026-12-31"] })).toEqual(['dates : ["2026-12-24","2026-12-31"]']);
    expect(describeAuditDetails({ text: "x".repeat(300) })[0]).toHaveLength("text : ".length + 120);
    expect(describeAuditDetails(null)).toEqual([]);
  });
});

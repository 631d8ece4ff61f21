import { fieldChanges } from "./field-changes";

describe("fieldChanges", () => {
  it("keeps only the fields whose value changed, before and after", () => {
    expect(
      fieldChanges({ name: "TEST", city: "RODEZ", phone: null }, { name: "TEST", city: "ONET", phone: "05 65 00 00 00" }),
    ).toEqual({
      before: { city: "RODEZ", phone: null },
      after: { city: "ONET", phone: "05 65 00 00 00" },
    });
  });

  it("treats a missing value as null, and gives empty sides when nothing changed", () => {
    expect(fieldChanges({ a: undefined }, { a: null })).toEqual({ before: {}, after: {} });
    expect(fieldChanges({}, { a: "x" })).toEqual({ before: { a: null }, after: { a: "x" } });
  });
});

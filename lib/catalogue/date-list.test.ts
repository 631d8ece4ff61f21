import { parseDateList } from "./date-list";

describe("parseDateList", () => {
  it("reads French and ISO dates separated by lines, commas or semicolons, sorted without duplicates", () => {
    expect(parseDateList("25/12/2026\n2026-12-24; 1/1/2027 ,25/12/2026\n\n")).toEqual({
      ok: true,
      days: ["2026-12-24", "2026-12-25", "2027-01-01"],
    });
  });
  it("lists what it cannot read, impossible dates included", () => {
    expect(parseDateList("31/02/2027, demain, 25/12/26")).toEqual({ ok: false, invalid: ["31/02/2027", "demain", "25/12/26"] });
  });
});

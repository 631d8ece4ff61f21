import { DEFAULT_PAGE_SIZE, pageSizeReturnPath, parsePageSize } from "./page-size";

describe("the lists' page size (« Afficher [5] éléments / page »)", () => {
  it("reads 5, 10 and 25, and 5 for anything else", () => {
    expect([parsePageSize("5"), parsePageSize("10"), parsePageSize("25")]).toEqual([5, 10, 25]);
    for (const value of [undefined, null, "", "7", "100", "10abc", "1e1", " 10", "010", "-5", 10, ["10"]]) {
      expect(parsePageSize(value)).toBe(DEFAULT_PAGE_SIZE);
    }
    expect(DEFAULT_PAGE_SIZE).toBe(5);
  });

  it("goes back to the parent's own page, its search kept and from page 1, and nowhere else", () => {
    expect(pageSizeReturnPath("/espace")).toBe("/espace");
    expect(pageSizeReturnPath("/espace/factures")).toBe("/espace/factures");
    expect(pageSizeReturnPath("/espace/reservations?etat=VALIDEE&page=3")).toBe("/espace/reservations?etat=VALIDEE");
    for (const value of [
      null,
      "",
      "https://evil.example/espace",
      "//evil.example/espace",
      "/admin/familles",
      "/espaces",
      "/espace\\..\\admin",
      "/espace/../admin",
    ]) {
      expect(pageSizeReturnPath(value)).toBe("/espace");
    }
  });
});

import { parseChoice, parseDay, parseId, parsePage, parseText, requireId, searchParamsText } from "./url-params";

const ID = "4b7e5161-0c3a-4d2e-8f00-000000000001";

describe("parseId", () => {
  it("keeps a record's id", () => {
    expect(parseId(ID)).toBe(ID);
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["5,000 characters", "a".repeat(5_000)],
    ["a NUL byte", `${ID.slice(0, 35)}\u0000`],
    ["a NUL byte after an id", `${ID}\u0000`],
    ["a path", "../../etc/passwd"],
    ["an id followed by ../", `${ID}/../`],
    ["36 characters of the old pattern that are no UUID", "-".repeat(36)],
    ["upper case (no key of the database is)", ID.toUpperCase()],
    ["an id with spaces around", ` ${ID} `],
    ["a repeated param", [ID, ID]],
    ["a number", "42"],
  ])("refuses %s", (_label, value) => {
    expect(parseId(value)).toBeNull();
  });
});

describe("requireId", () => {
  it("keeps a record's id and answers the page's 404 to anything else", () => {
    expect(requireId(ID)).toBe(ID);
    expect(() => requireId("../")).toThrow(expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" }));
  });
});

describe("parseDay", () => {
  it("keeps a day that exists", () => {
    expect(parseDay("2026-12-14")).toBe("2026-12-14");
    expect(parseDay("2028-02-29")).toBe("2028-02-29");
  });

  it.each([
    undefined,
    "",
    "2026-02-30",
    "2027-02-29",
    "2026-13-01",
    "14/12/2026",
    "2026-12-14\u0000",
    "2026-12-14T00:00",
    "x".repeat(5_000),
    ["2026-12-14"],
  ])("refuses %p", (value) => {
    expect(parseDay(value)).toBeNull();
  });
});

describe("parsePage", () => {
  it("keeps a page number", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("999999")).toBe(999_999);
  });

  it.each([undefined, "", "0", "-1", "1.5", "1e3", "abc", "1000000", "9".repeat(5_000), "2\u0000", ["2", "3"]])(
    "reads %p as the first page",
    (value) => {
      expect(parsePage(value)).toBe(1);
    },
  );
});

describe("parseText", () => {
  it("keeps printable text, trimmed", () => {
    expect(parseText("  Été 2026 ")).toBe("Été 2026");
    expect(parseText("%TEST%_")).toBe("%TEST%_");
  });

  it.each([undefined, "", "   ", "a\u0000b", "a\nb", "a".repeat(201), ["a", "b"]])("refuses %p", (value) => {
    expect(parseText(value)).toBeNull();
  });

  it("takes its own limit", () => {
    expect(parseText("abcdef", 5)).toBeNull();
    expect(parseText("abcde", 5)).toBe("abcde");
  });
});

describe("parseChoice", () => {
  const STATUSES = ["PENDING", "ACCEPTED"] as const;

  it("keeps a known value", () => {
    expect(parseChoice("ACCEPTED", STATUSES)).toBe("ACCEPTED");
  });

  it.each([undefined, "", "accepted", "ACCEPTED\u0000", "toString", ["ACCEPTED"]])("refuses %p", (value) => {
    expect(parseChoice(value, STATUSES)).toBeNull();
  });
});

describe("searchParamsText", () => {
  it("keeps single printable values and drops lists, NUL bytes and overlong values", () => {
    expect(
      searchParamsText({
        q: "DUPONT",
        page: "2",
        empty: "",
        list: ["a", "b"],
        nul: "a\u0000",
        long: "x".repeat(501),
        absent: undefined,
      }),
    ).toEqual({ q: "DUPONT", page: "2", empty: "" });
  });
});

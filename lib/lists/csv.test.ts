import { csvField, toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["Élève", "Classe"],
        ["Zoé", "CE1"],
      ]),
    ).toBe("\uFEFFÉlève;Classe\r\nZoé;CE1\r\n");
  });
  it("quotes fields holding a separator, a quote or a line break, doubling quotes", () => {
    expect(csvField('Allergie "arachide"; gluten')).toBe('"Allergie ""arachide""; gluten"');
    expect(csvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });
});

describe("csvField against formula injection (OWASP CSV Injection)", () => {
  it.each([
    ["=", "=2+3", "'=2+3"],
    ["+", "+33 6 11 22 33 44", "'+33 6 11 22 33 44"],
    ["-", "-2+3", "'-2+3"],
    ["@", "@SUM(A1:A9)", "'@SUM(A1:A9)"],
  ])("shows a cell starting with %s as text, with a leading quote", (_start, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("neutralises a leading tab (0x09)", () => {
    expect(csvField("\t=2+3")).toBe("'\t=2+3");
  });

  it("neutralises a leading carriage return (0x0D), the line break keeping the cell quoted", () => {
    expect(csvField("\r=2+3")).toBe('"\'\r=2+3"');
  });

  it("puts the quote inside the CSV quoting when the cell also needs quotes", () => {
    expect(csvField('=HYPERLINK("http://exemple.fr";"clic")')).toBe('"\'=HYPERLINK(""http://exemple.fr"";""clic"")"');
    expect(toCsv([["=1;2", "@a"]])).toBe("\uFEFF\"'=1;2\";'@a\r\n");
  });

  it("leaves a plain negative number as a number (a credit note's « -12,50 » in the accounting export), not « -2+3 »", () => {
    expect(csvField(-4)).toBe("-4");
    expect(csvField("-12,50")).toBe("-12,50");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("-12,50 €")).toBe("'-12,50 €");
  });

  it("leaves ordinary values untouched, formula characters inside a cell included", () => {
    for (const value of [
      "DUPONT Zoé",
      "CE1 B",
      "03/12/2026",
      "12:15 – 13:00",
      "Mamie (Grand-mère) 06 11 22 33 44",
      "a=b",
      "Jean-Paul",
      "x@y.fr",
      "'déjà cité",
      "",
    ]) {
      expect(csvField(value)).toBe(value);
    }
    expect(csvField(0)).toBe("0");
    expect(csvField(120)).toBe("120");
    expect(csvField(" =2+3")).toBe('" =2+3"');
  });
});

import { csvField, toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", () => {
    expect(toCsv([["Élève", "Classe"], ["Zoé", "CE1"]])).toBe("\uFEFFÉlève;Classe\r\nZoé;CE1\r\n");
  });
  it("quotes fields holding a separator, a quote or a line break, doubling quotes", () => {
    expect(csvField('Allergie "arachide"; gluten')).toBe('"Allergie ""arachide""; gluten"');
    expect(csvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });
});

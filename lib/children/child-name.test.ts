import { childName } from "./child-name";

describe("childName", () => {
  it("writes the guide's « NOM PRÉNOM » in capitals", () => {
    expect(childName({ lastName: "Test", firstName: "Julien" })).toBe("TEST JULIEN");
    expect(childName({ lastName: "de la Fontaine ", firstName: " Zoé" })).toBe("DE LA FONTAINE ZOÉ");
  });
});

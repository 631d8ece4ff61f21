import { billingAddress, billingName } from "./billing-party";

describe("the party an invoice is made out to", () => {
  it("spells the family's civility out", () => {
    expect(billingName({ civility: "M_ET_MME", name: "TEST" })).toBe("Madame et Monsieur TEST");
    expect(billingName({ civility: "MME", name: "AUTRE" })).toBe("Madame AUTRE");
    expect(billingName({ civility: null, name: "MARTIN " })).toBe("Famille MARTIN");
  });

  it("writes the address one line each, skipping what is unknown", () => {
    expect(
      billingAddress({ street: "26 PLACE EUGENE-RAYNALDY", addressComplement: null, postalCode: "12000", city: "RODEZ" }),
    ).toBe("26 PLACE EUGENE-RAYNALDY\n12000 RODEZ");
    expect(billingAddress({ street: null, addressComplement: " ", postalCode: null, city: null })).toBe("");
  });
});

import { contrastRatio, darkerShade, LIGHTEST_TEXT_ON_BRAND, MIN_CONTRAST } from "./brand-colour";

describe("the town's main colour", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#1e3a6e", "#1e3a6e")).toBe(1);
  });

  it("accepts the default navy and refuses a light yellow against the header's lightest text", () => {
    expect(contrastRatio("#1e3a6e", LIGHTEST_TEXT_ON_BRAND)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio("#f5d90a", LIGHTEST_TEXT_ON_BRAND)).toBeLessThan(MIN_CONTRAST);
  });

  it("darkens a colour for hover states", () => {
    expect(darkerShade("#1e3a6e")).toBe("#14274a");
    expect(darkerShade("#000000")).toBe("#000000");
  });
});

import { classLabel } from "./class-label";

describe("a child's class on the lists", () => {
  it("does not print the level twice when the class's name starts with it", () => {
    expect(classLabel("CM2", "CM2 – Mme Vidal")).toBe("CM2 – Mme Vidal");
    expect(classLabel("CE1", "CE1 B")).toBe("CE1 B");
    expect(classLabel("CM2", "cm2")).toBe("cm2");
  });

  it("keeps the level before a class named otherwise, and either alone", () => {
    expect(classLabel("CE1", "B")).toBe("CE1 B");
    // CE1 is not the start of CE10's name (a level is a whole word).
    expect(classLabel("CE1", "CE10")).toBe("CE1 CE10");
    expect(classLabel("CP", null)).toBe("CP");
    expect(classLabel(null, "Mme Vidal")).toBe("Mme Vidal");
    expect(classLabel(null, null)).toBe("");
  });
});

import { completeLink } from "./complete-link";

describe("step 1's « Compléter le dossier » link", () => {
  it("goes to the incomplete child's sheet when the child's sheet lacks something, even if the family's does too", () => {
    expect(completeLink("c1", [{ section: "famille" }, { section: "enfant" }, { section: "documents" }])).toEqual({
      href: "/espace/enfants/c1",
      label: "Compléter la fiche de l'enfant",
    });
  });

  it("goes to the family's record when only the family's part is missing", () => {
    expect(completeLink("c1", [{ section: "famille" }, { section: "documents" }]).href).toBe("/espace/famille");
  });

  it("goes to the documents when only a document is missing", () => {
    expect(completeLink("c1", [{ section: "documents" }])).toEqual({ href: "/espace/documents", label: "Fournir les documents" });
  });
});

import {
  computeCompleteness,
  STAFF_HEALTH_ITEM,
  staffCompleteness,
  type CompletenessChild,
  type CompletenessInput,
} from "./completeness";

const VACCINATION = { id: "type-vacc", code: "CARNET_VACCINATION", label: "Carnet de vaccination (obligatoire)" };

function completeChild(overrides: Partial<CompletenessChild> = {}): CompletenessChild {
  return {
    id: "child-1",
    firstName: "Julien",
    lastName: "Test",
    sex: "M",
    schoolId: "school-1",
    schoolLevel: "CM2",
    health: {
      doctorName: "Dr Bernard",
      doctorPhone: "05 65 00 11 22",
      hasPai: false,
      vaccinationsUpToDate: true,
      dietKind: "AUCUN",
      dietDetails: null,
    },
    emergencyContactCount: 1,
    authorisations: { emergencyCare: true, photos: false, leaveAlone: false, transport: true },
    documents: [{ typeId: VACCINATION.id, status: "ACCEPTED", refusalReason: null, uploadedAt: new Date("2026-09-01") }],
    ...overrides,
  };
}

function input(
  overrides: {
    child?: Partial<CompletenessChild>;
    family?: Partial<CompletenessInput["family"]>;
    versions?: CompletenessInput["currentConsentVersions"];
  } = {},
): CompletenessInput {
  return {
    family: {
      civility: "M_ET_MME",
      name: "TEST",
      street: "26 place Eugène-Raynaldy",
      postalCode: "12000",
      city: "Rodez",
      homePhone: "05 65 77 88 00",
      situation: "MARIES",
      benefitScheme: "CAF",
      guardians: [{ position: 1, lastName: "TEST", firstName: "Pierre", homePhone: null, mobilePhone: null, workPhone: null }],
      acceptedConsents: [
        { kind: "REGLEMENTS", version: 1, childId: null },
        { kind: "ATTESTATION_HONNEUR", version: 1, childId: null },
        { kind: "SIGNATURE_NUMERIQUE", version: 1, childId: null },
        { kind: "PROTECTION_DONNEES", version: 1, childId: null },
        { kind: "AUTORISATIONS_ENFANT", version: 1, childId: "child-1" },
      ],
      ...overrides.family,
    },
    children: [completeChild(overrides.child)],
    currentConsentVersions: overrides.versions ?? {
      REGLEMENTS: 1,
      ATTESTATION_HONNEUR: 1,
      SIGNATURE_NUMERIQUE: 1,
      PROTECTION_DONNEES: 1,
      AUTORISATIONS_ENFANT: 1,
    },
    mandatoryChildDocumentTypes: [VACCINATION],
    mandatoryFamilyDocumentTypes: [],
    familyDocuments: [],
  };
}

const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe("completeness of a family and its children", () => {
  it("finds nothing missing in a complete record, and the child is bookable", () => {
    const result = computeCompleteness(input());
    expect(result.complete).toBe(true);
    expect(result.children[0]).toMatchObject({ complete: true, bookable: true, missing: [], name: "TEST JULIEN" });
  });

  it("lists each missing family item in French", () => {
    const result = computeCompleteness(input({ family: { street: null, situation: "", homePhone: null, guardians: [] } }));
    expect(codes(result.missing)).toEqual(["family.address", "family.situation", "family.guardian", "family.phone"]);
    expect(result.missing[0].label).toBe("Coordonnées : adresse complète (n° et rue, code postal, ville)");
    // A complete child of an incomplete family cannot be booked.
    expect(result.children[0]).toMatchObject({ complete: true, bookable: false });
  });

  it("asks again when a new version of the rules is in force", () => {
    const result = computeCompleteness(
      input({
        versions: {
          REGLEMENTS: 2,
          ATTESTATION_HONNEUR: 1,
          SIGNATURE_NUMERIQUE: 1,
          PROTECTION_DONNEES: 1,
          AUTORISATIONS_ENFANT: 1,
        },
      }),
    );
    expect(codes(result.missing)).toEqual(["family.consent.REGLEMENTS"]);
    // Version 1 was accepted: the checklist says a new version is to accept, and the banner knows it.
    expect(result.missing[0]).toMatchObject({ label: "Règlements : nouvelle version à accepter", renewed: true });
  });

  it("asks for a statement never accepted without calling it a new version", () => {
    const result = computeCompleteness(
      input({ family: { acceptedConsents: input().family.acceptedConsents.filter((c) => c.kind !== "REGLEMENTS") } }),
    );
    expect(result.missing).toEqual([
      { code: "family.consent.REGLEMENTS", label: "Règlements des structures (OUI)", section: "famille" },
    ]);
  });

  it("lists what an empty child sheet lacks, item by item", () => {
    const result = computeCompleteness(
      input({
        child: {
          sex: null,
          schoolId: null,
          health: null,
          emergencyContactCount: 0,
          authorisations: { emergencyCare: null, photos: null, leaveAlone: null, transport: null },
          documents: [],
        },
        family: { acceptedConsents: input().family.acceptedConsents.filter((c) => c.childId === null) },
      }),
    );
    expect(codes(result.children[0].missing)).toEqual([
      "child.identity",
      "child.school",
      "child.doctor",
      "child.medical",
      "child.diet",
      "child.emergency",
      "child.authorisations",
      "child.authorisations-consent",
      "document.CARNET_VACCINATION",
    ]);
    expect(result.children[0].bookable).toBe(false);
  });

  it("requires details for an 'other' or allergy diet", () => {
    const health = { ...completeChild().health!, dietKind: "AUTRE", dietDetails: " " };
    expect(codes(computeCompleteness(input({ child: { health } })).children[0].missing)).toEqual(["child.diet"]);
  });

  it("counts a submitted mandatory document as pending, and a refused one as missing with its reason", () => {
    const submitted = computeCompleteness(
      input({
        child: {
          documents: [{ typeId: VACCINATION.id, status: "SUBMITTED", refusalReason: null, uploadedAt: new Date("2026-09-02") }],
        },
      }),
    );
    expect(submitted.children[0].missing).toEqual([
      {
        code: "document.CARNET_VACCINATION",
        label: "Carnet de vaccination (obligatoire) : transmis, en attente de validation par le Guichet unique",
        section: "documents",
      },
    ]);

    const refused = computeCompleteness(
      input({
        child: {
          documents: [
            { typeId: VACCINATION.id, status: "REFUSED", refusalReason: "illisible", uploadedAt: new Date("2026-09-02") },
          ],
        },
      }),
    );
    expect(refused.children[0].missing[0].label).toBe(
      "Carnet de vaccination (obligatoire) : document refusé (illisible), à fournir de nouveau",
    );
  });

  it("keeps an accepted document even when a newer upload is refused", () => {
    const result = computeCompleteness(
      input({
        child: {
          documents: [
            { typeId: VACCINATION.id, status: "ACCEPTED", refusalReason: null, uploadedAt: new Date("2026-09-01") },
            { typeId: VACCINATION.id, status: "REFUSED", refusalReason: "doublon", uploadedAt: new Date("2026-10-01") },
          ],
        },
      }),
    );
    expect(result.children[0].complete).toBe(true);
  });

  it("shows staff one neutral health item, whatever the diet, so the list reveals nothing of the health data", () => {
    const labels = (health: CompletenessChild["health"], overrides: Partial<CompletenessChild> = {}) =>
      staffCompleteness(computeCompleteness(input({ child: { health, ...overrides } }))).children[0].missing.map(
        (item) => item.label,
      );
    const base = completeChild().health!;
    const pai = labels({ ...base, dietKind: "ALLERGIE_PAI", dietDetails: null });
    const other = labels({ ...base, doctorName: null, hasPai: null });
    expect(pai).toEqual([STAFF_HEALTH_ITEM.label]);
    expect(other).toEqual([STAFF_HEALTH_ITEM.label]);
    expect(labels(null, { sex: null, emergencyContactCount: 0 })).toEqual([
      "Informations de l'enfant : sexe",
      STAFF_HEALTH_ITEM.label,
      "Au moins une personne à contacter en cas d'urgence",
    ]);
    expect(labels(base)).toEqual([]);
    // The family still sees the precise items.
    expect(
      computeCompleteness(
        input({ child: { health: { ...base, dietKind: "ALLERGIE_PAI", dietDetails: null } } }),
      ).children[0].missing.map((item) => item.label),
    ).toEqual(["Régime alimentaire : précisez le régime"]);
  });
});

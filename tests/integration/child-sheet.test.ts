import crypto from "node:crypto";
import { z } from "zod";
import type { ParentViewer } from "@/lib/auth/session";
import { getChildSheet, saveChildSheet } from "@/lib/children/child-sheet";
import { BIRTH_DATE_IN_FUTURE, BIRTH_DATE_TOO_OLD } from "@/lib/children/birth-date";
import { ZChildSheetSchema } from "@/lib/children/child-sheet.schema";
import { AppError } from "@/lib/errors";
import { UNEXPECTED_FIELD } from "@/lib/families/form-fields";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { DEMO_IDS } from "@/prisma/seed";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";
import { childSheetInput, OTHER, otherFamilySnapshot, seedTwoFamilies } from "./family-fixtures";

const parse = (input: unknown) => ZChildSheetSchema.parse(input);

describe.each(testDatabaseKinds())("the child sheet on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let cleanup: () => void;
  let cambon: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    ({ demo, cleanup } = await seedTwoFamilies(database));
    cambon = (await database.prisma.school.findUniqueOrThrow({ where: { name: "Cambon" } })).id;
  });
  afterAll(async () => {
    await database?.drop();
    cleanup?.();
  });

  const julie = () =>
    database.prisma.child.findUniqueOrThrow({
      where: { id: DEMO_IDS.julie },
      include: { health: true, emergencyContacts: { orderBy: { position: "asc" } }, authorisedPersons: true, consents: { include: { text: true } } },
    });

  it("shows Julie's empty sheet with one emergency contact row to fill in, and the schools", async () => {
    const sheet = await getChildSheet(demo, DEMO_IDS.julie);
    expect(sheet?.displayName).toBe("TEST JULIE");
    expect(sheet?.values).toMatchObject({ childId: DEMO_IDS.julie, birthDate: "2019-10-15", sex: "", schoolId: "", hasPai: "", dietKind: "", accept: false });
    expect(sheet?.values.emergencyContacts).toEqual([{ name: "", relation: "", phone: "" }]);
    expect(sheet?.schools.map((school) => school.name)).toEqual(["Cambon", "Cardaillac", "Flaugergues", "Foch", "Gourgan", "Mitterrand", "Ramadier"]);
  });

  it("saves the six sections; Julie then lacks only her vaccination record, and is complete once it is accepted", async () => {
    const now = new Date("2026-11-26T09:00:00Z");
    await saveChildSheet(demo, parse(childSheetInput(cambon)), now);
    const child = await julie();
    expect(child).toMatchObject({ firstName: "JULIE", sex: "F", schoolId: cambon, schoolLevel: "CP", schoolClass: "CP – M. Roques", authEmergencyCare: true, authPhotos: false, authLeaveAlone: false, authTransport: true });
    expect(child.health).toMatchObject({ doctorName: "Dr Bernard", allergies: "Arachide", hasPai: true, vaccinationsUpToDate: true, dietKind: "ALLERGIE_PAI", dietDetails: "Sans arachide", treatments: null });
    expect(child.emergencyContacts.map((row) => [row.position, row.name])).toEqual([[1, "Jeanne TEST"], [2, "Paul TEST"]]);
    expect(child.authorisedPersons).toHaveLength(1);
    expect(child.consents.map((consent) => [consent.text.kind, consent.text.version, consent.acceptedAt.toISOString()])).toEqual([["AUTORISATIONS_ENFANT", 1, now.toISOString()]]);

    const completeness = await loadCompleteness(database.prisma, DEMO_IDS.family);
    const julieState = completeness?.children.find((state) => state.childId === DEMO_IDS.julie);
    expect(julieState?.missing.map((item) => item.code)).toEqual(["document.CARNET_VACCINATION"]);

    const vaccination = await database.prisma.documentType.findUniqueOrThrow({ where: { code: "CARNET_VACCINATION" } });
    await database.prisma.document.create({
      data: { familyId: DEMO_IDS.family, childId: DEMO_IDS.julie, typeId: vaccination.id, status: "ACCEPTED", originalName: "carnet.pdf", storageKind: "LOCAL", storageKey: `test/${crypto.randomUUID()}`, mimeType: "application/pdf", size: 10, sha256: "0" },
    });
    const after = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(after?.children.find((state) => state.childId === DEMO_IDS.julie)).toMatchObject({ complete: true, bookable: true });
    expect(after?.children.find((state) => state.childId === DEMO_IDS.julien)).toMatchObject({ complete: true });
  });

  it("replaces the contacts and persons as a whole, and does not record the acceptance twice", async () => {
    await saveChildSheet(demo, parse(childSheetInput(cambon, { emergencyContacts: [{ name: "Paul TEST", relation: "Oncle", phone: "06 55 66 77 88" }], authorisedPersons: [] })));
    const child = await julie();
    expect(child.emergencyContacts.map((row) => [row.position, row.name])).toEqual([[1, "Paul TEST"]]);
    expect(child.authorisedPersons).toEqual([]);
    expect(child.consents).toHaveLength(1);
    const sheet = await getChildSheet(demo, DEMO_IDS.julie);
    expect(sheet?.values).toMatchObject({ sex: "F", hasPai: "OUI", authPhotos: "NON", accept: true });
  });

  it("refuses another family's child id: nothing found, nothing changed", async () => {
    const snapshot = await otherFamilySnapshot(database);
    expect(await getChildSheet(demo, OTHER.child)).toBeNull();
    await expect(saveChildSheet(demo, parse(childSheetInput(cambon, { childId: OTHER.child, firstName: "Pirate" })))).rejects.toEqual(
      new AppError("NOT_FOUND", "Fiche enfant introuvable."),
    );
    expect(await otherFamilySnapshot(database)).toEqual(snapshot);
  });

  it("refuses a family id or guardian id slipped into the sheet", async () => {
    for (const extra of [{ familyId: OTHER.family }, { guardianId: "x" }]) {
      const result = ZChildSheetSchema.safeParse({ ...childSheetInput(cambon), ...extra });
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
  });

  it("changes nothing when a part of the save fails (unknown school, birth date in the future or more than 20 years ago)", async () => {
    const before = await julie();
    const consents = await database.prisma.consent.count();
    await expect(saveChildSheet(demo, parse(childSheetInput(cambon, { schoolId: "00000000-0000-4000-8000-000000000999", firstName: "Autre" })))).rejects.toThrow("Choisissez une école de la liste.");
    // Valid when parsed; the lib judges the date against its own "now" (same rule as « Ajouter un enfant »).
    const sheet = parse(childSheetInput(cambon, { birthDate: "2010-01-01", firstName: "Autre", authPhotos: "OUI" }));
    await expect(saveChildSheet(demo, sheet, new Date("2009-11-26T09:00:00Z"))).rejects.toEqual(new AppError("INVALID", BIRTH_DATE_IN_FUTURE));
    await expect(saveChildSheet(demo, sheet, new Date("2030-06-01T09:00:00Z"))).rejects.toEqual(new AppError("INVALID", BIRTH_DATE_TOO_OLD));
    expect(await julie()).toEqual(before);
    expect(await database.prisma.consent.count()).toBe(consents);
  });
});

describe("the child sheet schema", () => {
  const errorsOf = (input: unknown) => {
    const result = ZChildSheetSchema.safeParse(input);
    return result.success ? null : z.flattenError(result.error).fieldErrors;
  };
  const school = "00000000-0000-4000-8000-000000000001";

  it("wants at least one emergency contact, each fully filled in", () => {
    expect(errorsOf(childSheetInput(school, { emergencyContacts: [] }))?.emergencyContacts).toEqual(["Indiquez au moins une personne à contacter en cas d'urgence."]);
    const result = ZChildSheetSchema.safeParse(childSheetInput(school, { emergencyContacts: [{ name: "Jeanne", relation: "", phone: "12" }] }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["emergencyContacts.0.relation", "Le lien avec l'enfant est obligatoire (exemple : grand-mère)."],
        ["emergencyContacts.0.phone", "Numéro de téléphone invalide (exemple : 05 65 77 88 00)."],
      ]);
    }
  });

  it("allows no authorised person", () => {
    expect(errorsOf(childSheetInput(school, { authorisedPersons: [] }))).toBeNull();
  });

  it("offers no religious diet category, and wants details for 'other' and allergy diets", () => {
    expect(errorsOf(childSheetInput(school, { dietKind: "HALAL" as never }))?.dietKind).toEqual(["Indiquez si l'enfant a un régime alimentaire spécifique."]);
    expect(errorsOf(childSheetInput(school, { dietKind: "AUTRE", dietDetails: "" }))?.dietDetails).toEqual(["Précisez le régime alimentaire."]);
    expect(errorsOf(childSheetInput(school, { dietKind: "SANS_PORC", dietDetails: "" }))).toBeNull();
  });

  it("refuses a birth date in the future or more than 20 years ago at the field, as « Ajouter un enfant » does", () => {
    expect(errorsOf(childSheetInput(school, { birthDate: "1900-01-01" }))?.birthDate).toEqual([BIRTH_DATE_TOO_OLD]);
    expect(errorsOf(childSheetInput(school, { birthDate: "2999-01-01" }))?.birthDate).toEqual([BIRTH_DATE_IN_FUTURE]);
    expect(errorsOf(childSheetInput(school, { birthDate: "2019-10-15" }))).toBeNull();
  });

  it("wants each authorisation answered and « J'accepte » ticked", () => {
    const errors = errorsOf(childSheetInput(school, { authPhotos: "" as never, accept: false as never, doctorName: "" }));
    expect(errors?.authPhotos).toEqual(["Répondez à l'autorisation de photographier."]);
    expect(errors?.accept).toEqual(["Cochez « J'accepte » pour enregistrer."]);
    expect(errors?.doctorName).toEqual(["Le nom du médecin traitant est obligatoire."]);
  });
});

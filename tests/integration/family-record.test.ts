import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getFamilyRecord, saveFamilyRecord } from "@/lib/families/family-record";
import { ZFamilyRecordSchema } from "@/lib/families/family-record.schema";
import { UNEXPECTED_FIELD } from "@/lib/families/form-fields";
import { loadCompleteness } from "@/lib/families/load-completeness";
import type { ParentViewer } from "@/lib/auth/session";
import { DEMO_IDS } from "@/prisma/seed";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";
import { familyRecordInput, OTHER, otherFamilySnapshot, seedTwoFamilies } from "./family-fixtures";

const parse = (input: unknown) => ZFamilyRecordSchema.parse(input);

describe.each(testDatabaseKinds())("the family record on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let other: ParentViewer;
  let otherGuardianId: string;
  let cleanup: () => void;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    ({ demo, other, otherGuardianId, cleanup } = await seedTwoFamilies(database));
  });
  afterAll(async () => {
    await database?.drop();
    cleanup?.();
  });

  it("shows the family's record with the guardians and the statements already accepted", async () => {
    const record = await getFamilyRecord(demo);
    expect(record?.values).toMatchObject({
      civility: "M_ET_MME",
      name: "TEST",
      street: "26 PLACE EUGENE-RAYNALDY",
      guardian1FirstName: "Pierre",
      guardian1BirthDate: "1984-03-12",
      guardian2FirstName: "Marie",
      reglements: "OUI",
      protectionDonnees: true,
    });
    expect(record?.renewedKinds).toEqual([]);
    expect(record?.consentTexts.map((text) => text.kind).sort()).toEqual(["ATTESTATION_HONNEUR", "PROTECTION_DONNEES", "REGLEMENTS", "SIGNATURE_NUMERIQUE"]);
  });

  it("saves every section, the two guardians and keeps one acceptance per text version", async () => {
    const consentsBefore = await database.prisma.consent.count({ where: { familyId: DEMO_IDS.family } });
    await saveFamilyRecord(demo, parse(familyRecordInput()), new Date("2026-11-26T09:00:00Z"));

    const family = await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: { orderBy: { position: "asc" } } } });
    expect(family).toMatchObject({
      civility: "M_ET_MME",
      name: "TEST",
      street: "3 rue Béteille",
      addressComplement: "Bâtiment B",
      postalCode: "12000",
      city: "RODEZ",
      homePhone: "05 65 11 22 33",
      situation: "PACSES",
      allowanceNumber: "7654321",
      allowanceHolder: "PERE",
      benefitScheme: "MSA",
    });
    expect(family.guardians).toHaveLength(2);
    expect(family.guardians[0]).toMatchObject({ position: 1, civility: "M", firstName: "Pierre", socioProfessionalCategory: "EMPLOYE", birthPlace: "Rodez", workPhone: null });
    expect(family.guardians[0].birthDate?.toISOString()).toBe("1984-03-12T00:00:00.000Z");
    expect(family.guardians[1]).toMatchObject({ position: 2, civility: "MME", firstName: "Marie", street: "3 rue Béteille", birthDate: null });
    // Already accepted in their current version: not recorded twice.
    expect(await database.prisma.consent.count({ where: { familyId: DEMO_IDS.family } })).toBe(consentsBefore);
    expect((await loadCompleteness(database.prisma, DEMO_IDS.family))?.complete).toBe(true);
  });

  it("removes Responsable 2 when the parent empties that column", async () => {
    await saveFamilyRecord(demo, parse(familyRecordInput({ guardian2Civility: "", guardian2LastName: "", guardian2FirstName: "" })));
    expect(await database.prisma.guardian.count({ where: { familyId: DEMO_IDS.family } })).toBe(1);
  });

  it("asks again when a new version of a text is published, and stores the acceptance with its date and version", async () => {
    const v2 = await database.prisma.consentText.create({ data: { kind: "REGLEMENTS", version: 2, body: "Règlements 2027 : nouveaux horaires." } });
    const before = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(before?.missing.map((item) => item.code)).toEqual(["family.consent.REGLEMENTS"]);
    const record = await getFamilyRecord(demo);
    expect(record?.values.reglements).toBe("");
    expect(record?.values.attestationHonneur).toBe("OUI");
    expect(record?.renewedKinds).toEqual(["REGLEMENTS"]);
    expect(record?.consentTexts.find((text) => text.kind === "REGLEMENTS")?.body).toBe("Règlements 2027 : nouveaux horaires.");

    const acceptedAt = new Date("2026-11-26T10:30:00Z");
    await saveFamilyRecord(demo, parse(familyRecordInput()), acceptedAt);
    const consent = await database.prisma.consent.findFirstOrThrow({ where: { familyId: DEMO_IDS.family, textId: v2.id } });
    expect(consent).toMatchObject({ acceptedAt, acceptedByUserId: demo.userId, childId: null });
    expect((await loadCompleteness(database.prisma, DEMO_IDS.family))?.complete).toBe(true);
  });

  it("refuses a submission carrying a foreign family id or guardian id, and nothing changes", async () => {
    const snapshot = await otherFamilySnapshot(database);
    const ownBefore = await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: true } });
    for (const extra of [{ familyId: OTHER.family }, { guardianId: otherGuardianId }, { guardian1Id: otherGuardianId }, { id: OTHER.family }]) {
      const result = ZFamilyRecordSchema.safeParse({ ...familyRecordInput({ name: "PIRATE" }), ...extra });
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
    expect(await otherFamilySnapshot(database)).toEqual(snapshot);
    expect(await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: true } })).toEqual(ownBefore);
  });

  it("only ever writes the viewer's own family: the other parent's save leaves the demo family alone", async () => {
    const demoBefore = await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: true, consents: true } });
    await saveFamilyRecord(other, parse(familyRecordInput({ name: "Autre", civility: "MME", guardian2LastName: "", guardian2FirstName: "", guardian2Civility: "" })));
    expect(await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: true, consents: true } })).toEqual(demoBefore);
    expect((await database.prisma.family.findUniqueOrThrow({ where: { id: OTHER.family } })).street).toBe("3 rue Béteille");
  });

  it("finds nothing and changes nothing for a viewer whose family id is not theirs to use", async () => {
    const stranger: ParentViewer = { ...demo, familyId: "00000000-0000-4000-8000-000000000999" };
    expect(await getFamilyRecord(stranger)).toBeNull();
    await expect(saveFamilyRecord(stranger, parse(familyRecordInput()))).rejects.toEqual(new AppError("NOT_FOUND", "Dossier famille introuvable."));
    expect(await database.prisma.guardian.count({ where: { familyId: stranger.familyId } })).toBe(0);
  });
});

describe("the family record schema", () => {
  const errorsOf = (input: unknown) => {
    const result = ZFamilyRecordSchema.safeParse(input);
    return result.success ? {} : z.flattenError(result.error).fieldErrors;
  };

  it("gives a French message at each missing mandatory field", () => {
    const errors = errorsOf(familyRecordInput({ name: " ", postalCode: "", situation: "" as never, guardian1FirstName: "", reglements: "" as never, protectionDonnees: false as never }));
    expect(errors.name).toEqual(["Le nom de famille est obligatoire."]);
    expect(errors.postalCode).toEqual(["Le code postal est obligatoire."]);
    expect(errors.situation).toEqual(["Choisissez la situation familiale."]);
    expect(errors.guardian1FirstName).toEqual(["Le prénom du responsable 1 est obligatoire."]);
    expect(errors.reglements).toEqual(["Sélectionnez OUI après avoir pris connaissance des règlements."]);
    expect(errors.protectionDonnees).toEqual(["Cochez « J'accepte » pour enregistrer."]);
  });

  it("accepts the allowance holder left unchosen (radio buttons give null)", () => {
    expect(ZFamilyRecordSchema.safeParse(familyRecordInput({ allowanceHolder: null })).success).toBe(true);
    expect(errorsOf(familyRecordInput({ allowanceHolder: "ONCLE" as never })).allowanceHolder).toEqual(["Choix invalide."]);
  });

  it("checks formats: postal code, phones, dates", () => {
    const errors = errorsOf(familyRecordInput({ postalCode: "1200", guardian1MobilePhone: "06 12", guardian1BirthDate: "1984-02-30" }));
    expect(errors.postalCode).toEqual(["Le code postal comporte 5 chiffres (exemple : 12000)."]);
    expect(errors.guardian1MobilePhone).toEqual(["Numéro de téléphone invalide (exemple : 05 65 77 88 00)."]);
    expect(errors.guardian1BirthDate).toEqual(["Date invalide : utilisez le format JJ/MM/AAAA."]);
  });

  it("wants one phone number at least, and a named Responsable 2 fully named", () => {
    const noPhone = errorsOf(familyRecordInput({ homePhone: "", guardian1MobilePhone: "" }));
    expect(noPhone.homePhone).toEqual(["Indiquez au moins un numéro de téléphone (domicile ou d'un responsable)."]);
    const half = errorsOf(familyRecordInput({ guardian2Civility: "", guardian2LastName: "", guardian2Profession: "Infirmière" }));
    expect(half.guardian2LastName).toEqual(["Le nom du responsable 2 est obligatoire."]);
    expect(half.guardian2Civility).toEqual(["Choisissez la civilité du responsable 2."]);
  });
});

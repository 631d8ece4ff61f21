import { z } from "zod";

import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { getFamilyRecordForStaff, saveFamilyRecordForStaff } from "@/lib/families/family-editing";
import { getFamilyRecord, saveFamilyRecord } from "@/lib/families/family-record";
import { ZFamilyRecordSchema, ZStaffFamilyRecordSchema, type TFamilyRecord } from "@/lib/families/family-record.schema";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { RELOAD_MESSAGE, StaleSaveError } from "@/lib/families/record-version";
import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";
import { DEMO_IDS } from "@/prisma/seed";

import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import {
  familyRecordInput,
  familyVersion,
  OTHER,
  otherFamilySnapshot,
  staffRecordInput,
  withTwoFamilies,
} from "./family-fixtures";

const parse = (input: unknown) => ZFamilyRecordSchema.parse(input);

describe.each(testDatabaseKinds())("the family record on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let other: ParentViewer;
  let otherGuardianId: string;
  let agent: StaffViewer;
  withTwoFamilies(kind, (suite) => ({ database, demo, other, otherGuardianId, agent } = suite));

  /** The input as a form loaded now would post it: at the record's current version. */
  const current = async (input: TFamilyRecord, familyId: string = DEMO_IDS.family): Promise<TFamilyRecord> => ({
    ...input,
    version: await familyVersion(database, familyId),
  });

  it("shows the family's record with the guardians and the statements already accepted", async () => {
    const record = await getFamilyRecord(database.prisma, demo);
    expect(record?.values).toMatchObject({
      version: 1,
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
    expect(record?.consentTexts.map((text) => text.kind).sort()).toEqual([
      "ATTESTATION_HONNEUR",
      "PROTECTION_DONNEES",
      "REGLEMENTS",
      "SIGNATURE_NUMERIQUE",
    ]);
  });

  it("saves every section, the two guardians and keeps one acceptance per text version", async () => {
    const consentsBefore = await database.prisma.consent.count({ where: { familyId: DEMO_IDS.family } });
    await saveFamilyRecord(database.prisma, demo, parse(await current(familyRecordInput())), new Date("2026-11-26T09:00:00Z"));

    const family = await database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: { guardians: { orderBy: { position: "asc" } } },
    });
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
    expect(family.guardians[0]).toMatchObject({
      position: 1,
      civility: "M",
      firstName: "Pierre",
      socioProfessionalCategory: "EMPLOYE",
      birthPlace: "Rodez",
      workPhone: null,
    });
    expect(family.guardians[0].birthDate?.toISOString()).toBe("1984-03-12T00:00:00.000Z");
    expect(family.guardians[1]).toMatchObject({
      position: 2,
      civility: "MME",
      firstName: "Marie",
      street: "3 rue Béteille",
      birthDate: null,
    });
    // Already accepted in their current version: not recorded twice.
    expect(await database.prisma.consent.count({ where: { familyId: DEMO_IDS.family } })).toBe(consentsBefore);
    expect((await loadCompleteness(database.prisma, DEMO_IDS.family))?.complete).toBe(true);
  });

  it("removes Responsable 2 when the parent empties that column", async () => {
    await saveFamilyRecord(
      database.prisma,
      demo,
      parse(await current(familyRecordInput({ guardian2Civility: "", guardian2LastName: "", guardian2FirstName: "" }))),
    );
    expect(await database.prisma.guardian.count({ where: { familyId: DEMO_IDS.family } })).toBe(1);
  });

  it("asks again when a new version of a text is published, and stores the acceptance with its date and version", async () => {
    const v2 = await database.prisma.consentText.create({
      data: { kind: "REGLEMENTS", version: 2, body: "Règlements 2027 : nouveaux horaires." },
    });
    const before = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(before?.missing.map((item) => item.code)).toEqual(["family.consent.REGLEMENTS"]);
    const record = await getFamilyRecord(database.prisma, demo);
    expect(record?.values.reglements).toBe("");
    expect(record?.values.attestationHonneur).toBe("OUI");
    expect(record?.renewedKinds).toEqual(["REGLEMENTS"]);
    expect(record?.consentTexts.find((text) => text.kind === "REGLEMENTS")?.body).toBe("Règlements 2027 : nouveaux horaires.");

    const acceptedAt = new Date("2026-11-26T10:30:00Z");
    await saveFamilyRecord(database.prisma, demo, parse(await current(familyRecordInput())), acceptedAt);
    const consent = await database.prisma.consent.findFirstOrThrow({ where: { familyId: DEMO_IDS.family, textId: v2.id } });
    expect(consent).toMatchObject({ acceptedAt, acceptedByUserId: demo.userId, childId: null });
    expect((await loadCompleteness(database.prisma, DEMO_IDS.family))?.complete).toBe(true);
  });

  it("refuses a submission carrying a foreign family id or guardian id, and nothing changes", async () => {
    const snapshot = await otherFamilySnapshot(database);
    const ownBefore = await database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: { guardians: true },
    });
    for (const extra of [
      { familyId: OTHER.family },
      { guardianId: otherGuardianId },
      { guardian1Id: otherGuardianId },
      { id: OTHER.family },
    ]) {
      const result = ZFamilyRecordSchema.safeParse({ ...familyRecordInput({ name: "PIRATE" }), ...extra });
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
    expect(await otherFamilySnapshot(database)).toEqual(snapshot);
    expect(
      await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, include: { guardians: true } }),
    ).toEqual(ownBefore);
  });

  it("only ever writes the viewer's own family: the other parent's save leaves the demo family alone", async () => {
    const demoBefore = await database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: { guardians: true, consents: true },
    });
    await saveFamilyRecord(
      database.prisma,
      other,
      parse(
        await current(
          familyRecordInput({
            name: "Autre",
            civility: "MME",
            guardian2LastName: "",
            guardian2FirstName: "",
            guardian2Civility: "",
          }),
          OTHER.family,
        ),
      ),
    );
    expect(
      await database.prisma.family.findUniqueOrThrow({
        where: { id: DEMO_IDS.family },
        include: { guardians: true, consents: true },
      }),
    ).toEqual(demoBefore);
    expect((await database.prisma.family.findUniqueOrThrow({ where: { id: OTHER.family } })).street).toBe("3 rue Béteille");
  });

  it("finds nothing and changes nothing for a viewer whose family id is not theirs to use", async () => {
    const stranger: ParentViewer = { ...demo, familyId: "00000000-0000-4000-8000-000000000999" };
    expect(await getFamilyRecord(database.prisma, stranger)).toBeNull();
    await expect(saveFamilyRecord(database.prisma, stranger, parse(familyRecordInput()))).rejects.toEqual(
      new AppError("NOT_FOUND", "Dossier famille introuvable."),
    );
    expect(await database.prisma.guardian.count({ where: { familyId: stranger.familyId } })).toBe(0);
  });

  describe("versions: no lost updates", () => {
    /** The demo family's record, guardians and statements, and the journal: what a refused save must leave alone. */
    const recordSnapshot = async () => ({
      family: await database.prisma.family.findUniqueOrThrow({
        where: { id: DEMO_IDS.family },
        include: { guardians: { orderBy: { position: "asc" } }, consents: { orderBy: { id: "asc" } } },
      }),
      audit: await database.prisma.auditLog.count(),
    });
    /** The record back to the fixture's values (a save at the current version). */
    const reset = async () => saveFamilyRecord(database.prisma, demo, parse(await current(familyRecordInput())));
    const loadedByParent = async () => (await getFamilyRecord(database.prisma, demo))!.values;
    const stale = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error("the stale save was not refused");
        },
        (error: unknown) => error as StaleSaveError,
      );

    beforeEach(reset);

    it("moves the record's version on every save, a guardian's change included, and returns the new one", async () => {
      const before = await familyVersion(database);
      expect(
        await saveFamilyRecord(
          database.prisma,
          demo,
          parse(await current(familyRecordInput({ guardian2Profession: "Infirmière" }))),
        ),
      ).toBe(before + 1);
      expect(await familyVersion(database)).toBe(before + 1);
      expect((await getFamilyRecord(database.prisma, demo))?.values.version).toBe(before + 1);
    });

    it("refuses a save made on an older version: nothing written, and says who changed what, and when", async () => {
      const loaded = await loadedByParent();
      // Meanwhile, the family saves from another window.
      await saveFamilyRecord(
        database.prisma,
        demo,
        parse(await current(familyRecordInput({ homePhone: "05 65 44 33 22", guardian1Profession: "Boulanger" }))),
      );
      const before = await recordSnapshot();

      const error = await stale(
        saveFamilyRecord(
          database.prisma,
          demo,
          parse({ ...familyRecordInput({ city: "Onet-le-Château" }), version: loaded.version, loaded }),
        ),
      );
      expect(error).toBeInstanceOf(StaleSaveError);
      expect(error.code).toBe("STALE_VERSION");
      const changedAt = before.family.updatedAt;
      expect(error.stale).toEqual({
        message: `Ce dossier a été modifié par la famille le ${formatDateTime(changedAt)} pendant que vous le complétiez. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.`,
        changedFields: ["Téléphone domicile", "Responsable 1 – Profession"],
        version: Number(loaded.version) + 1,
        changedBy: "family",
        changedAt,
      });
      expect(error.message).toBe(
        `${error.stale.message} Rubriques modifiées entre-temps : Téléphone domicile ; Responsable 1 – Profession.`,
      );
      expect(await recordSnapshot()).toEqual(before);
    });

    it("refuses the parent's save after an agent's correction, names the agent, and saves deliberately on the new version", async () => {
      const loaded = await loadedByParent();
      // An agent corrects the record meanwhile, from the Guichet unique's form loaded at the same version.
      const staffForm = (await getFamilyRecordForStaff(database.prisma, agent, DEMO_IDS.family))!.values;
      expect(staffForm.version).toBe(loaded.version);
      await saveFamilyRecordForStaff(
        database.prisma,
        agent,
        ZStaffFamilyRecordSchema.parse({
          ...staffForm,
          situation: "MARIES",
          guardian1MobilePhone: "06 98 76 54 32",
          loaded: staffForm,
        }),
      );
      const correction = await database.prisma.auditLog.findFirstOrThrow({
        where: { action: "family.record.update", familyId: DEMO_IDS.family },
        orderBy: { id: "desc" },
      });
      const before = await recordSnapshot();

      const typed = familyRecordInput({ homePhone: "05 65 12 12 12", guardian2Profession: "Infirmière" });
      const error = await stale(saveFamilyRecord(database.prisma, demo, parse({ ...typed, version: loaded.version, loaded })));
      expect(error.stale).toMatchObject({
        changedBy: "staff",
        changedAt: correction.at,
        version: Number(loaded.version) + 1,
        changedFields: ["Situation familiale", "Responsable 1 – Tél. mobile"],
      });
      expect(error.message).toContain(
        `Ce dossier a été modifié par un agent de la mairie le ${formatDateTime(correction.at)} pendant que vous le complétiez.`,
      );
      expect(await recordSnapshot()).toEqual(before);

      // Saved again on the version that refused it: a deliberate choice, the family's values stand.
      expect(await saveFamilyRecord(database.prisma, demo, parse({ ...typed, version: error.stale.version, loaded }))).toBe(
        Number(loaded.version) + 2,
      );
      const family = await database.prisma.family.findUniqueOrThrow({
        where: { id: DEMO_IDS.family },
        include: { guardians: { orderBy: { position: "asc" } } },
      });
      expect(family).toMatchObject({ version: Number(loaded.version) + 2, homePhone: "05 65 12 12 12", situation: "PACSES" });
      expect(family.guardians.map((guardian) => [guardian.mobilePhone, guardian.profession])).toEqual([
        ["06 12 34 56 78", "Technicien"],
        [null, "Infirmière"],
      ]);
    });

    it("refuses an agent's save after the family's, names the family, writes no journal entry, then saves deliberately", async () => {
      const staffForm = (await getFamilyRecordForStaff(database.prisma, agent, DEMO_IDS.family))!.values;
      await saveFamilyRecord(database.prisma, demo, parse(await current(familyRecordInput({ allowanceNumber: "1112223" }))));
      const before = await recordSnapshot();

      const correction = ZStaffFamilyRecordSchema.parse({ ...staffForm, city: "Onet-le-Château", loaded: staffForm });
      const error = await stale(saveFamilyRecordForStaff(database.prisma, agent, correction));
      expect(error.stale).toMatchObject({
        changedBy: "family",
        changedAt: before.family.updatedAt,
        changedFields: ["Numéro d'allocataire"],
      });
      expect(error.message).toContain("Ce dossier a été modifié par la famille le ");
      expect(await recordSnapshot()).toEqual(before); // the journal entry went with the rollback

      await saveFamilyRecordForStaff(database.prisma, agent, { ...correction, version: error.stale.version });
      expect(await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family } })).toMatchObject({
        city: "ONET-LE-CHÂTEAU",
        allowanceNumber: "7654321",
      });
      expect(await database.prisma.auditLog.count()).toBe(before.audit + 1);
    });

    it("names both when an agent and the family both saved meanwhile, with the last save's date", async () => {
      const loaded = await loadedByParent();
      const staffForm = (await getFamilyRecordForStaff(database.prisma, agent, DEMO_IDS.family))!.values;
      await saveFamilyRecordForStaff(
        database.prisma,
        agent,
        ZStaffFamilyRecordSchema.parse({ ...staffForm, situation: "MARIES" }),
      );
      await saveFamilyRecord(database.prisma, demo, parse(await current(familyRecordInput({ homePhone: "05 65 99 99 99" }))));
      const updatedAt = (await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family } })).updatedAt;
      // The family's save put the situation back: only the phone differs from what this form loaded.
      const error = await stale(
        saveFamilyRecord(database.prisma, demo, parse({ ...familyRecordInput(), version: loaded.version, loaded })),
      );
      expect(error.stale).toMatchObject({
        changedBy: "staff-and-family",
        changedAt: updatedAt,
        version: Number(loaded.version) + 2,
        changedFields: ["Téléphone domicile"],
      });
      expect(error.message).toContain("modifié par la famille et par un agent de la mairie le");
    });

    it("refuses a save with no version or a made-up one, and changes nothing", async () => {
      const input = familyRecordInput();
      const { version, ...withoutVersion } = input;
      expect(version).toBe(1);
      for (const posted of [withoutVersion, { ...input, version: 0 }, { ...input, version: "abc" }]) {
        const result = ZFamilyRecordSchema.safeParse(posted);
        expect(result.success).toBe(false);
        if (!result.success) expect(z.flattenError(result.error).fieldErrors.version).toEqual([RELOAD_MESSAGE]);
      }
      // A version from the future is stale too: nothing written.
      const before = await recordSnapshot();
      const error = await stale(saveFamilyRecord(database.prisma, demo, parse({ ...input, version: 999 })));
      expect(error).toBeInstanceOf(StaleSaveError);
      expect(error.stale).toMatchObject({ changedBy: null, changedFields: [] });
      expect(await recordSnapshot()).toEqual(before);
    });

    itOnPostgres(kind)(
      "lets exactly one of several simultaneous saves made on the same version win, parent's or agent's (PostgreSQL)",
      async () => {
        const loaded = await loadedByParent();
        const version = Number(loaded.version);
        const phones = [
          "05 65 00 00 11",
          "05 65 00 00 12",
          "05 65 00 00 13",
          "05 65 00 00 14",
          "05 65 00 00 15",
          "05 65 00 00 16",
        ];
        const results = await Promise.allSettled(
          phones.map((homePhone, index) =>
            index % 2 === 0
              ? saveFamilyRecord(database.prisma, demo, parse({ ...familyRecordInput({ homePhone }), version, loaded }))
              : saveFamilyRecordForStaff(
                  database.prisma,
                  agent,
                  ZStaffFamilyRecordSchema.parse({ ...staffRecordInput({ homePhone }), version, loaded }),
                ),
          ),
        );
        const winners = results.flatMap((result, index) => (result.status === "fulfilled" ? [index] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) {
          if (result.status === "rejected") {
            expect(result.reason).toBeInstanceOf(StaleSaveError);
            expect((result.reason as StaleSaveError).stale).toMatchObject({
              version: version + 1,
              changedFields: ["Téléphone domicile"],
            });
          }
        }
        const family = await database.prisma.family.findUniqueOrThrow({
          where: { id: DEMO_IDS.family },
          include: { guardians: true },
        });
        expect(family).toMatchObject({ version: version + 1, homePhone: phones[winners[0]] });
        expect(family.guardians).toHaveLength(2);
      },
    );
  });
});

describe("the family record schema", () => {
  const errorsOf = (input: unknown) => {
    const result = ZFamilyRecordSchema.safeParse(input);
    return result.success ? {} : z.flattenError(result.error).fieldErrors;
  };

  it("gives a French message at each missing mandatory field", () => {
    const errors = errorsOf(
      familyRecordInput({
        name: " ",
        postalCode: "",
        situation: "" as never,
        guardian1FirstName: "",
        reglements: "" as never,
        protectionDonnees: false as never,
      }),
    );
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
    const errors = errorsOf(
      familyRecordInput({ postalCode: "1200", guardian1MobilePhone: "06 12", guardian1BirthDate: "1984-02-30" }),
    );
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

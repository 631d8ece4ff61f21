import crypto from "node:crypto";

import { z } from "zod";

import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { ZStaffChildIdentitySchema } from "@/lib/children/add-child.schema";
import { BIRTH_DATE_IN_FUTURE, BIRTH_DATE_TOO_OLD } from "@/lib/children/birth-date";
import { getChildSheet, saveChildSheet } from "@/lib/children/child-sheet";
import { ZChildSheetSchema, ZStaffChildSheetSchema, type TChildSheet } from "@/lib/children/child-sheet.schema";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { getChildSheetForStaff, saveChildSheetForStaff, updateChildIdentityForStaff } from "@/lib/families/family-editing";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { StaleSaveError } from "@/lib/families/record-version";
import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";
import { DEMO_IDS } from "@/prisma/seed";

import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import { childSheetInput, childVersion, OTHER, otherFamilySnapshot, withTwoFamilies } from "./family-fixtures";

const parse = (input: unknown) => ZChildSheetSchema.parse(input);

describe.each(testDatabaseKinds())("the child sheet on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let agent: StaffViewer;
  let cambon: string;
  withTwoFamilies(kind, (suite) => ({ database, demo, agent, cambon } = suite));

  /** Julie's identity and school as the demo seed has them, the class apart. */
  const julieIdentity = () => ({
    lastName: "TEST",
    firstName: "JULIE",
    sex: "F",
    birthDate: "2019-10-15",
    schoolId: cambon,
    schoolLevel: "CP",
  });
  /** The input as a form loaded now would post it: at the sheet's current version. */
  const current = async (input: TChildSheet): Promise<TChildSheet> => ({
    ...input,
    version: await childVersion(database, String(input.childId)),
  });

  const julie = () =>
    database.prisma.child.findUniqueOrThrow({
      where: { id: DEMO_IDS.julie },
      include: {
        health: true,
        emergencyContacts: { orderBy: { position: "asc" } },
        authorisedPersons: true,
        consents: { include: { text: true } },
      },
    });

  it("shows Julie's empty sheet with one emergency contact row to fill in, and the schools", async () => {
    const sheet = await getChildSheet(database.prisma, demo, DEMO_IDS.julie);
    expect(sheet?.displayName).toBe("TEST JULIE");
    expect(sheet?.values).toMatchObject({
      childId: DEMO_IDS.julie,
      version: 1,
      birthDate: "2019-10-15",
      sex: "",
      schoolId: "",
      hasPai: "",
      dietKind: "",
      accept: false,
    });
    expect(sheet?.values.emergencyContacts).toEqual([{ name: "", relation: "", phone: "" }]);
    expect(sheet?.schools.map((school) => school.name)).toEqual([
      "Cambon",
      "Cardaillac",
      "Flaugergues",
      "Foch",
      "Gourgan",
      "Mitterrand",
      "Ramadier",
    ]);
  });

  it("saves the six sections; Julie then lacks only her vaccination record, and is complete once it is accepted", async () => {
    const now = new Date("2026-11-26T09:00:00Z");
    expect(await saveChildSheet(database.prisma, demo, parse(childSheetInput(cambon, { version: 1 })), now)).toBe(2);
    const child = await julie();
    expect(child).toMatchObject({
      firstName: "JULIE",
      sex: "F",
      schoolId: cambon,
      schoolLevel: "CP",
      schoolClass: "CP – M. Roques",
      authEmergencyCare: true,
      authPhotos: false,
      authLeaveAlone: false,
      authTransport: true,
    });
    expect(child.health).toMatchObject({
      doctorName: "Dr Bernard",
      allergies: "Arachide",
      hasPai: true,
      vaccinationsUpToDate: true,
      dietKind: "ALLERGIE_PAI",
      dietDetails: "Sans arachide",
      treatments: null,
    });
    expect(child.emergencyContacts.map((row) => [row.position, row.name])).toEqual([
      [1, "Jeanne TEST"],
      [2, "Paul TEST"],
    ]);
    expect(child.authorisedPersons).toHaveLength(1);
    expect(child.consents.map((consent) => [consent.text.kind, consent.text.version, consent.acceptedAt.toISOString()])).toEqual([
      ["AUTORISATIONS_ENFANT", 1, now.toISOString()],
    ]);

    const completeness = await loadCompleteness(database.prisma, DEMO_IDS.family);
    const julieState = completeness?.children.find((state) => state.childId === DEMO_IDS.julie);
    expect(julieState?.missing.map((item) => item.code)).toEqual(["document.CARNET_VACCINATION"]);

    const vaccination = await database.prisma.documentType.findUniqueOrThrow({ where: { code: "CARNET_VACCINATION" } });
    await database.prisma.document.create({
      data: {
        familyId: DEMO_IDS.family,
        childId: DEMO_IDS.julie,
        typeId: vaccination.id,
        status: "ACCEPTED",
        name: "Carnet",
        originalName: "carnet.pdf",
        storageKind: "LOCAL",
        storageKey: `test/${crypto.randomUUID()}`,
        mimeType: "application/pdf",
        size: 10,
        sha256: "0",
      },
    });
    const after = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(after?.children.find((state) => state.childId === DEMO_IDS.julie)).toMatchObject({ complete: true, bookable: true });
    expect(after?.children.find((state) => state.childId === DEMO_IDS.julien)).toMatchObject({ complete: true });
  });

  it("replaces the contacts and persons as a whole, and does not record the acceptance twice", async () => {
    await saveChildSheet(
      database.prisma,
      demo,
      parse(
        await current(
          childSheetInput(cambon, {
            emergencyContacts: [{ name: "Paul TEST", relation: "Oncle", phone: "06 55 66 77 88" }],
            authorisedPersons: [],
          }),
        ),
      ),
    );
    const child = await julie();
    expect(child.emergencyContacts.map((row) => [row.position, row.name])).toEqual([[1, "Paul TEST"]]);
    expect(child.authorisedPersons).toEqual([]);
    expect(child.consents).toHaveLength(1);
    const sheet = await getChildSheet(database.prisma, demo, DEMO_IDS.julie);
    expect(sheet?.values).toMatchObject({ sex: "F", hasPai: "OUI", authPhotos: "NON", accept: true });
  });

  it("refuses another family's child id: nothing found, nothing changed", async () => {
    const snapshot = await otherFamilySnapshot(database);
    expect(await getChildSheet(database.prisma, demo, OTHER.child)).toBeNull();
    await expect(
      saveChildSheet(database.prisma, demo, parse(childSheetInput(cambon, { childId: OTHER.child, firstName: "Pirate" }))),
    ).rejects.toEqual(new AppError("NOT_FOUND", "Fiche enfant introuvable."));
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
    await expect(
      saveChildSheet(
        database.prisma,
        demo,
        parse(await current(childSheetInput(cambon, { schoolId: "00000000-0000-4000-8000-000000000999", firstName: "Autre" }))),
      ),
    ).rejects.toThrow("Choisissez une école de la liste.");
    // Valid when parsed; the lib judges the date against its own "now" (same rule as « Ajouter un enfant »).
    const sheet = parse(
      await current(childSheetInput(cambon, { birthDate: "2010-01-01", firstName: "Autre", authPhotos: "OUI" })),
    );
    await expect(saveChildSheet(database.prisma, demo, sheet, new Date("2009-11-26T09:00:00Z"))).rejects.toEqual(
      new AppError("INVALID", BIRTH_DATE_IN_FUTURE),
    );
    await expect(saveChildSheet(database.prisma, demo, sheet, new Date("2030-06-01T09:00:00Z"))).rejects.toEqual(
      new AppError("INVALID", BIRTH_DATE_TOO_OLD),
    );
    expect(await julie()).toEqual(before);
    expect(await database.prisma.consent.count()).toBe(consents);
  });

  describe("versions: no lost updates", () => {
    /** Julie's sheet, everything a save writes, her consents and the journal: what a refused save must leave alone. */
    const sheetSnapshot = async () => ({
      julie: await julie(),
      consents: await database.prisma.consent.count(),
      audit: await database.prisma.auditLog.count(),
    });
    const loadedByParent = async () => (await getChildSheet(database.prisma, demo, DEMO_IDS.julie))!.values;
    const stale = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error("the stale save was not refused");
        },
        (error: unknown) => error as StaleSaveError,
      );
    const staffInput = (loaded: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { accept, authEmergencyCare, authPhotos, authLeaveAlone, authTransport, ...data } = loaded;
      return ZStaffChildSheetSchema.parse({ familyId: DEMO_IDS.family, ...data, ...overrides, loaded: data });
    };

    beforeEach(async () => {
      await saveChildSheet(database.prisma, demo, parse(await current(childSheetInput(cambon))));
    });

    it("moves the sheet's version on every save, a contact's or a health field's change included", async () => {
      const before = await childVersion(database);
      expect(
        await saveChildSheet(
          database.prisma,
          demo,
          parse(await current(childSheetInput(cambon, { remarks: "Porte des lunettes" }))),
        ),
      ).toBe(before + 1);
      expect(
        await saveChildSheet(database.prisma, demo, parse(await current(childSheetInput(cambon, { authorisedPersons: [] })))),
      ).toBe(before + 2);
      expect(await childVersion(database)).toBe(before + 2);
    });

    it("refuses the parent's save after an agent's correction of the sheet: nothing written, the agent and the fields named", async () => {
      const loaded = await loadedByParent();
      const staffForm = (await getChildSheetForStaff(database.prisma, agent, DEMO_IDS.family, DEMO_IDS.julie))!.values;
      await saveChildSheetForStaff(
        database.prisma,
        agent,
        staffInput({ ...staffForm }, { schoolClass: "CP – Mme Vidal", allergies: "Arachide, kiwi" }),
      );
      const correction = await database.prisma.auditLog.findFirstOrThrow({
        where: { action: "child.sheet.update", childId: DEMO_IDS.julie },
        orderBy: { id: "desc" },
      });
      const before = await sheetSnapshot();

      const typed = childSheetInput(cambon, {
        doctorName: "Dr Martin",
        emergencyContacts: [{ name: "Paul TEST", relation: "Oncle", phone: "06 55 66 77 88" }],
      });
      const error = await stale(saveChildSheet(database.prisma, demo, parse({ ...typed, version: loaded.version, loaded })));
      expect(error).toBeInstanceOf(StaleSaveError);
      expect(error.stale).toEqual({
        message: `Cette fiche a été modifiée par un agent de la mairie le ${formatDateTime(correction.at)} pendant que vous la complétiez. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.`,
        // The parent's own child: the health field is named (never its value).
        changedFields: ["Classe", "Allergies"],
        version: Number(loaded.version) + 1,
        changedBy: "staff",
        changedAt: correction.at,
      });
      expect(await sheetSnapshot()).toEqual(before);

      // Saved again, deliberately, on the version that refused it.
      expect(await saveChildSheet(database.prisma, demo, parse({ ...typed, version: error.stale.version, loaded }))).toBe(
        Number(loaded.version) + 2,
      );
      const saved = await julie();
      expect(saved).toMatchObject({ version: Number(loaded.version) + 2, schoolClass: "CP – M. Roques" });
      expect(saved.health).toMatchObject({ doctorName: "Dr Martin", allergies: "Arachide" });
      expect(saved.emergencyContacts.map((row) => row.name)).toEqual(["Paul TEST"]);
    });

    it("refuses an agent's sheet save after the family's; the comparison of the medical section is logged as a health read", async () => {
      const staffForm = (await getChildSheetForStaff(database.prisma, agent, DEMO_IDS.family, DEMO_IDS.julie))!.values;
      await saveChildSheet(
        database.prisma,
        demo,
        parse(await current(childSheetInput(cambon, { treatments: "Ventoline", authPhotos: "OUI" }))),
      );
      const before = await sheetSnapshot();
      const reads = () =>
        database.prisma.auditLog.findMany({
          where: { action: "child.health.read", childId: DEMO_IDS.julie },
          orderBy: { id: "asc" },
          select: { actorUserId: true, details: true },
        });
      const readsBefore = (await reads()).length;

      const error = await stale(
        saveChildSheetForStaff(database.prisma, agent, staffInput({ ...staffForm }, { schoolLevel: "CE1" })),
      );
      // The agent's form shows no authorisation answers: the family's new answer is not named.
      expect(error.stale).toMatchObject({
        changedBy: "family",
        changedAt: before.julie.updatedAt,
        changedFields: ["Traitements en cours"],
      });
      expect(await julie()).toEqual(before.julie);
      expect(await database.prisma.consent.count()).toBe(before.consents);
      const logged = await reads();
      expect(logged).toHaveLength(readsBefore + 1);
      expect(logged.at(-1)).toEqual({ actorUserId: agent.userId, details: { context: "child.sheet.stale-save" } });
      expect(
        await database.prisma.auditLog.count({
          where: { action: "child.sheet.update", childId: DEMO_IDS.julie, at: { gte: before.julie.updatedAt } },
        }),
      ).toBe(0);
    });

    it("refuses « Modifier l'identité et la scolarité » after a sheet save, naming only identity fields, with no health read", async () => {
      const identity = { ...julieIdentity(), schoolClass: "CP – M. Roques" };
      const version = await childVersion(database);
      // The family changes the level and the doctor meanwhile.
      await saveChildSheet(
        database.prisma,
        demo,
        parse(await current(childSheetInput(cambon, { schoolLevel: "CE1", doctorName: "Dr Martin" }))),
      );
      const before = await sheetSnapshot();
      const input = ZStaffChildIdentitySchema.parse({
        familyId: DEMO_IDS.family,
        childId: DEMO_IDS.julie,
        ...identity,
        schoolClass: "CP – Mme Vidal",
        version: String(version),
        loaded: JSON.stringify(identity),
      });
      const error = await stale(updateChildIdentityForStaff(database.prisma, agent, input));
      expect(error.stale).toMatchObject({ changedBy: "family", version: version + 1, changedFields: ["Classe (niveau)"] });
      expect(error.message).toBe(`${error.stale.message} Rubriques modifiées entre-temps : Classe (niveau).`);
      expect(await sheetSnapshot()).toEqual(before); // no health read logged either

      // A change of the medical section only: refused all the same (the sheet moved on), and nothing of it is named.
      await saveChildSheet(
        database.prisma,
        demo,
        parse(await current(childSheetInput(cambon, { schoolLevel: "CE1", doctorName: "Dr Bernard" }))),
      );
      const again = await stale(
        updateChildIdentityForStaff(database.prisma, agent, {
          ...input,
          version: error.stale.version,
          loaded: { ...identity, schoolLevel: "CE1" },
        }),
      );
      expect(again.stale.changedFields).toEqual([]);
      expect(again.message).toBe(
        `${again.stale.message} Aucune rubrique de ce formulaire n'a changé : la modification porte sur d'autres informations.`,
      );

      await updateChildIdentityForStaff(database.prisma, agent, { ...input, version: again.stale.version });
      expect(await julie()).toMatchObject({ version: again.stale.version + 1, schoolLevel: "CP", schoolClass: "CP – Mme Vidal" });
      expect(
        (
          await database.prisma.auditLog.findFirstOrThrow({
            where: { action: "child.identity.update", childId: DEMO_IDS.julie },
            orderBy: { id: "desc" },
          })
        ).details,
      ).toMatchObject({ version: again.stale.version + 1 });
    });

    itOnPostgres(kind)(
      "lets exactly one of several simultaneous saves of the sheet on the same version win, parent's or agent's (PostgreSQL)",
      async () => {
        const loaded = await loadedByParent();
        const version = Number(loaded.version);
        const doctors = ["Dr A", "Dr B", "Dr C", "Dr D", "Dr E", "Dr F"];
        const results = await Promise.allSettled(
          doctors.map((doctorName, index) =>
            index % 3 === 0
              ? saveChildSheetForStaff(database.prisma, agent, staffInput({ ...loaded }, { doctorName }))
              : index % 3 === 1
                ? updateChildIdentityForStaff(
                    database.prisma,
                    agent,
                    ZStaffChildIdentitySchema.parse({
                      familyId: DEMO_IDS.family,
                      childId: DEMO_IDS.julie,
                      ...julieIdentity(),
                      schoolClass: doctorName,
                      version,
                    }),
                  )
                : saveChildSheet(database.prisma, demo, parse({ ...childSheetInput(cambon, { doctorName }), version, loaded })),
          ),
        );
        const winners = results.flatMap((result, index) => (result.status === "fulfilled" ? [index] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(StaleSaveError);
        const saved = await julie();
        expect(saved.version).toBe(version + 1);
        if (winners[0] % 3 === 1) expect(saved.schoolClass).toBe(doctors[winners[0]]);
        else expect(saved.health?.doctorName).toBe(doctors[winners[0]]);
        expect(saved.emergencyContacts.map((row) => row.position)).toEqual([1, 2]);
      },
    );
  });
});

describe("the child sheet schema", () => {
  const errorsOf = (input: unknown) => {
    const result = ZChildSheetSchema.safeParse(input);
    return result.success ? null : z.flattenError(result.error).fieldErrors;
  };
  const school = "00000000-0000-4000-8000-000000000001";

  it("wants at least one emergency contact, each fully filled in", () => {
    expect(errorsOf(childSheetInput(school, { emergencyContacts: [] }))?.emergencyContacts).toEqual([
      "Indiquez au moins une personne à contacter en cas d'urgence.",
    ]);
    const result = ZChildSheetSchema.safeParse(
      childSheetInput(school, { emergencyContacts: [{ name: "Jeanne", relation: "", phone: "12" }] }),
    );
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
    expect(errorsOf(childSheetInput(school, { dietKind: "HALAL" as never }))?.dietKind).toEqual([
      "Indiquez si l'enfant a un régime alimentaire spécifique.",
    ]);
    expect(errorsOf(childSheetInput(school, { dietKind: "AUTRE", dietDetails: "" }))?.dietDetails).toEqual([
      "Précisez le régime alimentaire.",
    ]);
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

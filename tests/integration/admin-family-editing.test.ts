// SPEC §9 "view/edit records and child sheets": the Guichet unique corrects a family's record and
// a child's sheet and adds a child — audited, in one transaction, never recording a consent for
// the family, never reaching another family's rows.
import { z } from "zod";

import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import {
  ZAddChildSchema,
  ZStaffChildIdentitySchema,
  type TAddChild,
  type TStaffChildIdentity,
} from "@/lib/children/add-child.schema";
import { BIRTH_DATE_IN_FUTURE, BIRTH_DATE_TOO_OLD } from "@/lib/children/birth-date";
import { ZStaffChildSheetSchema, type TStaffChildSheet, type TStaffChildSheetParsed } from "@/lib/children/child-sheet.schema";
import { AppError } from "@/lib/errors";
import {
  addChildForStaff,
  getChildSheetForStaff,
  getFamilyRecordForStaff,
  saveChildSheetForStaff,
  saveFamilyRecordForStaff,
  updateChildIdentityForStaff,
} from "@/lib/families/family-editing";
import { ZStaffFamilyRecordSchema, type TStaffFamilyRecord } from "@/lib/families/family-record.schema";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";
import { DEMO_IDS } from "@/prisma/seed";

import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import {
  childSheetInput,
  childVersion,
  familyVersion,
  OTHER,
  otherFamilySnapshot,
  staffRecordInput,
  withTwoFamilies,
} from "./family-fixtures";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000999";
const NOW = new Date("2026-11-26T09:00:00Z");

function staffSheetInput(
  schoolId: string,
  overrides: Partial<TStaffChildSheet> = {},
  familyId: string = DEMO_IDS.family,
): TStaffChildSheet {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { accept, authEmergencyCare, authPhotos, authLeaveAlone, authTransport, ...data } = childSheetInput(schoolId);
  return { familyId, ...data, ...overrides };
}

const AUTHORISATION_ANSWERS = {
  authEmergencyCare: "OUI",
  authPhotos: "NON",
  authLeaveAlone: "OUI",
  authTransport: "NON",
} as const;

describe.each(testDatabaseKinds())("staff editing of family records and child sheets on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let agent: StaffViewer;
  let cambon: string;
  withTwoFamilies(kind, (suite) => ({ database, demo, agent, cambon } = suite));

  /** Both families, everything the staff functions could touch, and the audit log. */
  const snapshot = async () => ({
    demo: await database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: {
        guardians: { orderBy: { position: "asc" } },
        consents: { orderBy: { id: "asc" } },
        children: {
          orderBy: { id: "asc" },
          include: {
            health: true,
            emergencyContacts: { orderBy: { position: "asc" } },
            authorisedPersons: { orderBy: { position: "asc" } },
          },
        },
      },
    }),
    other: await otherFamilySnapshot(database),
    children: await database.prisma.child.count(),
    consents: await database.prisma.consent.count(),
    audit: await database.prisma.auditLog.count(),
  });
  const audits = (action: string) =>
    database.prisma.auditLog.findMany({
      where: { action },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { actorUserId: true, actorRole: true, familyId: true, childId: true, targetId: true },
    });
  const auditDetails = async (action: string) =>
    (
      await database.prisma.auditLog.findMany({
        where: { action },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { details: true },
      })
    ).map((row) => row.details);
  const parse = <T extends z.ZodType>(schema: T, input: unknown) => schema.parse(input) as z.output<T>;
  /** The input as a form loaded now would post it: at the record's (or the sheet's) current version. */
  const recordNow = async (input: TStaffFamilyRecord) => ({ ...input, version: await familyVersion(database, input.familyId) });
  const sheetNow = async <T extends { childId: string; version?: unknown }>(input: T): Promise<T> => ({
    ...input,
    version: await childVersion(database, input.childId),
  });
  /** What the staff actions do with a posted form: parse it with the form's schema, then call the lib. */
  const saveRecord = (input: TStaffFamilyRecord, viewer = agent) =>
    saveFamilyRecordForStaff(database.prisma, viewer, parse(ZStaffFamilyRecordSchema, input));
  const saveSheet = (input: TStaffChildSheet, now = NOW, viewer = agent) =>
    saveChildSheetForStaff(database.prisma, viewer, parse(ZStaffChildSheetSchema, input), now);
  const addChild = (input: TAddChild, now = NOW, viewer = agent) =>
    addChildForStaff(database.prisma, viewer, parse(ZAddChildSchema, input), now);
  const updateIdentity = (input: TStaffChildIdentity, now = NOW, viewer = agent) =>
    updateChildIdentityForStaff(database.prisma, viewer, parse(ZStaffChildIdentitySchema, input), now);

  it("shows the family record prefilled, and the statements' state read-only (accepted on, version)", async () => {
    const record = await getFamilyRecordForStaff(database.prisma, agent, DEMO_IDS.family);
    expect(record?.familyName).toBe("TEST");
    expect(record?.values).toMatchObject({
      familyId: DEMO_IDS.family,
      name: "TEST",
      guardian1FirstName: "Pierre",
      guardian2FirstName: "Marie",
    });
    expect(record?.values).not.toHaveProperty("reglements");
    expect(record?.values).not.toHaveProperty("protectionDonnees");
    expect(record?.consents.map((state) => [state.kind, state.acceptedVersion, state.currentVersion, state.upToDate])).toEqual([
      ["REGLEMENTS", 1, 1, true],
      ["ATTESTATION_HONNEUR", 1, 1, true],
      ["SIGNATURE_NUMERIQUE", 1, 1, true],
      ["PROTECTION_DONNEES", 1, 1, true],
    ]);
    expect(record?.consents.every((state) => state.acceptedAt instanceof Date)).toBe(true);
    expect(await getFamilyRecordForStaff(database.prisma, agent, UNKNOWN_ID)).toBeNull();
  });

  it("saves an agent's correction of the family record in one transaction, with an audit entry, consents untouched", async () => {
    const before = await snapshot();
    await saveRecord(
      await recordNow(staffRecordInput({ guardian1MobilePhone: "06 98 76 54 32", situation: "MARIES", city: "Onet-le-Château" })),
    );

    const family = await database.prisma.family.findUniqueOrThrow({
      where: { id: DEMO_IDS.family },
      include: { guardians: { orderBy: { position: "asc" } }, consents: { orderBy: { id: "asc" } } },
    });
    expect(family).toMatchObject({
      situation: "MARIES",
      city: "ONET-LE-CHÂTEAU",
      street: "3 rue Béteille",
      homePhone: "05 65 11 22 33",
    });
    expect(family.guardians.map((guardian) => [guardian.position, guardian.firstName, guardian.mobilePhone])).toEqual([
      [1, "Pierre", "06 98 76 54 32"],
      [2, "Marie", null],
    ]);
    expect(family.consents).toEqual(before.demo.consents);
    expect(await database.prisma.consent.count()).toBe(before.consents);
    expect(await otherFamilySnapshot(database)).toEqual(before.other);
    expect(await audits("family.record.update")).toEqual([
      { actorUserId: agent.userId, actorRole: "AGENT", familyId: DEMO_IDS.family, childId: null, targetId: DEMO_IDS.family },
    ]);
  });

  it("records in the audit entry only the record's fields that changed, before and after", async () => {
    const corrected = { guardian1MobilePhone: "06 98 76 54 32", situation: "MARIES", city: "Onet-le-Château" } as const;
    const version = await familyVersion(database);
    await saveRecord(await recordNow(staffRecordInput(corrected)));
    await saveRecord(
      await recordNow(
        staffRecordInput({ ...corrected, homePhone: "05 65 99 88 77", guardian2FirstName: "Maria", allowanceNumber: "" }),
      ),
    );
    const [unchanged, changed] = (await auditDetails("family.record.update")).slice(-2);
    // Each entry also gives the record's version it made: a family refused meanwhile is told an agent changed it.
    expect(unchanged).toEqual({ before: {}, after: {}, version: version + 1 });
    expect(changed).toEqual({
      version: version + 2,
      before: { homePhone: "05 65 11 22 33", allowanceNumber: "7654321", guardian2FirstName: "Marie" },
      after: { homePhone: "05 65 99 88 77", allowanceNumber: null, guardian2FirstName: "Maria" },
    });
  });

  it("does not ask staff for the OUI answers, and refuses them: staff never accept for the family", () => {
    expect(ZStaffFamilyRecordSchema.safeParse(staffRecordInput()).success).toBe(true);
    for (const extra of [{ reglements: "OUI" }, { protectionDonnees: true }]) {
      const result = ZStaffFamilyRecordSchema.safeParse({ ...staffRecordInput(), ...extra });
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
    for (const extra of [
      { accept: true },
      ...Object.entries(AUTHORISATION_ANSWERS).map(([name, answer]) => ({ [name]: answer })),
    ]) {
      const sheet = ZStaffChildSheetSchema.safeParse({ ...staffSheetInput(cambon), ...extra });
      expect(sheet.success).toBe(false);
      if (!sheet.success) expect(z.flattenError(sheet.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
  });

  it("opens a child's sheet for staff with its medical section, and audits that read", async () => {
    const before = (await audits("child.health.read")).length;
    const sheet = await getChildSheetForStaff(database.prisma, agent, DEMO_IDS.family, DEMO_IDS.julien);
    expect(sheet?.displayName).toBe("TEST JULIEN");
    expect(sheet?.values).toMatchObject({
      familyId: DEMO_IDS.family,
      childId: DEMO_IDS.julien,
      doctorName: "Dr Bernard",
      hasPai: "NON",
      dietKind: "AUCUN",
    });
    expect(sheet?.values).not.toHaveProperty("accept");
    expect(sheet?.consent).toMatchObject({
      kind: "AUTORISATIONS_ENFANT",
      acceptedVersion: 1,
      upToDate: true,
      acceptedAt: new Date("2026-08-20T08:10:00Z"),
    });
    expect(sheet?.schools.map((school) => school.name)).toContain("Cambon");
    const reads = await audits("child.health.read");
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toEqual({
      actorUserId: agent.userId,
      actorRole: "AGENT",
      familyId: DEMO_IDS.family,
      childId: DEMO_IDS.julien,
      targetId: DEMO_IDS.julien,
    });
  });

  it("saves an agent's correction of Julie's sheet (all six sections) with an audit entry, and records no « J'accepte »", async () => {
    const before = await snapshot();
    await saveSheet(await sheetNow(staffSheetInput(cambon)));
    const julie = await database.prisma.child.findUniqueOrThrow({
      where: { id: DEMO_IDS.julie },
      include: { health: true, emergencyContacts: { orderBy: { position: "asc" } }, authorisedPersons: true, consents: true },
    });
    // The authorisations stay the family's to answer: still unanswered.
    expect(julie).toMatchObject({
      firstName: "JULIE",
      sex: "F",
      schoolId: cambon,
      schoolLevel: "CP",
      authEmergencyCare: null,
      authPhotos: null,
      authLeaveAlone: null,
      authTransport: null,
    });
    expect(julie.health).toMatchObject({
      doctorName: "Dr Bernard",
      allergies: "Arachide",
      hasPai: true,
      dietKind: "ALLERGIE_PAI",
      dietDetails: "Sans arachide",
    });
    expect(julie.emergencyContacts.map((row) => row.name)).toEqual(["Jeanne TEST", "Paul TEST"]);
    expect(julie.authorisedPersons).toHaveLength(1);
    expect(julie.consents).toEqual([]);
    expect(await database.prisma.consent.count()).toBe(before.consents);
    expect(await otherFamilySnapshot(database)).toEqual(before.other);
    expect(await audits("child.sheet.update")).toEqual([
      {
        actorUserId: agent.userId,
        actorRole: "AGENT",
        familyId: DEMO_IDS.family,
        childId: DEMO_IDS.julie,
        targetId: DEMO_IDS.julie,
      },
    ]);
    // What changed, identity and schooling only: no medical or diet value in the journal.
    expect(await auditDetails("child.sheet.update")).toEqual([
      {
        before: { sex: null, schoolId: null, schoolLevel: null, schoolClass: null },
        after: { sex: "F", schoolId: cambon, schoolLevel: "CP", schoolClass: "CP – M. Roques" },
        sections:
          "identité et scolarité détaillées ; renseignements médicaux, régime et personnes à contacter enregistrés (non détaillés)",
        version: before.demo.children.find((child) => child.id === DEMO_IDS.julie)!.version + 1,
      },
    ]);
    // The family still has to accept the authorisations itself.
    const julieState = (await loadCompleteness(database.prisma, DEMO_IDS.family))?.children.find(
      (child) => child.childId === DEMO_IDS.julie,
    );
    expect(julieState?.missing.map((item) => item.code)).toContain("child.authorisations-consent");
  });

  it("refuses unknown family and child ids and a child of another family, in French, and changes nothing", async () => {
    const before = await snapshot();
    const refusals: [() => Promise<unknown>, string][] = [
      [() => saveRecord(staffRecordInput({ name: "PIRATE" }, UNKNOWN_ID)), "Dossier famille introuvable."],
      [() => saveSheet(staffSheetInput(cambon, { childId: UNKNOWN_ID })), "Fiche enfant introuvable."],
      // Another family's child through the demo family's id, and the demo's child through another family's id.
      [() => saveSheet(staffSheetInput(cambon, { childId: OTHER.child, lastName: "PIRATE" })), "Fiche enfant introuvable."],
      [() => saveSheet(staffSheetInput(cambon, { lastName: "PIRATE" }, OTHER.family)), "Fiche enfant introuvable."],
      [() => saveSheet(staffSheetInput(cambon, { childId: DEMO_IDS.julien }, UNKNOWN_ID)), "Fiche enfant introuvable."],
      [() => addChild(addChildInput({ familyId: UNKNOWN_ID })), "Famille introuvable."],
    ];
    for (const [attempt, message] of refusals) await expect(attempt()).rejects.toEqual(new AppError("NOT_FOUND", message));
    // Reading a foreign or unknown child finds nothing, and logs no read of health data.
    expect(await getChildSheetForStaff(database.prisma, agent, DEMO_IDS.family, OTHER.child)).toBeNull();
    expect(await getChildSheetForStaff(database.prisma, agent, OTHER.family, DEMO_IDS.julien)).toBeNull();
    expect(await getChildSheetForStaff(database.prisma, agent, UNKNOWN_ID, UNKNOWN_ID)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it("refuses invalid input with French field errors, and the lib's own checks change nothing", async () => {
    const before = await snapshot();
    const recordErrors = ZStaffFamilyRecordSchema.safeParse(
      staffRecordInput({ postalCode: "120", guardian1MobilePhone: "06 12", guardian1LastName: "" }),
    );
    expect(recordErrors.success).toBe(false);
    if (!recordErrors.success) {
      expect(z.flattenError(recordErrors.error).fieldErrors).toMatchObject({
        postalCode: ["Le code postal comporte 5 chiffres (exemple : 12000)."],
        guardian1MobilePhone: ["Numéro de téléphone invalide (exemple : 05 65 77 88 00)."],
        guardian1LastName: ["Le nom du responsable 1 est obligatoire."],
      });
    }
    expect(ZStaffFamilyRecordSchema.safeParse({ ...staffRecordInput(), familyId: "pas-un-id" }).success).toBe(false);
    const sheetErrors = ZStaffChildSheetSchema.safeParse(staffSheetInput(cambon, { doctorName: "", emergencyContacts: [] }));
    expect(sheetErrors.success).toBe(false);
    if (!sheetErrors.success) {
      expect(z.flattenError(sheetErrors.error).fieldErrors).toMatchObject({
        doctorName: ["Le nom du médecin traitant est obligatoire."],
        emergencyContacts: ["Indiquez au moins une personne à contacter en cas d'urgence."],
      });
    }
    // Valid shapes the lib refuses: a birth date in the future, a school not in the list.
    await expect(
      saveSheet(staffSheetInput(cambon, { birthDate: "2026-11-20", lastName: "PIRATE" }), new Date("2026-11-19T12:00:00Z")),
    ).rejects.toThrow("La date de naissance ne peut pas être dans le futur.");
    await expect(saveSheet(staffSheetInput(UNKNOWN_ID, { lastName: "PIRATE" }))).rejects.toThrow(
      "Choisissez une école de la liste.",
    );
    await expect(addChild(addChildInput({ schoolId: UNKNOWN_ID }))).rejects.toThrow("Choisissez une école de la liste.");
    // The lib judges the birth date against its own "now" (a parse made the day before).
    await expect(addChild(addChildInput({ birthDate: "2026-11-20" }), new Date("2026-11-19T12:00:00Z"))).rejects.toThrow(
      BIRTH_DATE_IN_FUTURE,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("checks the new child's birth date and fields at the field, in French", () => {
    const errors = (input: TAddChild) => {
      const result = ZAddChildSchema.safeParse(input);
      return result.success ? {} : z.flattenError(result.error).fieldErrors;
    };
    expect(errors(addChildInput({ birthDate: "2999-01-01" })).birthDate).toEqual([BIRTH_DATE_IN_FUTURE]);
    expect(errors(addChildInput({ birthDate: "1990-05-04" })).birthDate).toEqual([BIRTH_DATE_TOO_OLD]);
    expect(errors(addChildInput({ birthDate: "2020-02-30" })).birthDate).toEqual([
      "Date invalide : utilisez le format JJ/MM/AAAA.",
    ]);
    expect(errors(addChildInput({ firstName: " ", sex: "" as never, schoolLevel: "" as never, schoolId: "" }))).toMatchObject({
      firstName: ["Le prénom de l'enfant est obligatoire."],
      sex: ["Indiquez le sexe de l'enfant."],
      schoolLevel: ["Choisissez la classe (niveau)."],
      schoolId: ["Choisissez l'école."],
    });
  });

  it("adds a child to the family: audited, listed in the family's completeness as to complete; a duplicate is refused", async () => {
    const before = await database.prisma.child.count({ where: { familyId: DEMO_IDS.family } });
    const { childId } = await addChild(addChildInput());
    const child = await database.prisma.child.findUniqueOrThrow({
      where: { id: childId },
      include: { health: true, consents: true },
    });
    expect(child).toMatchObject({
      familyId: DEMO_IDS.family,
      lastName: "TEST",
      firstName: "LÉNA",
      sex: "F",
      schoolId: cambon,
      schoolLevel: "GS",
      schoolClass: null,
      health: null,
      consents: [],
    });
    expect(child.birthDate.toISOString()).toBe("2021-04-02T00:00:00.000Z");
    expect(await database.prisma.child.count({ where: { familyId: DEMO_IDS.family } })).toBe(before + 1);
    expect(await audits("child.create")).toEqual([
      { actorUserId: agent.userId, actorRole: "AGENT", familyId: DEMO_IDS.family, childId, targetId: childId },
    ]);

    const state = (await loadCompleteness(database.prisma, DEMO_IDS.family))?.children.find((entry) => entry.childId === childId);
    expect(state).toMatchObject({ name: "TEST LÉNA", complete: false, bookable: false });
    // Identity and school are filled at creation: each other section of the sheet is still to complete.
    const toComplete = ["doctor", "medical", "diet", "emergency", "authorisations", "authorisations-consent"];
    expect(state?.missing.map((item) => item.code)).toEqual(
      expect.arrayContaining(toComplete.map((section) => `child.${section}`)),
    );
    expect(state?.missing.map((item) => item.code)).not.toContain("child.identity");

    const count = await database.prisma.child.count();
    await expect(addChild(addChildInput({ firstName: "léna" }))).rejects.toThrow("Cet enfant figure déjà dans la famille");
    expect(await database.prisma.child.count()).toBe(count);
  });

  it("never changes the family's authorisations on a staff save, even when answers are slipped past the schema", async () => {
    const authorisations = () =>
      database.prisma.child.findUniqueOrThrow({
        where: { id: DEMO_IDS.julien },
        select: { authEmergencyCare: true, authPhotos: true, authLeaveAlone: true, authTransport: true },
      });
    const before = await authorisations();
    expect(before).toEqual({ authEmergencyCare: true, authPhotos: true, authLeaveAlone: false, authTransport: true });
    const sheet = await sheetNow(
      staffSheetInput(cambon, { childId: DEMO_IDS.julien, firstName: "Julien", birthDate: "2016-08-20", schoolLevel: "CM2" }),
    );
    // Refused by the action's schema as unexpected data…
    const posted = ZStaffChildSheetSchema.safeParse({ ...sheet, authPhotos: "NON", authTransport: "NON" });
    expect(posted.success).toBe(false);
    // …and ignored by the lib if they ever got through.
    const slipped = {
      ...parse(ZStaffChildSheetSchema, sheet),
      authEmergencyCare: "NON",
      authPhotos: "NON",
      authLeaveAlone: "NON",
      authTransport: "NON",
    };
    await saveChildSheetForStaff(database.prisma, agent, slipped as TStaffChildSheetParsed, NOW);
    expect(await authorisations()).toEqual(before);
    // The staff form shows them read-only, apart from the values it posts.
    const view = await getChildSheetForStaff(database.prisma, agent, DEMO_IDS.family, DEMO_IDS.julien);
    expect(view?.authorisations).toEqual({
      authEmergencyCare: "OUI",
      authPhotos: "OUI",
      authLeaveAlone: "NON",
      authTransport: "OUI",
    });
    for (const name of Object.keys(AUTHORISATION_ANSWERS)) expect(view?.values).not.toHaveProperty(name);
  });

  it("refuses a sheet's birth date in the future or more than 20 years ago, at the field and in the lib, and changes nothing", async () => {
    const before = await snapshot();
    const fieldError = (birthDate: string) => {
      const result = ZStaffChildSheetSchema.safeParse(staffSheetInput(cambon, { birthDate }));
      return result.success ? undefined : z.flattenError(result.error).fieldErrors.birthDate;
    };
    expect(fieldError("1900-01-01")).toEqual([BIRTH_DATE_TOO_OLD]);
    expect(fieldError("2999-01-01")).toEqual([BIRTH_DATE_IN_FUTURE]);
    // Valid when parsed, too old for the lib's own "now" (twenty years later).
    const sheet = parse(ZStaffChildSheetSchema, staffSheetInput(cambon, { birthDate: "2010-01-01", lastName: "PIRATE" }));
    await expect(saveChildSheetForStaff(database.prisma, agent, sheet, new Date("2030-06-01T09:00:00Z"))).rejects.toEqual(
      new AppError("INVALID", BIRTH_DATE_TOO_OLD),
    );
    await expect(saveChildSheetForStaff(database.prisma, agent, sheet, new Date("2009-06-01T09:00:00Z"))).rejects.toEqual(
      new AppError("INVALID", BIRTH_DATE_IN_FUTURE),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("corrects a new child's identity and schooling without any medical data, audited before/after, with no health read", async () => {
    const { childId } = await addChild(addChildInput({ firstName: "Noé", sex: "M", birthDate: "2020-03-03" }));
    const healthReads = (await audits("child.health.read")).length;
    const others = await snapshot();
    await updateIdentity(
      await sheetNow(
        identityInput(childId, {
          firstName: "Noé",
          sex: "M",
          birthDate: "2020-03-04",
          schoolLevel: "MS",
          schoolClass: "MS – Mme Vidal",
        }),
      ),
    );

    const child = await database.prisma.child.findUniqueOrThrow({
      where: { id: childId },
      include: { health: true, emergencyContacts: true, consents: true },
    });
    expect(child).toMatchObject({
      lastName: "TEST",
      firstName: "NOÉ",
      sex: "M",
      schoolId: cambon,
      schoolLevel: "MS",
      schoolClass: "MS – Mme Vidal",
      health: null,
      emergencyContacts: [],
      consents: [],
      authPhotos: null,
    });
    expect(child.birthDate.toISOString()).toBe("2020-03-04T00:00:00.000Z");
    expect((await audits("child.identity.update")).at(-1)).toEqual({
      actorUserId: agent.userId,
      actorRole: "AGENT",
      familyId: DEMO_IDS.family,
      childId,
      targetId: childId,
    });
    expect((await auditDetails("child.identity.update")).at(-1)).toEqual({
      before: { birthDate: "2020-03-03", schoolLevel: "GS", schoolClass: null },
      after: { birthDate: "2020-03-04", schoolLevel: "MS", schoolClass: "MS – Mme Vidal" },
      version: 2,
    });
    expect(await audits("child.health.read")).toHaveLength(healthReads);
    // Nothing else of the family changed: its other children, record, consents.
    const after = await snapshot();
    expect(after.demo.children.filter((row) => row.id !== childId)).toEqual(
      others.demo.children.filter((row) => row.id !== childId),
    );
    expect(after.other).toEqual(others.other);
    expect(after.consents).toBe(others.consents);

    // Julien's sheet: only the identity fields change; his health, contacts and authorisations stay.
    const julienBefore = others.demo.children.find((row) => row.id === DEMO_IDS.julien)!;
    await updateIdentity(
      await sheetNow(
        identityInput(DEMO_IDS.julien, { firstName: "Julien", sex: "M", birthDate: "2016-08-20", schoolLevel: "CM1" }),
      ),
    );
    const julien = (await snapshot()).demo.children.find((row) => row.id === DEMO_IDS.julien)!;
    expect(julien).toEqual({
      ...julienBefore,
      sex: "M",
      schoolId: cambon,
      schoolLevel: "CM1",
      schoolClass: null,
      version: julienBefore.version + 1,
      updatedAt: julien.updatedAt,
    });
  });

  it("refuses an identity correction for an unknown or another family's child, a bad birth date, a twin, or a parent: nothing changed", async () => {
    const before = await snapshot();
    const notFound = new AppError("NOT_FOUND", "Fiche enfant introuvable.");
    await expect(updateIdentity(identityInput(UNKNOWN_ID))).rejects.toEqual(notFound);
    await expect(updateIdentity(identityInput(OTHER.child))).rejects.toEqual(notFound);
    await expect(updateIdentity(identityInput(DEMO_IDS.julien, {}, OTHER.family))).rejects.toEqual(notFound);
    await expect(
      updateIdentity(identityInput(DEMO_IDS.julien, { birthDate: "2010-01-01" }), new Date("2030-06-01T09:00:00Z")),
    ).rejects.toEqual(new AppError("INVALID", BIRTH_DATE_TOO_OLD));
    await expect(updateIdentity(identityInput(DEMO_IDS.julien, { schoolId: UNKNOWN_ID }))).rejects.toThrow(
      "Choisissez une école de la liste.",
    );
    // Julien renamed Julie, with her birth date: the family already has that child.
    await expect(
      updateIdentity(await sheetNow(identityInput(DEMO_IDS.julien, { firstName: "julie", birthDate: "2019-10-15" }))),
    ).rejects.toThrow("Cet enfant figure déjà dans la famille");
    await expect(
      updateIdentity(identityInput(DEMO_IDS.julien, { lastName: "PIRATE" }), NOW, demo as unknown as StaffViewer),
    ).rejects.toEqual(new AppError("FORBIDDEN", "Seuls les agents de la mairie peuvent modifier le dossier d'une famille."));
    const fieldErrors = (input: TStaffChildIdentity) => {
      const result = ZStaffChildIdentitySchema.safeParse(input);
      return result.success ? null : z.flattenError(result.error);
    };
    expect(fieldErrors(identityInput(DEMO_IDS.julien, { birthDate: "1990-01-01", lastName: " " }))?.fieldErrors).toMatchObject({
      birthDate: [BIRTH_DATE_TOO_OLD],
      lastName: ["Le nom de l'enfant est obligatoire."],
    });
    // A medical field is not part of this form.
    expect(
      fieldErrors({ ...identityInput(DEMO_IDS.julien), doctorName: "Dr Pirate" } as TStaffChildIdentity)?.formErrors,
    ).toEqual([UNEXPECTED_FIELD]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every staff function to a parent's viewer, whatever ids it passes, and changes nothing", async () => {
    const before = await snapshot();
    const parent = demo as unknown as StaffViewer;
    const forbidden = new AppError("FORBIDDEN", "Seuls les agents de la mairie peuvent modifier le dossier d'une famille.");
    await expect(getFamilyRecordForStaff(database.prisma, parent, OTHER.family)).rejects.toEqual(forbidden);
    await expect(getChildSheetForStaff(database.prisma, parent, OTHER.family, OTHER.child)).rejects.toEqual(forbidden);
    await expect(saveRecord(staffRecordInput({ name: "PIRATE" }, OTHER.family), parent)).rejects.toEqual(forbidden);
    await expect(saveRecord(staffRecordInput({ name: "PIRATE" }), parent)).rejects.toEqual(forbidden);
    await expect(saveSheet(staffSheetInput(cambon, { lastName: "PIRATE" }), NOW, parent)).rejects.toEqual(forbidden);
    await expect(addChild(addChildInput({ familyId: OTHER.family, firstName: "Intrus" }), NOW, parent)).rejects.toEqual(
      forbidden,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("lets staff correct the class of a child whose twin entry already exists (only a new name or birth date is checked)", async () => {
    const julien = await database.prisma.child.findUniqueOrThrow({
      where: { id: DEMO_IDS.julien },
      select: { firstName: true, birthDate: true },
    });
    const twin = await database.prisma.child.create({
      data: { familyId: DEMO_IDS.family, lastName: "TEST", firstName: julien.firstName, birthDate: julien.birthDate },
      select: { id: true },
    });
    try {
      const birthDate = julien.birthDate.toISOString().slice(0, 10);
      await updateIdentity(
        await sheetNow(
          identityInput(twin.id, { firstName: julien.firstName, birthDate, schoolLevel: "CM1", schoolClass: "CM1 – M. Cayla" }),
        ),
      );
      expect(await database.prisma.child.findUniqueOrThrow({ where: { id: twin.id }, select: { schoolClass: true } })).toEqual({
        schoolClass: "CM1 – M. Cayla",
      });
    } finally {
      await database.prisma.auditLog.deleteMany({ where: { childId: twin.id } });
      await database.prisma.child.delete({ where: { id: twin.id } });
    }
  });

  function identityInput(
    childId: string,
    overrides: Partial<TStaffChildIdentity> = {},
    familyId: string = DEMO_IDS.family,
  ): TStaffChildIdentity {
    return {
      familyId,
      childId,
      lastName: "Test",
      firstName: "Julien",
      sex: "M",
      birthDate: "2016-08-20",
      schoolId: cambon,
      schoolLevel: "CM2",
      schoolClass: "",
      version: 1,
      ...overrides,
    };
  }

  function addChildInput(overrides: Partial<TAddChild> = {}): TAddChild {
    return {
      familyId: DEMO_IDS.family,
      lastName: "Test",
      firstName: "Léna",
      sex: "F",
      birthDate: "2021-04-02",
      schoolId: cambon,
      schoolLevel: "GS",
      schoolClass: "",
      ...overrides,
    };
  }
});

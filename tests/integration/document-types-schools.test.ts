// Issue #17, points 2–4 on both databases: the document types and schools staff set themselves
// (refused to parents and visitors with nothing changed; a used type retired not deleted; a type
// required for a service asked only of those booking it), the child sheet's level checked against
// the school's levels, and « Rappelez le nom du document » stored and listed.
import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { ZAddChildSchema, type TAddChild } from "@/lib/children/add-child.schema";
import * as clock from "@/lib/clock";
import { ZDocumentTypeSchema, type TDocumentType } from "@/lib/documents/document-type.schema";
import { createDocumentType, deleteDocumentType, updateDocumentType } from "@/lib/documents/document-types";
import { getUploadChoices, listFamilyDocuments, submitDocument } from "@/lib/documents/family-documents";
import { listReviewQueue } from "@/lib/documents/review-documents";
import { addChildForStaff } from "@/lib/families/family-editing";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { confirmBooking } from "@/lib/reservations/book-days";
import { ZSchoolSchema, type TSchool } from "@/lib/schools/school.schema";
import { createSchool, deleteSchool, updateSchool } from "@/lib/schools/schools";
import { localDiskStorage } from "@/lib/storage/local-disk-storage";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { goodSamples } from "../fixtures/uploads/corpus";
import { createStaffViewer } from "../helpers/admin-fixtures";
import { nextBookableCantineWeek } from "../helpers/bookable-week";
import { createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { testDatabaseKinds, withDemoDatabase, type TestSuite } from "../helpers/test-db";

const typeForm = (overrides: Partial<Record<keyof TDocumentType, unknown>> = {}): TDocumentType =>
  ZDocumentTypeSchema.parse({
    label: "Attestation d'assurance scolaire",
    scope: "CHILD",
    mandatory: undefined,
    activityIds: "",
    helpText: "L'attestation de l'année en cours.",
    sortOrder: "7",
    active: "on",
    ...overrides,
  });
const schoolForm = (overrides: Partial<Record<keyof TSchool, unknown>> = {}): TSchool =>
  ZSchoolSchema.parse({
    name: "Paul Ramadier élémentaire",
    address: "1 rue de l'École, 12000 Rodez",
    kind: "ELEMENTAIRE",
    levels: "CP,CE1,CE2,CM1,CM2",
    ...overrides,
  });

describe.each(testDatabaseKinds())("document types, schools and document names on %s", (kind) => {
  let suite: TestSuite;
  let agent: StaffViewer;
  let parent: ParentViewer;
  let family: FixtureFamily;
  let activityIds: Record<string, string>;

  withDemoDatabase(kind, async (ready) => {
    suite = ready;
    const prisma = ready.database.prisma;
    agent = await createStaffViewer(prisma, "AGENT");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.parent }, select: { id: true } });
    parent = { userId: user.id, email: DEMO_ACCOUNTS.parent, name: "TEST", role: "PARENT", familyId: DEMO_IDS.family };
    [family] = await createCompleteFamilies(prisma, 1);
    activityIds = Object.fromEntries(
      (await prisma.activity.findMany({ select: { id: true, code: true } })).map((row) => [row.code, row.id]),
    );
  });

  const prisma = () => suite.database.prisma;
  // The suite's temporary folder, not the portal's.
  const storage = () => localDiskStorage(suite.storageRoot!);
  const snapshot = async () => ({
    types: await prisma().documentType.findMany({ orderBy: { id: "asc" }, include: { activities: true } }),
    schools: await prisma().school.findMany({ orderBy: { id: "asc" } }),
    audit: await prisma().auditLog.count(),
  });

  it("refuses every staff action to a parent and a visitor, with nothing changed", async () => {
    const anyType = await prisma().documentType.findFirstOrThrow({ select: { id: true } });
    const anySchool = await prisma().school.findFirstOrThrow({ select: { id: true } });
    const visitor = { userId: "", email: "", name: "", role: "VISITOR", familyId: null } as unknown as StaffViewer;
    const before = await snapshot();
    for (const viewer of [parent as unknown as StaffViewer, visitor]) {
      await expect(createDocumentType(prisma(), viewer, typeForm())).rejects.toThrow("réservées aux agents");
      await expect(updateDocumentType(prisma(), viewer, anyType.id, typeForm())).rejects.toThrow("réservées aux agents");
      await expect(deleteDocumentType(prisma(), viewer, anyType.id)).rejects.toThrow("réservées aux agents");
      await expect(createSchool(prisma(), viewer, schoolForm())).rejects.toThrow("réservées aux agents");
      await expect(updateSchool(prisma(), viewer, anySchool.id, schoolForm())).rejects.toThrow("réservées aux agents");
      await expect(deleteSchool(prisma(), viewer, anySchool.id)).rejects.toThrow("réservées aux agents");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("retires a type in use (no longer offered, its documents still listed) and deletes only an unused one", async () => {
    const { id } = await createDocumentType(prisma(), agent, typeForm());
    expect((await getUploadChoices(prisma(), parent)).types.find((type) => type.id === id)).toMatchObject({
      label: "Attestation d'assurance scolaire",
      helpText: "L'attestation de l'année en cours.",
    });
    const sample = goodSamples()[0];
    await submitDocument(prisma(), parent, { concerns: DEMO_IDS.julie, typeId: id, name: "Assurance 2026" }, sample);

    const before = await snapshot();
    await expect(deleteDocumentType(prisma(), agent, id)).rejects.toMatchObject({ code: "TYPE_IN_USE" });
    await expect(updateDocumentType(prisma(), agent, id, typeForm({ scope: "FAMILY" }))).rejects.toThrow("ne peut plus passer");
    expect(await snapshot()).toEqual(before);

    await updateDocumentType(prisma(), agent, id, typeForm({ active: undefined }));
    expect((await getUploadChoices(prisma(), parent)).types.some((type) => type.id === id)).toBe(false);
    await expect(
      submitDocument(prisma(), parent, { concerns: DEMO_IDS.julie, typeId: id, name: "Encore" }, sample, storage()),
    ).rejects.toMatchObject({ code: "INVALID_TYPE" });
    expect(
      (await listFamilyDocuments(prisma(), parent)).filter((row) => row.typeLabel === "Attestation d'assurance scolaire"),
    ).toHaveLength(1);
    expect(
      await prisma().auditLog.findFirst({ where: { targetId: id }, orderBy: { at: "desc" }, select: { action: true } }),
    ).toEqual({
      action: "document-type.retire",
    });

    const unused = await createDocumentType(prisma(), agent, typeForm({ label: "Photo d'identité" }));
    await deleteDocumentType(prisma(), agent, unused.id);
    expect(await prisma().documentType.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  it("asks a type required for a service only of the children booking it", async () => {
    const now = clock.now();
    const { id: typeId } = await createDocumentType(
      prisma(),
      agent,
      typeForm({ label: "Certificat médical sport", mandatory: "on", activityIds: activityIds.PERISCOLAIRE }),
    );
    const childOf = async (booking?: { childId: string; periodId: string }) =>
      (await loadCompleteness(prisma(), family.familyId, booking))!.children.find((child) => child.childId === family.childId)!;
    const cantine = await nextBookableCantineWeek(prisma(), "CAMBON", now, 60_000);
    const garderie = await prisma().period.findFirstOrThrow({
      where: {
        establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" },
        startDate: { lte: new Date(`${cantine.week[0]}T00:00:00Z`) },
      },
      orderBy: { startDate: "desc" },
      select: { id: true },
    });

    // Booking the cantine (another service): still complete, and booked.
    expect((await childOf()).bookable).toBe(true);
    expect((await childOf({ childId: family.childId, periodId: cantine.periodId })).bookable).toBe(true);
    await confirmBooking(
      prisma(),
      family,
      { childId: family.childId, periodId: cantine.periodId, days: [{ unitId: cantine.unitId, date: cantine.week[0] }] },
      now,
    );
    expect((await childOf()).bookable).toBe(true);
    // Booking the garderie: the certificate is asked for.
    const booking = await childOf({ childId: family.childId, periodId: garderie.id });
    expect(booking.bookable).toBe(false);
    expect(booking.missing.map((item) => [item.code, item.label])).toEqual([
      ["document.CERTIFICAT_MEDICAL_SPORT", "Certificat médical sport : à fournir"],
    ]);

    // Now required for the cantine too: the child booking it is incomplete, and a new booking is refused.
    await updateDocumentType(
      prisma(),
      agent,
      typeId,
      typeForm({
        label: "Certificat médical sport",
        mandatory: "on",
        activityIds: `${activityIds.PERISCOLAIRE},${activityIds.RESTAURATION_SCOLAIRE}`,
      }),
    );
    expect((await childOf()).bookable).toBe(false);
    const reservations = await prisma().reservation.count({ where: { familyId: family.familyId } });
    await expect(
      confirmBooking(
        prisma(),
        family,
        {
          childId: family.childId,
          periodId: cantine.periodId,
          days: [{ unitId: cantine.unitId, date: cantine.week[cantine.week.length - 1] }],
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "INCOMPLETE" });
    expect(await prisma().reservation.count({ where: { familyId: family.familyId } })).toBe(reservations);
    // Julie (demo) books nothing: the type is not asked of her.
    const julie = (await loadCompleteness(prisma(), DEMO_IDS.family))!.children.find(
      (child) => child.childId === DEMO_IDS.julie,
    )!;
    expect(julie.missing.some((item) => item.code === "document.CERTIFICAT_MEDICAL_SPORT")).toBe(false);
    // Retired, it is asked of no one.
    await updateDocumentType(
      prisma(),
      agent,
      typeId,
      typeForm({
        label: "Certificat médical sport",
        mandatory: "on",
        activityIds: activityIds.RESTAURATION_SCOLAIRE,
        active: undefined,
      }),
    );
    expect((await childOf()).bookable).toBe(true);
  });

  it("lets the school's levels drive the child's level, checked on the server, and keeps a school in use", async () => {
    expect(() => schoolForm({ kind: "MATERNELLE", levels: "PS,CP" })).toThrow("ne propose pas CP");
    const { id: schoolId } = await createSchool(prisma(), agent, schoolForm());
    const addChild = (overrides: Partial<TAddChild>) =>
      addChildForStaff(
        prisma(),
        agent,
        ZAddChildSchema.parse({
          familyId: DEMO_IDS.family,
          lastName: "TEST",
          firstName: "Léo",
          sex: "M",
          birthDate: "2020-04-02",
          schoolId,
          schoolLevel: "GS",
          schoolClass: "",
          ...overrides,
        }),
      );
    const children = await prisma().child.count();
    await expect(addChild({})).rejects.toMatchObject({ code: "LEVEL_NOT_OFFERED" });
    expect(await prisma().child.count()).toBe(children);
    await addChild({ schoolLevel: "CP" });

    const before = await snapshot();
    await expect(updateSchool(prisma(), agent, schoolId, schoolForm({ levels: "CE1,CE2,CM1,CM2" }))).rejects.toMatchObject({
      code: "SCHOOL_IN_USE",
    });
    await expect(deleteSchool(prisma(), agent, schoolId)).rejects.toMatchObject({ code: "SCHOOL_IN_USE" });
    expect(await snapshot()).toEqual(before);
    await updateSchool(prisma(), agent, schoolId, schoolForm({ name: "Ramadier élémentaire" }));
    expect(
      await prisma().school.findUnique({ where: { id: schoolId }, select: { name: true, kind: true, levels: true } }),
    ).toEqual({
      name: "Ramadier élémentaire",
      kind: "ELEMENTAIRE",
      levels: ["CP", "CE1", "CE2", "CM1", "CM2"],
    });
    const unused = await createSchool(
      prisma(),
      agent,
      schoolForm({ name: "Maternelle des Lilas", kind: "MATERNELLE", levels: "PS,MS,GS" }),
    );
    await deleteSchool(prisma(), agent, unused.id);
    expect(await prisma().school.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  it("stores « Rappelez le nom du document » and lists it to the family and the staff; blank, the file's name", async () => {
    const vaccination = await prisma().documentType.findUniqueOrThrow({
      where: { code: "CARNET_VACCINATION" },
      select: { id: true },
    });
    const sample = goodSamples()[0];
    const named = await submitDocument(
      prisma(),
      parent,
      { concerns: DEMO_IDS.julie, typeId: vaccination.id, name: "  Carnet de santé   de Julie " },
      sample,
      storage(),
    );
    const unnamed = await submitDocument(
      prisma(),
      parent,
      { concerns: DEMO_IDS.julie, typeId: vaccination.id, name: "" },
      { ...sample, name: "scan-042.pdf" },
      storage(),
    );
    const mine = await listFamilyDocuments(prisma(), parent);
    expect(mine.find((row) => row.id === named.id)?.name).toBe("Carnet de santé de Julie");
    expect(mine.find((row) => row.id === unnamed.id)?.name).toBe("scan-042");
    const queue = await listReviewQueue(prisma(), agent);
    expect(queue.find((row) => row.id === named.id)?.name).toBe("Carnet de santé de Julie");
  });
});

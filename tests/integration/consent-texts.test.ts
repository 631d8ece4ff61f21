// Issue #17 point 1, on both databases: the statements' texts are published by administrators as
// new versions (never an update: the trigger refuses one), refused to agents, parents and
// visitors with nothing changed; a family that accepted version 1 is asked for version 2 (the
// checklist says « nouvelle version à accepter »), its version-1 acceptance kept with its date.
import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { ZConsentTextSchema } from "@/lib/consents/consent-text.schema";
import {
  CONSENT_TEXT_STALE,
  CONSENT_TEXT_UNCHANGED,
  consentTextHistory,
  listConsentTexts,
  publishConsentText,
} from "@/lib/consents/consent-texts";
import { getFamilyRecord, saveFamilyRecord } from "@/lib/families/family-record";
import { ZFamilyRecordSchema } from "@/lib/families/family-record.schema";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { DEMO_IDS } from "@/prisma/seed";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import { familyRecordInput, familyVersion, withTwoFamilies } from "./family-fixtures";

const NEW_RULES =
  "Je certifie avoir pris connaissance des règlements intérieurs 2027 des structures.\r\n\r\n\r\nEt j'accepte leurs contenus.  ";

describe.each(testDatabaseKinds())("consent texts as versions on %s", (kind) => {
  let database: TestDatabase;
  let demo: ParentViewer;
  let agent: StaffViewer;
  let admin: StaffViewer;
  withTwoFamilies(kind, async (suite) => {
    ({ database, demo, agent } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
  });

  const texts = () =>
    database.prisma.consentText.findMany({
      orderBy: [{ kind: "asc" }, { version: "asc" }],
      select: { id: true, kind: true, version: true, body: true, publishedAt: true, publishedByUserId: true },
    });
  const snapshot = async () => ({
    texts: await texts(),
    consents: await database.prisma.consent.findMany({ orderBy: { id: "asc" } }),
    audit: await database.prisma.auditLog.count(),
  });
  const input = (body: string, basedOnVersion: number, kindName = "REGLEMENTS") =>
    ZConsentTextSchema.parse({ kind: kindName, body, basedOnVersion: String(basedOnVersion) });

  it("refuses every read and the publication to an agent, a parent and a visitor, and changes nothing", async () => {
    const before = await snapshot();
    const visitor = { userId: "", email: "", name: "", role: "VISITOR", familyId: null } as unknown as StaffViewer;
    const parent = demo as unknown as StaffViewer;
    for (const viewer of [agent, parent, visitor]) {
      await expect(publishConsentText(database.prisma, viewer, input(NEW_RULES, 1))).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Ces informations sont réservées aux administrateurs.",
      });
      await expect(listConsentTexts(database.prisma, viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(consentTextHistory(database.prisma, viewer, "REGLEMENTS")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lists each statement's version in force and how many families accepted it", async () => {
    const list = await listConsentTexts(database.prisma, admin);
    expect(list.map((text) => [text.kind, text.current?.version, text.current?.acceptedFamilies])).toEqual([
      ["REGLEMENTS", 1, 1],
      ["ATTESTATION_HONNEUR", 1, 1],
      ["SIGNATURE_NUMERIQUE", 1, 1],
      ["PROTECTION_DONNEES", 1, 1],
      ["AUTORISATIONS_ENFANT", 1, 1],
    ]);
    expect(list[0].current?.body).toBe(
      "Je certifie avoir pris connaissance des règlements intérieurs des structures et accepte leurs contenus.",
    );
  });

  it("publishes version 2 without touching version 1; the family is asked again and keeps its version-1 acceptance", async () => {
    const before = await texts();
    const v1Acceptance = await database.prisma.consent.findFirstOrThrow({
      where: { familyId: DEMO_IDS.family, childId: null, text: { kind: "REGLEMENTS", version: 1 } },
    });
    const created = await publishConsentText(database.prisma, admin, input(NEW_RULES, 1));
    expect(created.version).toBe(2);

    const after = await texts();
    // Every version published before is exactly as it was; one row more, the new version.
    expect(after.filter((text) => text.id !== created.id)).toEqual(before);
    expect(after.find((text) => text.id === created.id)).toMatchObject({
      kind: "REGLEMENTS",
      version: 2,
      body: "Je certifie avoir pris connaissance des règlements intérieurs 2027 des structures.\n\nEt j'accepte leurs contenus.",
      publishedByUserId: admin.userId,
    });
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "consent-text.publish" },
      select: { actorUserId: true, targetId: true },
    });
    expect(audit).toEqual([{ actorUserId: admin.userId, targetId: created.id }]);

    const history = await consentTextHistory(database.prisma, admin, "REGLEMENTS");
    expect(history.map((version) => [version.version, version.acceptedFamilies, version.publishedBy])).toEqual([
      [2, 0, "Test ADMIN"],
      [1, 1, null],
    ]);

    // The family: its checklist and its record ask for version 2.
    const completeness = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(completeness?.missing).toEqual([
      { code: "family.consent.REGLEMENTS", label: "Règlements : nouvelle version à accepter", section: "famille", renewed: true },
    ]);
    const record = await getFamilyRecord(database.prisma, demo);
    expect(record?.values.reglements).toBe("");
    expect(record?.renewedKinds).toEqual(["REGLEMENTS"]);
    expect(record?.consentTexts.find((text) => text.kind === "REGLEMENTS")?.version).toBe(2);

    const acceptedAt = new Date("2026-12-01T09:15:00Z");
    const values = { ...familyRecordInput(), version: await familyVersion(database, DEMO_IDS.family) };
    await saveFamilyRecord(database.prisma, demo, ZFamilyRecordSchema.parse(values), acceptedAt);
    const rows = await database.prisma.consent.findMany({
      where: { familyId: DEMO_IDS.family, childId: null, text: { kind: "REGLEMENTS" } },
      select: { id: true, acceptedAt: true, text: { select: { version: true } } },
      orderBy: { acceptedAt: "asc" },
    });
    expect(rows).toEqual([
      { id: v1Acceptance.id, acceptedAt: v1Acceptance.acceptedAt, text: { version: 1 } },
      { id: expect.any(String), acceptedAt, text: { version: 2 } },
    ]);
    expect((await loadCompleteness(database.prisma, DEMO_IDS.family))?.complete).toBe(true);
    expect((await listConsentTexts(database.prisma, admin))[0].current).toMatchObject({ version: 2, acceptedFamilies: 1 });
  });

  it("asks each child's authorisations again when their text changes", async () => {
    await publishConsentText(
      database.prisma,
      admin,
      input("J'accepte les conditions citées ci-dessus, version 2027.", 1, "AUTORISATIONS_ENFANT"),
    );
    const completeness = await loadCompleteness(database.prisma, DEMO_IDS.family);
    const julien = completeness?.children.find((child) => child.childId === DEMO_IDS.julien);
    expect(julien?.missing).toContainEqual({
      code: "child.authorisations-consent",
      label: "Autorisations : nouvelle version à accepter",
      section: "enfant",
      renewed: true,
    });
  });

  it("refuses a publication from an outdated version, twice at once, or identical to the version in force, changing nothing", async () => {
    const before = await snapshot();
    await expect(publishConsentText(database.prisma, admin, input("Texte parti de la version 1.", 1))).rejects.toMatchObject({
      code: "STALE_VERSION",
      message: CONSENT_TEXT_STALE,
    });
    await expect(
      publishConsentText(
        database.prisma,
        admin,
        input(
          "Je certifie avoir pris connaissance des règlements intérieurs 2027 des structures.\n\nEt j'accepte leurs contenus.",
          2,
        ),
      ),
    ).rejects.toMatchObject({ code: "UNCHANGED", message: CONSENT_TEXT_UNCHANGED });
    expect(await snapshot()).toEqual(before);

    // Two administrators publish from version 2 at the same time: one version 3, the other refused.
    const outcomes = await Promise.allSettled([
      publishConsentText(database.prisma, admin, input("Version de la première administratrice.", 2)),
      publishConsentText(database.prisma, admin, input("Version du second administrateur.", 2)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({
      code: "STALE_VERSION",
      message: CONSENT_TEXT_STALE,
    });
    expect((await texts()).filter((text) => text.kind === "REGLEMENTS").map((text) => text.version)).toEqual([1, 2, 3]);
  });

  it("lets the database refuse any change to a published text, but not the deletion of its publisher's account", async () => {
    const v1 = await database.prisma.consentText.findFirstOrThrow({ where: { kind: "REGLEMENTS", version: 1 } });
    await expect(database.prisma.consentText.update({ where: { id: v1.id }, data: { body: "Réécrit." } })).rejects.toThrow(
      /Un texte publié ne se modifie pas/,
    );
    await expect(database.prisma.consentText.update({ where: { id: v1.id }, data: { version: 9 } })).rejects.toThrow(
      /Un texte publié ne se modifie pas/,
    );
    expect(await database.prisma.consentText.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(v1);

    const other = await createStaffViewer(database.prisma, "ADMIN");
    const published = await publishConsentText(
      database.prisma,
      other,
      input("Protection des données, version 2.", 1, "PROTECTION_DONNEES"),
    );
    await database.prisma.auditLog.deleteMany({ where: { actorUserId: other.userId } });
    await database.prisma.user.delete({ where: { id: other.userId } });
    expect(await database.prisma.consentText.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({
      version: 2,
      body: "Protection des données, version 2.",
      publishedByUserId: null,
    });
  });
});

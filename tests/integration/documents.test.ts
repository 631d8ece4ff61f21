// Supporting documents through the real upload path (lib/documents, the local disk storage) on
// real databases: the bad-file corpus leaves nothing behind, good files are stored as what
// their bytes say, another family's ids find nothing, staff review feeds completeness.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { readDocumentFor } from "@/lib/documents/download-document";
import { deleteFamilyDocument, listFamilyDocuments, submitDocument } from "@/lib/documents/family-documents";
import { refusalMail } from "@/lib/documents/refusal-mail";
import { listReviewQueue, reviewDocument } from "@/lib/documents/review-documents";
import { UPLOAD_MESSAGES } from "@/lib/documents/upload-rules";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { enqueueMail } from "@/lib/mail/outbox";
import { DEMO_ACCOUNTS, DEMO_IDS, seedDemo } from "@/prisma/seed";

import { badSamples, goodSamples } from "../fixtures/uploads/corpus";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, withTestDatabase, type TestDatabase } from "../helpers/test-db";

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.each(testDatabaseKinds())("supporting documents on %s", (kind) => {
  let database: TestDatabase;
  let storageRoot: string;
  let parent: ParentViewer;
  let otherParent: ParentViewer;
  let agent: StaffViewer;
  let otherChildId: string;
  const typeIds: Record<string, string> = {};
  const savedStorageDir = process.env.STORAGE_DIR;

  beforeAll(async () => {
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), `portail-documents-${kind}-`));
    process.env.STORAGE_DIR = storageRoot;
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    await seedDemo(database.prisma, { storageRoot });
    const users = await database.prisma.user.findMany({ select: { id: true, email: true, role: true, familyId: true } });
    const user = (email: string) => users.find((candidate) => candidate.email === email)!;
    parent = {
      userId: user(DEMO_ACCOUNTS.parent).id,
      email: DEMO_ACCOUNTS.parent,
      name: "TEST",
      role: "PARENT",
      familyId: DEMO_IDS.family,
    };
    agent = {
      userId: user(DEMO_ACCOUNTS.agent).id,
      email: DEMO_ACCOUNTS.agent,
      name: "Claire MARTIN",
      role: "AGENT",
      familyId: null,
    };
    const other = await database.prisma.family.create({
      data: {
        name: "AUTRE",
        users: { create: { email: "autre@exemple.fr", role: "PARENT" } },
        children: { create: { lastName: "AUTRE", firstName: "Lou", birthDate: new Date("2018-05-01T00:00:00Z") } },
      },
      select: { id: true, users: { select: { id: true } }, children: { select: { id: true } } },
    });
    otherParent = { userId: other.users[0].id, email: "autre@exemple.fr", name: "AUTRE", role: "PARENT", familyId: other.id };
    otherChildId = other.children[0].id;
    for (const type of await database.prisma.documentType.findMany({ select: { id: true, code: true } }))
      typeIds[type.code] = type.id;
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
    process.env.STORAGE_DIR = savedStorageDir;
  });

  const julieVaccination = () => ({ concerns: DEMO_IDS.julie, typeId: typeIds.CARNET_VACCINATION });

  it("refuses every bad file of the corpus with its French reason, leaving no file and no row", async () => {
    const rowsBefore = await database.prisma.document.count();
    const filesBefore = filesUnder(storageRoot);
    for (const sample of badSamples()) {
      await expect(
        submitDocument(database.prisma, parent, julieVaccination(), { name: sample.name, bytes: sample.bytes }),
      ).rejects.toThrow(UPLOAD_MESSAGES[sample.reason]);
    }
    expect(await database.prisma.document.count()).toBe(rowsBefore);
    expect(filesUnder(storageRoot)).toEqual(filesBefore);
  });

  it("accepts every good sample and stores it privately as the type its bytes say", async () => {
    for (const sample of goodSamples()) {
      const { id } = await submitDocument(database.prisma, parent, julieVaccination(), {
        name: sample.name,
        bytes: sample.bytes,
      });
      const row = await database.prisma.document.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        status: "SUBMITTED",
        storageKind: "LOCAL",
        mimeType: sample.mimeType,
        size: sample.bytes.length,
        originalName: sample.name,
        childId: DEMO_IDS.julie,
      });
      expect(row.storageKey).toMatch(/^documents\/[0-9a-f-]{36}$/);
      expect(row.storageKey).not.toContain(sample.name);
      const stored = fs.readFileSync(path.join(storageRoot, row.storageKey));
      expect(Buffer.compare(stored, sample.bytes)).toBe(0);
    }
    const pngAsPdf = await database.prisma.document.findFirstOrThrow({ where: { originalName: "png-named-as.pdf" } });
    expect(pngAsPdf.mimeType).toBe("image/png");
    const download = await readDocumentFor(database.prisma, parent, pngAsPdf.id);
    expect(download).toMatchObject({ mimeType: "image/png", fileName: "png-named-as.png" });
  });

  it("checks who and what the document concerns within the family", async () => {
    const pdf = goodSamples()[0];
    const rowsBefore = await database.prisma.document.count();
    const refusals: [concerns: string, typeCode: string, message: string][] = [
      [otherChildId, "CARNET_VACCINATION", "Choisissez la famille ou l'un de vos enfants."],
      ["famille", "CARNET_VACCINATION", "Choisissez un type de document concernant la famille."],
      [DEMO_IDS.julien, "AVIS_IMPOSITION", "Choisissez un type de document concernant un enfant."],
    ];
    for (const [concerns, typeCode, message] of refusals) {
      await expect(
        submitDocument(database.prisma, parent, { concerns, typeId: typeIds[typeCode] }, { name: "a.pdf", bytes: pdf.bytes }),
      ).rejects.toThrow(message);
    }
    const { id } = await submitDocument(
      database.prisma,
      parent,
      { concerns: "famille", typeId: typeIds.AVIS_IMPOSITION },
      { name: "avis 2025.pdf", bytes: pdf.bytes },
    );
    expect(await database.prisma.document.findUniqueOrThrow({ where: { id }, select: { childId: true } })).toEqual({
      childId: null,
    });
    expect(await database.prisma.document.count()).toBe(rowsBefore + 1);
  });

  it("gives another family nothing: no bytes, no list entry, no deletion", async () => {
    const { id } = await submitDocument(database.prisma, parent, julieVaccination(), {
      name: "carnet.pdf",
      bytes: goodSamples()[0].bytes,
    });
    expect(await readDocumentFor(database.prisma, otherParent, id)).toBeNull();
    expect(await readDocumentFor(database.prisma, null, id)).toBeNull();
    expect((await listFamilyDocuments(database.prisma, otherParent)).map((row) => row.id)).not.toContain(id);
    await expect(deleteFamilyDocument(database.prisma, otherParent, id)).rejects.toThrow(/ne peut pas être supprimé/);
    expect(await database.prisma.document.findUnique({ where: { id }, select: { id: true } })).toEqual({ id });
    expect((await readDocumentFor(database.prisma, parent, id))?.bytes).toHaveLength(goodSamples()[0].bytes.length);
  });

  it("lets the parent delete a document not yet accepted, with its file, but never an accepted one", async () => {
    const { id } = await submitDocument(
      database.prisma,
      parent,
      { concerns: DEMO_IDS.julien, typeId: typeIds.BREVET_NATATION },
      { name: "brevet.png", bytes: goodSamples()[3].bytes },
    );
    const { storageKey } = await database.prisma.document.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
    await deleteFamilyDocument(database.prisma, parent, id);
    expect(await database.prisma.document.findUnique({ where: { id } })).toBeNull();
    expect(fs.existsSync(path.join(storageRoot, storageKey))).toBe(false);
    await expect(deleteFamilyDocument(database.prisma, parent, DEMO_IDS.julienVaccination)).rejects.toThrow(/déjà été accepté/);
  });

  it("gives staff the queue oldest first, filtered by type, and audits every view", async () => {
    const queue = await listReviewQueue(database.prisma, agent);
    expect(queue.length).toBeGreaterThan(3);
    const times = queue.map((row) => row.uploadedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const family = await listReviewQueue(database.prisma, agent, { typeId: typeIds.AVIS_IMPOSITION });
    expect(family.map((row) => [row.typeLabel, row.folder])).toEqual([["Avis d'imposition", "Famille"]]);

    const auditsBefore = await database.prisma.auditLog.count({ where: { action: "document.view", targetId: queue[0].id } });
    expect((await readDocumentFor(database.prisma, agent, queue[0].id))?.bytes.length).toBeGreaterThan(0);
    const audits = await database.prisma.auditLog.findMany({
      where: { action: "document.view", targetId: queue[0].id },
      select: { actorUserId: true, familyId: true },
    });
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)).toEqual({ actorUserId: agent.userId, familyId: DEMO_IDS.family });
  });

  it("moves Julie's vaccination record from pending to refused (with the reason) to accepted", async () => {
    await database.prisma.document.deleteMany({ where: { childId: DEMO_IDS.julie } });
    const julieItem = async () =>
      (await loadCompleteness(database.prisma, DEMO_IDS.family))!.children
        .find((child) => child.childId === DEMO_IDS.julie)!
        .missing.find((item) => item.code === "document.CARNET_VACCINATION")?.label;
    expect(await julieItem()).toBe("Carnet de vaccination (obligatoire) : à fournir");

    const first = await submitDocument(database.prisma, parent, julieVaccination(), {
      name: "carnet.jpg",
      bytes: goodSamples()[1].bytes,
    });
    expect(await julieItem()).toMatch(/en attente de validation/);
    const refused = await reviewDocument(database.prisma, agent, {
      id: first.id,
      decision: "refuse",
      reason: "Pages illisibles",
    });
    expect(refused.refusal).toMatchObject({
      to: [DEMO_ACCOUNTS.parent],
      typeLabel: "Carnet de vaccination (obligatoire)",
      folder: "TEST JULIE",
      reason: "Pages illisibles",
    });
    expect(await julieItem()).toBe(
      "Carnet de vaccination (obligatoire) : document refusé (Pages illisibles), à fournir de nouveau",
    );
    // The refusal's mail committed with it, in the outbox; a refused second decision adds none.
    const refusalMails = () =>
      database.prisma.outboxMail.findMany({
        where: { kind: "document-refusal" },
        select: { to: true, subject: true, status: true },
      });
    const expectedMails = [
      {
        to: DEMO_ACCOUNTS.parent,
        subject: "Pièce justificative refusée : Carnet de vaccination (obligatoire)",
        status: "PENDING",
      },
    ];
    expect(await refusalMails()).toEqual(expectedMails);
    await expect(reviewDocument(database.prisma, agent, { id: first.id, decision: "accept" })).rejects.toThrow(
      "Ce document a déjà été traité ou n'existe plus.",
    );
    await expect(reviewDocument(database.prisma, agent, { id: first.id, decision: "refuse" })).rejects.toThrow(/motif/);
    await expect(reviewDocument(database.prisma, agent, { id: first.id, decision: "refuse", reason: "Encore" })).rejects.toThrow(
      "Ce document a déjà été traité ou n'existe plus.",
    );
    expect(await refusalMails()).toEqual(expectedMails);

    const second = await submitDocument(database.prisma, parent, julieVaccination(), {
      name: "carnet.pdf",
      bytes: goodSamples()[0].bytes,
    });
    expect(await reviewDocument(database.prisma, agent, { id: second.id, decision: "accept" })).toEqual({
      status: "ACCEPTED",
      refusal: null,
    });
    expect(await julieItem()).toBeUndefined();
    const actions = await database.prisma.auditLog.findMany({
      where: { targetId: { in: [first.id, second.id] } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["document.refuse", "document.accept"]);
  });
});

describe("the refusal e-mail", () => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  withTestDatabase("pglite", (suite) => ({ database, smtp } = suite));

  it("reaches the family over SMTP with the reason and a link to send a new document", async () => {
    const town = {
      townName: "Ville de Rodez",
      portalName: "Portail Familles",
      guichetName: "Guichet unique",
      guichetPhone: "05 65 77 88 78",
      guichetEmail: "guichet@mairie-rodez.fr",
    };
    const mail = refusalMail(
      town,
      {
        typeLabel: "Brevet de natation",
        folder: "TEST JULIE",
        uploadedAt: new Date("2026-11-26T09:30:00Z"),
        reason: "Document d'un autre enfant",
      },
      { NEXTAUTH_URL: "https://portail.example" },
    );
    await database.prisma.$transaction((tx) => enqueueMail(tx, "famille.test@demo.fr", mail, "document-refusal"));
    await deliverMails(database, smtp);
    const [received] = await smtp.waitFor(1);
    expect(received.subject).toBe("Pièce justificative refusée : Brevet de natation");
    expect(received.text).toContain("« Brevet de natation » concernant TEST JULIE, transmis le 26/11/2026 à 10:30");
    expect(received.text).toContain("pour le motif suivant : Document d'un autre enfant");
    expect(received.text).toContain("https://portail.example/espace/documents");
  });
});

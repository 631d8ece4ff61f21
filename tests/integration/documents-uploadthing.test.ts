import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { NextRequest } from "next/server";

import { POST as uploadThingRoute } from "@/app/api/uploadthing/route";
import { requireParent, type ParentViewer } from "@/lib/auth/session";
import { deleteServiceDocument, readServiceDocument, uploadServiceDocument } from "@/lib/content/service-documents";
import { adoptStoredDocument, submitDocument } from "@/lib/documents/family-documents";
import { UPLOAD_MESSAGES } from "@/lib/documents/upload-rules";
import { activeStorage } from "@/lib/storage/active-storage";
import { uploadThingStorage } from "@/lib/storage/uploadthing-storage";
import { DEMO_ACCOUNTS, DEMO_IDS, seedDemo } from "@/prisma/seed";

import { badSamples, goodSamples } from "../fixtures/uploads/corpus";
import { startUploadThingStandIn, type UploadThingStandIn } from "../fixtures/uploads/uploadthing-stand-in";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

// The direct-upload route reads the session; here the parent is signed in by fiat.
jest.mock("@/lib/auth/session", () => ({ ...jest.requireActual("@/lib/auth/session"), requireParent: jest.fn() }));

/** The UploadThing storage pointed at the stand-in, with its token or another one. */
const standInStorage = (standIn: UploadThingStandIn, token = standIn.token) =>
  uploadThingStorage({
    token,
    apiUrl: standIn.apiUrl,
    ingestUrl: standIn.ingestUrl,
    ufsHost: standIn.ufsHost,
    ufsAppIdLocation: "path",
  });

/** Runs `run` with `variables` added to the environment, then puts the environment back as it was. */
async function withEnv(variables: Record<string, string>, run: () => Promise<void>) {
  const saved = { ...process.env };
  Object.assign(process.env, variables);
  try {
    await run();
  } finally {
    process.env = saved;
  }
}

describe("the UploadThing storage, against a local stand-in of UploadThing's API", () => {
  let standIn: UploadThingStandIn;
  beforeAll(async () => {
    standIn = await startUploadThingStandIn();
  });
  afterAll(() => standIn?.close());

  const storage = () => standInStorage(standIn);

  it("uploads a private file, reads it back through a signed URL, and deletes it", async () => {
    const pdf = goodSamples()[0].bytes;
    const stored = await storage().put({
      prefix: "documents",
      bytes: pdf,
      mimeType: "application/pdf",
      fileName: "document.pdf",
    });
    expect(stored.kind).toBe("UPLOADTHING");
    const held = standIn.files.get(stored.key);
    expect(held).toMatchObject({ name: "document.pdf", type: "application/pdf", acl: "private" });
    expect(Buffer.compare(held!.bytes, pdf)).toBe(0);

    expect(Buffer.compare(Buffer.from(await storage().read(stored.key)), pdf)).toBe(0);

    await storage().remove(stored.key);
    expect(standIn.files.has(stored.key)).toBe(false);
    await expect(storage().read(stored.key)).rejects.toThrow(/stockage/);
    expect(standIn.requests.map((request) => `${request.method} ${request.path.replace(stored.key, ":key")}`)).toEqual([
      "PUT /ingest/:key",
      "GET /a/portailtestapp/:key",
      "POST /api/v6/deleteFiles",
      "GET /a/portailtestapp/:key",
    ]);
  });

  it("refuses a wrong token: the stand-in checks UploadThing's signatures", async () => {
    const forged = Buffer.from(JSON.stringify({ apiKey: "sk_live_forged", appId: standIn.appId, regions: ["fra1"] })).toString(
      "base64",
    );
    const bad = standInStorage(standIn, forged);
    await expect(
      bad.put({ prefix: "documents", bytes: goodSamples()[1].bytes, mimeType: "image/jpeg", fileName: "photo.jpg" }),
    ).rejects.toThrow(/stockage/);
    expect([...standIn.files.values()].some((file) => file.name === "photo.jpg")).toBe(false);
  });

  it("is the active storage when UPLOADTHING_TOKEN is set, configured by the SDK's own UPLOADTHING_* variables", async () => {
    await withEnv(
      {
        UPLOADTHING_API_URL: standIn.apiUrl,
        UPLOADTHING_INGEST_URL: standIn.ingestUrl,
        UPLOADTHING_UFS_HOST: standIn.ufsHost,
        UPLOADTHING_UFS_APP_ID_LOCATION: "path",
      },
      async () => {
        expect(activeStorage({}).kind).toBe("LOCAL");
        const storage = activeStorage({ UPLOADTHING_TOKEN: standIn.token });
        expect(storage.kind).toBe("UPLOADTHING");
        const png = goodSamples()[3].bytes;
        const stored = await storage.put({ prefix: "documents", bytes: png, mimeType: "image/png", fileName: "scan.png" });
        expect(Buffer.compare(Buffer.from(await storage.read(stored.key)), png)).toBe(0);
      },
    );
  });
});

describe.each(testDatabaseKinds())("documents stored on UploadThing (stand-in), on %s", (kind) => {
  let standIn: UploadThingStandIn;
  let database: TestDatabase;
  let parent: ParentViewer;
  let vaccinationTypeId: string;
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), `portail-ut-${kind}-`));

  beforeAll(async () => {
    standIn = await startUploadThingStandIn();
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    await seedDemo(database.prisma, { storageRoot });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.parent }, select: { id: true } });
    parent = { userId: user.id, email: DEMO_ACCOUNTS.parent, name: "TEST", role: "PARENT", familyId: DEMO_IDS.family };
    vaccinationTypeId = (await database.prisma.documentType.findUniqueOrThrow({ where: { code: "CARNET_VACCINATION" } })).id;
  });
  afterAll(async () => {
    await standIn?.close();
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const storage = () => standInStorage(standIn);
  const input = () => ({ concerns: DEMO_IDS.julie, typeId: vaccinationTypeId });

  it("stores an accepted upload on UploadThing and records where it is", async () => {
    const jpeg = goodSamples()[1];
    const { id } = await submitDocument(database.prisma, parent, input(), { name: jpeg.name, bytes: jpeg.bytes }, storage());
    const row = await database.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ storageKind: "UPLOADTHING", mimeType: "image/jpeg" });
    expect(standIn.files.get(row.storageKey)?.acl).toBe("private");
  });

  it("sends a browser's direct upload private, as the server's own uploads", async () => {
    jest.mocked(requireParent).mockResolvedValue(parent);
    await withEnv(
      {
        UPLOADTHING_TOKEN: standIn.token,
        UPLOADTHING_INGEST_URL: standIn.ingestUrl,
        UPLOADTHING_API_URL: standIn.apiUrl,
        UPLOADTHING_LOG_LEVEL: "Error",
      },
      async () => {
        const pdf = goodSamples()[0];
        // What uploadthing/client asks our route for before sending the file: presigned URLs.
        const presign = await uploadThingRoute(
          new NextRequest("http://localhost:3000/api/uploadthing?actionType=upload&slug=supportingDocument", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              files: [{ name: "certificat.pdf", size: pdf.bytes.length, type: "application/pdf" }],
              input: input(),
            }),
          }),
        );
        expect(presign.status).toBe(200);
        const [presigned] = (await presign.json()) as { url: string; key: string }[];
        expect(standIn.routeMetadata.at(-1)?.fileKeys).toEqual([presigned.key]);
        expect(new URL(presigned.url).searchParams.get("x-ut-acl")).toBe("private");

        // Then the browser sends the file to that URL; the stand-in keeps the ACL it was signed with.
        const form = new FormData();
        form.append("file", new Blob([Buffer.from(pdf.bytes)], { type: "application/pdf" }));
        expect((await fetch(presigned.url, { method: "PUT", body: form })).status).toBe(200);
        expect(standIn.files.get(presigned.key)).toMatchObject({
          name: "certificat.pdf",
          type: "application/pdf",
          acl: "private",
        });
      },
    );
  });

  it("never sends a refused file to UploadThing", async () => {
    const count = standIn.files.size;
    const svg = badSamples().find((sample) => sample.name === "drawing.svg")!;
    await expect(
      submitDocument(database.prisma, parent, input(), { name: svg.name, bytes: svg.bytes }, storage()),
    ).rejects.toThrow(UPLOAD_MESSAGES.type);
    expect(standIn.files.size).toBe(count);
  });

  it("checks a direct upload's bytes after the fact: a good one is recorded, a bad one deleted from UploadThing", async () => {
    const rows = await database.prisma.document.count();
    const good = await storage().put({
      prefix: "documents",
      bytes: goodSamples()[3].bytes,
      mimeType: "image/png",
      fileName: "scan.png",
    });
    const adopted = await adoptStoredDocument(database.prisma, parent, input(), { ...good, name: "scan.png" }, storage());
    expect(adopted.mimeType).toBe("image/png");

    const zip = badSamples().find((sample) => sample.name === "archive.jpg")!;
    const bad = await storage().put({ prefix: "documents", bytes: zip.bytes, mimeType: "image/jpeg", fileName: "archive.jpg" });
    await expect(
      adoptStoredDocument(database.prisma, parent, input(), { ...bad, name: "archive.jpg" }, storage()),
    ).rejects.toThrow(UPLOAD_MESSAGES.type);
    expect(standIn.files.has(bad.key)).toBe(false);
    expect(await database.prisma.document.count()).toBe(rows + 1);
  });

  it("stores a public service document on UploadThing too, serves it back and deletes it there", async () => {
    const admin = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin }, select: { id: true } });
    const viewer = { userId: admin.id, email: DEMO_ACCOUNTS.admin, name: "Admin", role: "ADMIN" as const, familyId: null };
    const activity = await database.prisma.activity.findFirstOrThrow({ select: { id: true } });
    const pdf = goodSamples()[0].bytes;
    const { id } = await uploadServiceDocument(
      database.prisma,
      viewer,
      {
        activityId: activity.id,
        kind: "REGLEMENT",
        title: "Règlement intérieur",
        file: new File([Buffer.from(pdf)], "reglement.pdf"),
      },
      storage(),
    );
    const row = await database.prisma.serviceDocument.findUniqueOrThrow({ where: { id } });
    expect(row.storageKind).toBe("UPLOADTHING");
    expect(standIn.files.has(row.storageKey)).toBe(true);
    await withEnv(
      {
        UPLOADTHING_TOKEN: standIn.token,
        UPLOADTHING_API_URL: standIn.apiUrl,
        UPLOADTHING_INGEST_URL: standIn.ingestUrl,
        UPLOADTHING_UFS_HOST: standIn.ufsHost,
        UPLOADTHING_UFS_APP_ID_LOCATION: "path",
      },
      async () => {
        const served = await readServiceDocument(database.prisma, id);
        expect(Buffer.compare(Buffer.from(served!.bytes), Buffer.from(pdf))).toBe(0);
        await deleteServiceDocument(database.prisma, viewer, id);
        expect(standIn.files.has(row.storageKey)).toBe(false);
      },
    );
  });
});

import { activeStorage } from "@/lib/storage/active-storage";
import { uploadThingStorage } from "@/lib/storage/uploadthing-storage";
import { goodSamples } from "../fixtures/uploads/corpus";
import { startUploadThingStandIn, type UploadThingStandIn } from "../fixtures/uploads/uploadthing-stand-in";

describe("the UploadThing storage, against a local stand-in of UploadThing's API", () => {
  let standIn: UploadThingStandIn;
  beforeAll(async () => {
    standIn = await startUploadThingStandIn();
  });
  afterAll(() => standIn?.close());

  const storage = () =>
    uploadThingStorage({ token: standIn.token, apiUrl: standIn.apiUrl, ingestUrl: standIn.ingestUrl, ufsHost: standIn.ufsHost, ufsAppIdLocation: "path" });

  it("uploads a private file, reads it back through a signed URL, and deletes it", async () => {
    const pdf = goodSamples()[0].bytes;
    const stored = await storage().put({ prefix: "documents", bytes: pdf, mimeType: "application/pdf", fileName: "document.pdf" });
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
    const forged = Buffer.from(JSON.stringify({ apiKey: "sk_live_forged", appId: standIn.appId, regions: ["fra1"] })).toString("base64");
    const bad = uploadThingStorage({ token: forged, apiUrl: standIn.apiUrl, ingestUrl: standIn.ingestUrl, ufsHost: standIn.ufsHost, ufsAppIdLocation: "path" });
    await expect(bad.put({ prefix: "documents", bytes: goodSamples()[1].bytes, mimeType: "image/jpeg", fileName: "photo.jpg" })).rejects.toThrow(/stockage/);
    expect([...standIn.files.values()].some((file) => file.name === "photo.jpg")).toBe(false);
  });

  it("is the active storage when UPLOADTHING_TOKEN is set, configured by the SDK's own UPLOADTHING_* variables", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      UPLOADTHING_API_URL: standIn.apiUrl,
      UPLOADTHING_INGEST_URL: standIn.ingestUrl,
      UPLOADTHING_UFS_HOST: standIn.ufsHost,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
    });
    try {
      expect(activeStorage({}).kind).toBe("LOCAL");
      const storage = activeStorage({ UPLOADTHING_TOKEN: standIn.token });
      expect(storage.kind).toBe("UPLOADTHING");
      const png = goodSamples()[3].bytes;
      const stored = await storage.put({ prefix: "documents", bytes: png, mimeType: "image/png", fileName: "scan.png" });
      expect(Buffer.compare(Buffer.from(await storage.read(stored.key)), png)).toBe(0);
    } finally {
      process.env = saved;
    }
  });
});

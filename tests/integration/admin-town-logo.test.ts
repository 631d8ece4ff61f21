// The town logo (admin only): decided from the bytes, stored under a server-made key, served
// publicly by the route handler, replaced and removed without leaving files behind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GET } from "@/app/api/town-logo/route";
import type { StaffViewer } from "@/lib/auth/session";
import { getTownSettings } from "@/lib/town/settings";
import { removeTownLogo, uploadTownLogo } from "@/lib/town/town-logo";
import { TOWN_LOGO_MAX_BYTES, TOWN_LOGO_MESSAGES, ZTownLogoSchema } from "@/lib/town/town-logo.schema";
import { createStaffViewer, createTown } from "../helpers/admin-fixtures";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

const upload = (name: string) => path.join(__dirname, "../fixtures/uploads", name);
const fileOf = (name: string, bytes: Uint8Array = fs.readFileSync(upload(name))) => new File([Buffer.from(bytes)], name);

jest.mock("next/server", () => ({ ...jest.requireActual("next/server"), connection: async () => undefined }));

describe.each(testDatabaseKinds())("the town logo on %s", (kind) => {
  let database: TestDatabase;
  let admin: StaffViewer;
  let agent: StaffViewer;
  let storageRoot: string;
  const savedStorageDir = process.env.STORAGE_DIR;
  const logoPath = async () => (await database.prisma.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { logoPath: true } })).logoPath;
  const storedFiles = () => (fs.existsSync(path.join(storageRoot, "town-logo")) ? fs.readdirSync(path.join(storageRoot, "town-logo")) : []);

  beforeAll(async () => {
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), `portail-logo-${kind}-`));
    process.env.STORAGE_DIR = storageRoot;
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    await createTown(database.prisma);
    admin = await createStaffViewer(database.prisma, "ADMIN");
    agent = await createStaffViewer(database.prisma, "AGENT");
  });
  afterAll(async () => {
    process.env.STORAGE_DIR = savedStorageDir;
    fs.rmSync(storageRoot, { recursive: true, force: true });
    await database?.drop();
  });

  it("has no logo at first: the route answers 404 and the header gets no image", async () => {
    expect(await logoPath()).toBeNull();
    expect((await GET()).status).toBe(404);
    expect((await getTownSettings()).logoUrl).toBeNull();
  });

  it("refuses an agent, with nothing stored", async () => {
    await expect(uploadTownLogo(agent, fileOf("good-scan.png"))).rejects.toThrow("Seul un administrateur peut modifier le logo de la commune.");
    expect(await logoPath()).toBeNull();
    expect(storedFiles()).toEqual([]);
  });

  it.each([
    ["an SVG drawing", "drawing.svg", TOWN_LOGO_MESSAGES.type],
    ["HTML named .png", "html-page.png", TOWN_LOGO_MESSAGES.type],
    ["a PDF", "good-document.pdf", TOWN_LOGO_MESSAGES.type],
    ["a truncated PNG", "truncated.png", "Le fichier est endommagé ou incomplet et ne peut pas être lu : enregistrez-le de nouveau puis réessayez."],
    ["an empty file", "empty.pdf", TOWN_LOGO_MESSAGES.missing],
  ])("refuses %s with a French message, leaving no file and no change", async (_label, name, message) => {
    await expect(uploadTownLogo(admin, fileOf(name))).rejects.toThrow(message);
    expect(await logoPath()).toBeNull();
    expect(storedFiles()).toEqual([]);
  });

  it("refuses an image over 500 Ko in the schema and in the function", async () => {
    const big = new Uint8Array(TOWN_LOGO_MAX_BYTES + 1);
    const parsed = ZTownLogoSchema.safeParse({ file: fileOf("big.png", big) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(TOWN_LOGO_MESSAGES.tooLarge);
    await expect(uploadTownLogo(admin, fileOf("big.png", big))).rejects.toThrow(TOWN_LOGO_MESSAGES.tooLarge);
    expect(storedFiles()).toEqual([]);
  });

  it("stores a PNG, audits it, serves it with its detected type, and shows it in the header", async () => {
    await uploadTownLogo(admin, fileOf("good-scan.png"));
    const key = await logoPath();
    expect(key).toMatch(/^town-logo\/[0-9a-f-]{36}$/);
    expect(storedFiles()).toEqual([key!.split("/")[1]]);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(upload("good-scan.png")))).toBe(true);
    expect((await getTownSettings()).logoUrl).toMatch(/^\/api\/town-logo\?v=\d+$/);
    const audit = await database.prisma.auditLog.findMany({ where: { action: "town-logo.update" }, select: { actorUserId: true } });
    expect(audit).toEqual([{ actorUserId: admin.userId }]);
  });

  it("replaces the logo with a JPEG and removes the previous file", async () => {
    const before = await logoPath();
    await uploadTownLogo(admin, fileOf("good-photo.jpg"));
    const after = await logoPath();
    expect(after).not.toBe(before);
    expect(storedFiles()).toEqual([after!.split("/")[1]]);
    expect((await GET()).headers.get("content-type")).toBe("image/jpeg");
  });

  it("lets an admin remove the logo (not an agent): file gone, route 404, audited", async () => {
    await expect(removeTownLogo(agent)).rejects.toThrow("Seul un administrateur");
    expect(await logoPath()).not.toBeNull();
    await removeTownLogo(admin);
    expect(await logoPath()).toBeNull();
    expect(storedFiles()).toEqual([]);
    expect((await GET()).status).toBe(404);
    expect(await database.prisma.auditLog.count({ where: { action: "town-logo.remove" } })).toBe(1);
    await expect(removeTownLogo(admin)).rejects.toThrow("La commune n'a pas de logo.");
  });
});

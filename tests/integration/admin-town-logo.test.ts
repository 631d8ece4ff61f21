// The town logo (admin only): decided from the bytes, kept in the database (so every instance
// serves it), served publicly by the route handler, replaced and removed.
import fs from "node:fs";
import path from "node:path";

import { GET } from "@/app/api/town-logo/route";
import type { StaffViewer } from "@/lib/auth/session";
import { getTownSettings } from "@/lib/town/settings";
import { removeTownLogo, uploadTownLogo } from "@/lib/town/town-logo";
import { TOWN_LOGO_MAX_BYTES, TOWN_LOGO_MESSAGES, ZTownLogoSchema } from "@/lib/town/town-logo.schema";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const upload = (name: string) => path.join(__dirname, "../fixtures/uploads", name);
const fileOf = (name: string, bytes: Uint8Array = fs.readFileSync(upload(name))) => new File([Buffer.from(bytes)], name);

// getTownSettings() opts out of static rendering with next/server's connection(), which only
// works inside a request; outside one it has nothing to do.
jest.mock("next/server", () => ({ ...jest.requireActual("next/server"), connection: async () => undefined }));

describe.each(testDatabaseKinds())("the town logo on %s", (kind) => {
  let database: TestDatabase;
  let admin: StaffViewer;
  let agent: StaffViewer;
  const stored = async () => {
    const row = await database.prisma.townSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { logo: true, logoMimeType: true },
    });
    return { mimeType: row.logoMimeType, size: row.logo?.length ?? null };
  };
  const NONE = { mimeType: null, size: null };

  withStaffTestBed(kind, async (suite) => {
    ({ database, agent } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
  });

  it("has no logo at first: the route answers 404 and the header gets no image", async () => {
    expect(await stored()).toEqual(NONE);
    expect((await GET()).status).toBe(404);
    expect((await getTownSettings(database.prisma)).logoUrl).toBeNull();
  });

  it("refuses an agent, with nothing stored", async () => {
    await expect(uploadTownLogo(database.prisma, agent, fileOf("good-scan.png"))).rejects.toThrow(
      "Seul un administrateur peut modifier le logo de la commune.",
    );
    expect(await stored()).toEqual(NONE);
  });

  it.each([
    ["an SVG drawing", "drawing.svg", TOWN_LOGO_MESSAGES.type],
    ["HTML named .png", "html-page.png", TOWN_LOGO_MESSAGES.type],
    ["a PDF", "good-document.pdf", TOWN_LOGO_MESSAGES.type],
    [
      "a truncated PNG",
      "truncated.png",
      "Le fichier est endommagé ou incomplet et ne peut pas être lu : enregistrez-le de nouveau puis réessayez.",
    ],
    ["an empty file", "empty.pdf", TOWN_LOGO_MESSAGES.missing],
  ])("refuses %s with a French message, and changes nothing", async (_label, name, message) => {
    await expect(uploadTownLogo(database.prisma, admin, fileOf(name))).rejects.toThrow(message);
    expect(await stored()).toEqual(NONE);
  });

  it("refuses an image over 500 Ko in the schema, in the function and in the database", async () => {
    const big = new Uint8Array(TOWN_LOGO_MAX_BYTES + 1);
    const parsed = ZTownLogoSchema.safeParse({ file: fileOf("big.png", big) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(TOWN_LOGO_MESSAGES.tooLarge);
    await expect(uploadTownLogo(database.prisma, admin, fileOf("big.png", big))).rejects.toThrow(TOWN_LOGO_MESSAGES.tooLarge);
    await expect(
      database.prisma.townSettings.update({ where: { id: 1 }, data: { logo: big, logoMimeType: "image/png" } }),
    ).rejects.toThrow(/TownSettings_logo_shape/);
    await expect(
      database.prisma.townSettings.update({ where: { id: 1 }, data: { logo: Uint8Array.of(1), logoMimeType: "image/svg+xml" } }),
    ).rejects.toThrow(/TownSettings_logo_shape/);
    expect(await stored()).toEqual(NONE);
  });

  it("stores a PNG, audits it, serves it with its detected type, and shows it in the header", async () => {
    const png = fs.readFileSync(upload("good-scan.png"));
    await uploadTownLogo(database.prisma, admin, fileOf("good-scan.png"));
    expect(await stored()).toEqual({ mimeType: "image/png", size: png.length });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect((await getTownSettings(database.prisma)).logoUrl).toMatch(/^\/api\/town-logo\?v=\d+$/);
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "town-logo.update" },
      select: { actorUserId: true },
    });
    expect(audit).toEqual([{ actorUserId: admin.userId }]);
  });

  it("replaces the logo with a JPEG; the header's address changes so browsers fetch the new one", async () => {
    const before = (await getTownSettings(database.prisma)).logoUrl;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await uploadTownLogo(database.prisma, admin, fileOf("good-photo.jpg"));
    expect(await stored()).toEqual({ mimeType: "image/jpeg", size: fs.statSync(upload("good-photo.jpg")).size });
    expect((await GET()).headers.get("content-type")).toBe("image/jpeg");
    expect((await getTownSettings(database.prisma)).logoUrl).not.toBe(before);
  });

  it("lets an admin remove the logo (not an agent): route 404, audited", async () => {
    await expect(removeTownLogo(database.prisma, agent)).rejects.toThrow("Seul un administrateur");
    expect((await stored()).mimeType).toBe("image/jpeg");
    await removeTownLogo(database.prisma, admin);
    expect(await stored()).toEqual(NONE);
    expect((await GET()).status).toBe(404);
    expect(await database.prisma.auditLog.count({ where: { action: "town-logo.remove" } })).toBe(1);
    await expect(removeTownLogo(database.prisma, admin)).rejects.toThrow("La commune n'a pas de logo.");
  });
});

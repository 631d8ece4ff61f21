import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { loadCompleteness } from "@/lib/families/load-completeness";
import { DEMO_IDS, seedDemo } from "@/prisma/seed";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("completeness of the demo family on %s", (kind) => {
  let database: TestDatabase;
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-completeness-"));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.prisma, { storageRoot });
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("has a complete family record, Julien bookable at once, Julie's empty sheet itemised", async () => {
    const result = await loadCompleteness(database.prisma, DEMO_IDS.family);
    expect(result?.complete).toBe(true);
    const julien = result?.children.find((child) => child.childId === DEMO_IDS.julien);
    const julie = result?.children.find((child) => child.childId === DEMO_IDS.julie);
    expect(julien).toMatchObject({ complete: true, bookable: true, missing: [] });
    expect(julie?.bookable).toBe(false);
    expect(julie?.missing.map((item) => item.code)).toContain("document.CARNET_VACCINATION");
    expect(julie?.missing.map((item) => item.code)).toContain("child.emergency");
  });

  it("turns Julien incomplete when his vaccination record is refused", async () => {
    await database.prisma.document.update({
      where: { id: DEMO_IDS.julienVaccination },
      data: { status: "REFUSED", refusalReason: "Illisible" },
    });
    const result = await loadCompleteness(database.prisma, DEMO_IDS.family);
    const julien = result?.children.find((child) => child.childId === DEMO_IDS.julien);
    expect(julien?.missing.map((item) => item.label)).toEqual([
      "Carnet de vaccination (obligatoire) : document refusé (Illisible), à fournir de nouveau",
    ]);
  });

  it("finds nothing for an unknown family", async () => {
    expect(await loadCompleteness(database.prisma, "00000000-0000-4000-8000-000000000999")).toBeNull();
  });
});

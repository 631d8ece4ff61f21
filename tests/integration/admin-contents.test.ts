import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { StaffViewer } from "@/lib/auth/session";
import { createNews, setNewsPublished, updateNews } from "@/lib/content/news";
import { ZNewsUpdateSchema } from "@/lib/content/news.schema";
import { ZServiceDocumentSchema } from "@/lib/content/service-document.schema";
import { deleteServiceDocument, readServiceDocument, uploadServiceDocument } from "@/lib/content/service-documents";
import { listPublishedNews } from "@/lib/town/home-content";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

describe.each(testDatabaseKinds())("contents: service documents and news on %s", (kind) => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let activityId: string;
  let storage: string;
  const previousStorage = process.env.STORAGE_DIR;

  beforeAll(async () => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), "portail-contents-"));
    process.env.STORAGE_DIR = storage;
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    agent = await createStaffViewer(database.prisma, "AGENT");
    activityId = (
      await database.prisma.activity.create({ data: { code: "RESTAURATION_SCOLAIRE", name: "RESTAURATION SCOLAIRE" } })
    ).id;
  });
  afterAll(async () => {
    process.env.STORAGE_DIR = previousStorage;
    await database?.drop();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it("stores a PDF as a public service document, serves it back, and deletes row and file together", async () => {
    const input = ZServiceDocumentSchema.parse({
      activityId,
      kind: "REGLEMENT",
      title: "Règlement de la cantine",
      file: new File([PDF], "règlement.pdf", { type: "application/pdf" }),
    });
    const { id } = await uploadServiceDocument(database.prisma, agent, input);
    const row = await database.prisma.serviceDocument.findUniqueOrThrow({
      where: { id },
      select: { storageKey: true, mimeType: true, size: true },
    });
    expect(row.storageKey).toMatch(/^service-documents\/[0-9a-f-]{36}$/);
    expect(row).toEqual(expect.objectContaining({ mimeType: "application/pdf", size: PDF.length }));
    const served = await readServiceDocument(database.prisma, id);
    expect(served?.originalName).toBe("règlement.pdf");
    expect(Buffer.compare(served!.bytes, PDF)).toBe(0);

    await deleteServiceDocument(database.prisma, agent, id);
    expect(await readServiceDocument(database.prisma, id)).toBeNull();
    expect(fs.existsSync(path.join(storage, row.storageKey))).toBe(false);
    expect(await database.prisma.auditLog.count({ where: { targetId: id, action: { startsWith: "service-document." } } })).toBe(
      2,
    );
  });

  it("refuses a file that is not a PDF whatever its name, and leaves no file behind", async () => {
    const input = ZServiceDocumentSchema.parse({
      activityId,
      kind: "TARIFS",
      title: "Tarifs",
      file: new File(["<html>pas un pdf</html>"], "tarifs.pdf", { type: "application/pdf" }),
    });
    await expect(uploadServiceDocument(database.prisma, agent, input)).rejects.toThrow("Le fichier doit être un PDF.");
    const folder = path.join(storage, "service-documents");
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    const big = ZServiceDocumentSchema.safeParse({
      activityId,
      kind: "TARIFS",
      title: "Gros",
      file: new File([new Uint8Array(1_000_001)], "gros.pdf"),
    });
    expect(big.error?.issues[0].message).toBe("Le fichier ne doit pas dépasser 1 Mo.");
  });

  // The news items below are written on 20 November 2026, 09:00 in Rodez.
  const NEWS_WRITTEN_AT = new Date("2026-11-20T08:00:00Z");
  const writeNews = (news: { title: string; body: string; published: boolean }) =>
    createNews(database.prisma, agent, news, NEWS_WRITTEN_AT);

  it("publishes and withdraws a news item from the home page", async () => {
    const later = new Date("2026-11-21T08:00:00Z");
    const { id } = await writeNews({ title: "Menus de décembre", body: "Les menus sont en ligne.", published: false });
    const titles = async () => (await listPublishedNews(database.prisma, later)).map((news) => news.title);
    expect(await titles()).not.toContain("Menus de décembre");
    await setNewsPublished(database.prisma, agent, id, true, NEWS_WRITTEN_AT);
    expect(await titles()).toContain("Menus de décembre");
    await setNewsPublished(database.prisma, agent, id, false, NEWS_WRITTEN_AT);
    expect(await titles()).not.toContain("Menus de décembre");
  });

  it("corrects the title and text of a published news item, audited, and keeps its publication", async () => {
    const { id } = await writeNews({ title: "Menus de janvier", body: "Texte provisoire.", published: true });
    await updateNews(
      database.prisma,
      agent,
      id,
      ZNewsUpdateSchema.parse({ id, title: "  Menus de janvier 2027 ", body: "Les menus de janvier sont en ligne." }),
    );
    const published = (await listPublishedNews(database.prisma, new Date("2026-11-21T08:00:00Z"))).find((news) => news.id === id);
    expect(published).toEqual({
      id,
      title: "Menus de janvier 2027",
      body: "Les menus de janvier sont en ligne.",
      publishedAt: NEWS_WRITTEN_AT,
    });
    expect(await database.prisma.auditLog.count({ where: { targetId: id, action: "news.update" } })).toBe(1);

    expect(ZNewsUpdateSchema.safeParse({ id, title: "", body: "Texte" }).error?.issues[0].message).toBe(
      "Le titre doit comporter au moins 3 caractères.",
    );
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(updateNews(database.prisma, agent, missing, { title: "Fantôme", body: "Texte" })).rejects.toThrow(
      "Actualité introuvable.",
    );
  });
});

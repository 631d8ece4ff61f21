import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { forgetSharedReads } from "@/lib/server/shared-reads";
import { activeStorage, storageFor } from "@/lib/storage/active-storage";
import type { FileStorage } from "@/lib/storage/file-storage";

// Public documents of a service (règlement, tarifs, programme): stored like the supporting
// documents (the active storage — private local disk or UploadThing —, server-generated key)
// but served to anyone by app/api/service-documents/[id]/route.ts, since the home page lists them.

export async function listServiceDocuments(db: Db) {
  return db.serviceDocument.findMany({
    orderBy: [{ activity: { sortOrder: "asc" } }, { createdAt: "desc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      originalName: true,
      size: true,
      createdAt: true,
      activity: { select: { name: true } },
    },
  });
}

export async function uploadServiceDocument(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { activityId: string; kind: "REGLEMENT" | "TARIFS" | "PROGRAMME"; title: string; file: File },
  storage: FileStorage = activeStorage(),
) {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  // The content decides, not the name or the browser's claim: a PDF starts with "%PDF-".
  // (Only PDFs are accepted here, so the signature check is all file-type would do.)
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
    throw new AppError("NOT_PDF", "Le fichier doit être un PDF.");
  const type = { mime: "application/pdf" };
  const stored = await storage.put({ prefix: "service-documents", bytes, mimeType: type.mime, fileName: "document.pdf" });
  try {
    const created = await db.$transaction(async (tx) => {
      const activity = await tx.activity.findUnique({ where: { id: input.activityId }, select: { id: true } });
      if (!activity) throw new AppError("NOT_FOUND", "Service introuvable.");
      const document = await tx.serviceDocument.create({
        data: {
          activityId: input.activityId,
          kind: input.kind,
          title: input.title,
          originalName: input.file.name.slice(0, 200) || "document.pdf",
          storageKind: stored.kind,
          storageKey: stored.key,
          mimeType: type.mime,
          size: bytes.length,
        },
        select: { id: true },
      });
      return auditCreated(tx, viewer, document, {
        action: "service-document.create",
        targetType: "ServiceDocument",
        details: { title: input.title, kind: input.kind },
      });
    });
    forgetSharedReads();
    return created;
  } catch (error) {
    await storage.remove(stored.key); // the row was not written: no orphan file
    throw error;
  }
}

export async function deleteServiceDocument(db: PrismaClient, viewer: StaffViewer, id: string) {
  const document = await db.$transaction(async (tx) => {
    const found = await tx.serviceDocument.findUnique({
      where: { id },
      select: { storageKind: true, storageKey: true, title: true },
    });
    if (!found) throw new AppError("NOT_FOUND", "Document introuvable.");
    await tx.serviceDocument.delete({ where: { id } });
    await writeAudit(tx, viewer, {
      action: "service-document.delete",
      targetType: "ServiceDocument",
      targetId: id,
      details: { title: found.title },
    });
    return found;
  });
  forgetSharedReads();
  await storageFor(document.storageKind).remove(document.storageKey); // after commit
}

/** For the public route: anyone may read a service document. */
export async function readServiceDocument(db: Db, id: string) {
  const document = await db.serviceDocument.findUnique({
    where: { id },
    select: { storageKind: true, storageKey: true, mimeType: true, originalName: true },
  });
  if (!document) return null;
  return {
    mimeType: document.mimeType,
    originalName: document.originalName,
    bytes: await storageFor(document.storageKind).read(document.storageKey),
  };
}

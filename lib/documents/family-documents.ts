import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { DocumentScope, DocumentStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { activeStorage, storageFor } from "@/lib/storage/active-storage";
import type { FileStorage, StoredFile } from "@/lib/storage/file-storage";

import { DOCUMENT_FOLDER_FIELDS, documentFolder } from "./document-folder";
import { DOCUMENT_NAME_MAX, FAMILY_SCOPE, type TUploadDocument } from "./document.schema";
import { cleanOriginalName, documentName } from "./file-name";
import { inspectUpload, UploadRefusedError } from "./inspect-upload";
import { ACCEPTED_TYPES, type AcceptedMimeType } from "./upload-rules";

export type UploadChoices = {
  children: { id: string; name: string }[];
  types: { id: string; label: string; scope: DocumentScope; mandatory: boolean; helpText: string | null }[];
};

export type FamilyDocumentRow = {
  id: string;
  folder: string;
  typeLabel: string;
  status: DocumentStatus;
  refusalReason: string | null;
  uploadedAt: Date;
  /** « Rappelez le nom du document ». */
  name: string;
  originalName: string;
};

/** Who a document can concern (the family, its children) and the active document types. */
export async function getUploadChoices(db: Db, viewer: ParentViewer): Promise<UploadChoices> {
  const [children, types] = await Promise.all([
    db.child.findMany({
      where: { familyId: viewer.familyId },
      orderBy: [{ birthDate: "desc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true },
    }),
    db.documentType.findMany({
      where: { active: true },
      orderBy: [{ scope: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, label: true, scope: true, mandatory: true, helpText: true },
    }),
  ]);
  return { children: children.map((child) => ({ id: child.id, name: childName(child) })), types };
}

/** Mes documents: the family's documents, newest first. */
export async function listFamilyDocuments(db: Db, viewer: ParentViewer, take?: number): Promise<FamilyDocumentRow[]> {
  const documents = await db.document.findMany({
    where: { familyId: viewer.familyId },
    orderBy: { uploadedAt: "desc" },
    take,
    select: {
      id: true,
      status: true,
      refusalReason: true,
      uploadedAt: true,
      name: true,
      originalName: true,
      ...DOCUMENT_FOLDER_FIELDS,
    },
  });
  return documents.map((document) => ({
    id: document.id,
    folder: documentFolder(document),
    typeLabel: document.type.label,
    status: document.status,
    refusalReason: document.refusalReason,
    uploadedAt: document.uploadedAt,
    name: document.name,
    originalName: document.originalName,
  }));
}

export type UploadedFile = { name: string; bytes: Uint8Array };
export type UploadTarget = {
  childId: string | null;
  typeId: string;
  name: string | undefined;
  earlyChildhoodRequestId?: string | null;
};

/** Who and what the document concerns, looked up within the family: a foreign child id finds nothing. */
export async function resolveUploadTarget(db: Db, viewer: ParentViewer, input: TUploadDocument): Promise<UploadTarget> {
  const childId = input.concerns === FAMILY_SCOPE ? null : input.concerns;
  const requestId = input.earlyChildhoodRequestId || null;
  const [child, type, request] = await Promise.all([
    childId ? db.child.findFirst({ where: { id: childId, familyId: viewer.familyId }, select: { id: true } }) : null,
    db.documentType.findFirst({ where: { id: input.typeId, active: true }, select: { id: true, scope: true } }),
    requestId
      ? db.earlyChildhoodRequest.findFirst({ where: { id: requestId, familyId: viewer.familyId }, select: { id: true } })
      : null,
  ]);
  if (childId && !child) throw new AppError("NOT_FOUND", "Choisissez la famille ou l'un de vos enfants.");
  if (requestId && !request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  if (!type || type.scope !== (childId ? "CHILD" : "FAMILY")) {
    throw new AppError(
      "INVALID_TYPE",
      childId ? "Choisissez un type de document concernant un enfant." : "Choisissez un type de document concernant la famille.",
    );
  }
  return { childId, typeId: type.id, name: input.name ?? undefined, earlyChildhoodRequestId: requestId };
}

async function inspectOrRefuse(bytes: Uint8Array): Promise<AcceptedMimeType> {
  const inspection = await inspectUpload(bytes);
  if (!inspection.ok) throw new UploadRefusedError(inspection.reason);
  return inspection.mimeType;
}

async function insertDocument(
  db: Db,
  viewer: ParentViewer,
  target: UploadTarget,
  file: UploadedFile,
  mimeType: AcceptedMimeType,
  stored: StoredFile,
) {
  return db.document.create({
    data: {
      familyId: viewer.familyId,
      childId: target.childId,
      typeId: target.typeId,
      earlyChildhoodRequestId: target.earlyChildhoodRequestId ?? null,
      name: documentName(target.name, file.name, DOCUMENT_NAME_MAX),
      originalName: cleanOriginalName(file.name),
      storageKind: stored.kind,
      storageKey: stored.key,
      mimeType,
      size: file.bytes.length,
      sha256: await sha256(file.bytes),
      uploadedByUserId: viewer.userId,
      uploadedAt: clock.now(),
    },
    select: { id: true },
  });
}

/**
 * Stores one supporting document for the viewer's family: the child and the type are looked
 * up within the family, the bytes decide the type, and a refused file leaves nothing behind —
 * no file, no row.
 */
export async function submitDocument(
  db: Db,
  viewer: ParentViewer,
  input: TUploadDocument,
  file: UploadedFile,
  storage: FileStorage = activeStorage(),
): Promise<{ id: string; mimeType: AcceptedMimeType }> {
  const target = await resolveUploadTarget(db, viewer, input);
  const mimeType = await inspectOrRefuse(file.bytes);
  const stored = await storage.put({
    prefix: "documents",
    bytes: file.bytes,
    mimeType,
    fileName: `document.${ACCEPTED_TYPES[mimeType].ext}`,
  });
  try {
    const document = await insertDocument(db, viewer, target, file, mimeType, stored);
    return { id: document.id, mimeType };
  } catch (error) {
    await removeOrLog(storage, stored.key, "orphan file left after a failed insert");
    throw error;
  }
}

/** Removes a file no row will point to; a storage failure is logged, never shown over the first error. */
async function removeOrLog(storage: FileStorage, key: string, problem: string): Promise<void> {
  await storage.remove(key).catch((cleanup) => console.error(`[documents] ${problem}`, key, cleanup));
}

/**
 * For a file the browser sent straight to the storage (UploadThing's direct upload): the same
 * checks on the bytes read back; a refused file is deleted from the storage at once.
 */
export async function adoptStoredDocument(
  db: Db,
  viewer: ParentViewer,
  input: TUploadDocument,
  stored: StoredFile & { name: string },
  storage: FileStorage,
): Promise<{ id: string; mimeType: AcceptedMimeType }> {
  try {
    const target = await resolveUploadTarget(db, viewer, input);
    const bytes = await storage.read(stored.key);
    const mimeType = await inspectOrRefuse(bytes);
    const document = await insertDocument(db, viewer, target, { name: stored.name, bytes }, mimeType, stored);
    return { id: document.id, mimeType };
  } catch (error) {
    await removeOrLog(storage, stored.key, "refused file not removed from the storage");
    throw error;
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString("hex");
}

/** The parent deletes a document the Guichet unique has not accepted; the file goes after the row. */
export async function deleteFamilyDocument(db: Db, viewer: ParentViewer, id: string): Promise<void> {
  const where = { id, familyId: viewer.familyId, status: { not: "ACCEPTED" as const } };
  const document = await db.document.findFirst({ where, select: { storageKind: true, storageKey: true } });
  const { count } = document ? await db.document.deleteMany({ where }) : { count: 0 };
  if (count === 0)
    throw new AppError("NOT_FOUND", "Ce document n'existe plus ou a déjà été accepté : il ne peut pas être supprimé.");
  await storageFor(document!.storageKind)
    .remove(document!.storageKey)
    .catch((error) => console.error("[documents] file not removed after deleting its row", document!.storageKey, error));
}

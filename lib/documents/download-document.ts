import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import { isParent, isStaff, type Viewer } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { storageFor } from "@/lib/storage/active-storage";

import { downloadName } from "./file-name";
import { ACCEPTED_TYPES, type AcceptedMimeType } from "./upload-rules";

export type DocumentDownload = { bytes: Uint8Array; mimeType: string; fileName: string };

/**
 * The bytes of a document for its own family or for staff; null for anyone else (the route
 * answers 404 so a foreign id looks like a missing one). Every staff view is audited.
 */
export async function readDocumentFor(db: Db, viewer: Viewer | null, id: string): Promise<DocumentDownload | null> {
  if (!viewer || !(isParent(viewer) || isStaff(viewer))) return null;
  const document = await db.document.findFirst({
    where: isStaff(viewer) ? { id } : { id, familyId: viewer.familyId! },
    select: { id: true, familyId: true, childId: true, storageKind: true, storageKey: true, mimeType: true, originalName: true },
  });
  if (!document) return null;
  if (isStaff(viewer)) {
    await writeAudit(db, viewer, {
      action: "document.view",
      familyId: document.familyId,
      childId: document.childId,
      targetType: "Document",
      targetId: document.id,
    });
  }
  const bytes = await storageFor(document.storageKind).read(document.storageKey);
  const ext = ACCEPTED_TYPES[document.mimeType as AcceptedMimeType]?.ext ?? "bin";
  return { bytes, mimeType: document.mimeType, fileName: downloadName(document.originalName, ext) };
}

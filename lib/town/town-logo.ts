import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { inspectUpload } from "@/lib/documents/inspect-upload";
import { AppError } from "@/lib/errors";
import { deleteLocalFile, newStorageKey, readLocalFile, writeLocalFile } from "@/lib/storage/local-disk";
import { TOWN_LOGO_MAX_BYTES, TOWN_LOGO_MESSAGES } from "./town-logo.schema";

// The town's logo: an image decided from its bytes (never SVG), stored like the service
// documents under a server-made key, served to anyone by app/api/town-logo/route.ts.

const LOGO_TYPES = new Set(["image/png", "image/jpeg", "image/gif"]);

function requireAdmin(viewer: StaffViewer) {
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Seul un administrateur peut modifier le logo de la commune.");
}

/** Admin only. Replaces the logo in one change; the previous file is removed after the commit. */
export async function uploadTownLogo(viewer: StaffViewer, file: File): Promise<void> {
  requireAdmin(viewer);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError("LOGO_EMPTY", TOWN_LOGO_MESSAGES.missing);
  if (bytes.length > TOWN_LOGO_MAX_BYTES) throw new AppError("LOGO_TOO_LARGE", TOWN_LOGO_MESSAGES.tooLarge);
  const inspection = await inspectUpload(bytes);
  if (!inspection.ok) throw new AppError("LOGO_INVALID", inspection.reason === "type" ? TOWN_LOGO_MESSAGES.type : inspection.message);
  if (!LOGO_TYPES.has(inspection.mimeType)) throw new AppError("LOGO_INVALID", TOWN_LOGO_MESSAGES.type);

  const storageKey = newStorageKey("town-logo");
  await writeLocalFile(storageKey, bytes);
  let previous: string | null;
  try {
    previous = await getDb().$transaction(async (tx) => {
      const settings = await tx.townSettings.findUnique({ where: { id: 1 }, select: { logoPath: true } });
      if (!settings) throw new AppError("NOT_FOUND", "Enregistrez d'abord les paramètres de la commune.");
      await tx.townSettings.update({ where: { id: 1 }, data: { logoPath: storageKey } });
      await writeAudit(tx, viewer, { action: "town-logo.update", targetType: "TownSettings", targetId: "1", details: { mimeType: inspection.mimeType, size: bytes.length } });
      return settings.logoPath;
    });
  } catch (error) {
    await deleteLocalFile(storageKey); // the row does not point to it: no orphan file
    throw error;
  }
  if (previous) await deleteLocalFile(previous);
}

/** Admin only. The header goes back to the town's name alone. */
export async function removeTownLogo(viewer: StaffViewer): Promise<void> {
  requireAdmin(viewer);
  const previous = await getDb().$transaction(async (tx) => {
    const settings = await tx.townSettings.findUnique({ where: { id: 1 }, select: { logoPath: true } });
    if (!settings?.logoPath) throw new AppError("NOT_FOUND", "La commune n'a pas de logo.");
    await tx.townSettings.update({ where: { id: 1 }, data: { logoPath: null } });
    await writeAudit(tx, viewer, { action: "town-logo.remove", targetType: "TownSettings", targetId: "1", details: {} });
    return settings.logoPath;
  });
  await deleteLocalFile(previous);
}

/** For the public route: the logo's bytes and their type, or null when the town has none. */
export async function readTownLogo(): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const settings = await getDb().townSettings.findUnique({ where: { id: 1 }, select: { logoPath: true } });
  if (!settings?.logoPath) return null;
  const bytes = await readLocalFile(settings.logoPath);
  const inspection = await inspectUpload(new Uint8Array(bytes));
  if (!inspection.ok || !LOGO_TYPES.has(inspection.mimeType)) return null;
  return { bytes, mimeType: inspection.mimeType };
}

import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { inspectUpload } from "@/lib/documents/inspect-upload";
import { AppError } from "@/lib/errors";
import { forgetSharedReads } from "@/lib/server/shared-reads";

import { TOWN_LOGO_MAX_BYTES, TOWN_LOGO_MESSAGES } from "./town-logo.schema";

// The town's logo: an image decided from its bytes (never SVG), kept in the database (at most
// 500 Ko, a CHECK says so) so that every instance of the portal serves the same one, and served
// to anyone by app/api/town-logo/route.ts.

const LOGO_TYPES = new Set(["image/png", "image/jpeg", "image/gif"]);

function requireAdmin(viewer: StaffViewer) {
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Seul un administrateur peut modifier le logo de la commune.");
}

/** Admin only. Replaces the logo, audited in the same change. */
export async function uploadTownLogo(db: PrismaClient, viewer: StaffViewer, file: File): Promise<void> {
  requireAdmin(viewer);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError("LOGO_EMPTY", TOWN_LOGO_MESSAGES.missing);
  if (bytes.length > TOWN_LOGO_MAX_BYTES) throw new AppError("LOGO_TOO_LARGE", TOWN_LOGO_MESSAGES.tooLarge);
  const inspection = await inspectUpload(bytes);
  if (!inspection.ok)
    throw new AppError("LOGO_INVALID", inspection.reason === "type" ? TOWN_LOGO_MESSAGES.type : inspection.message);
  if (!LOGO_TYPES.has(inspection.mimeType)) throw new AppError("LOGO_INVALID", TOWN_LOGO_MESSAGES.type);

  await db.$transaction(async (tx) => {
    const { count } = await tx.townSettings.updateMany({
      where: { id: 1 },
      data: { logo: bytes, logoMimeType: inspection.mimeType },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Enregistrez d'abord les paramètres de la commune.");
    await writeAudit(tx, viewer, {
      action: "town-logo.update",
      targetType: "TownSettings",
      targetId: "1",
      details: { mimeType: inspection.mimeType, size: bytes.length },
    });
  });
  forgetSharedReads();
}

/** Admin only. The header goes back to the town's name alone. */
export async function removeTownLogo(db: PrismaClient, viewer: StaffViewer): Promise<void> {
  requireAdmin(viewer);
  await db.$transaction(async (tx) => {
    const { count } = await tx.townSettings.updateMany({
      where: { id: 1, logoMimeType: { not: null } },
      data: { logo: null, logoMimeType: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "La commune n'a pas de logo.");
    await writeAudit(tx, viewer, { action: "town-logo.remove", targetType: "TownSettings", targetId: "1", details: {} });
  });
  forgetSharedReads();
}

/** For the public route: the logo's bytes and their type, or null when the town has none. */
export async function readTownLogo(db: Db): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
  const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoMimeType: true } });
  if (!settings?.logo || !settings.logoMimeType) return null;
  return { bytes: settings.logo, mimeType: settings.logoMimeType };
}

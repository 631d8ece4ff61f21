import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { forgetSharedReads } from "@/lib/server/shared-reads";

import { DEFAULT_TOWN_SETTINGS, TOWN_SETTINGS_FIELDS } from "./town-settings-fields";
import type { TTownSettings, TUsefulContact } from "./town-settings.schema";

/** The town settings as the admin form shows them (row id=1; empty fields when not created yet). */
export async function getTownSettingsForEdit(db: Db): Promise<TTownSettings> {
  const row = await db.townSettings.findUnique({
    where: { id: 1 },
    select: TOWN_SETTINGS_FIELDS,
  });
  return row ?? { townName: "", ...DEFAULT_TOWN_SETTINGS };
}

/** Admin only, checked here too so that the function is safe whoever calls it. */
export async function updateTownSettings(db: PrismaClient, viewer: StaffViewer, input: TTownSettings) {
  if (viewer.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Seul un administrateur peut modifier les paramètres de la commune.");
  await db.$transaction(async (tx) => {
    await tx.townSettings.upsert({ where: { id: 1 }, update: input, create: { id: 1, ...input } });
    await writeAudit(tx, viewer, {
      action: "town-settings.update",
      targetType: "TownSettings",
      targetId: "1",
      details: { ...input },
    });
  });
  forgetSharedReads();
}

export async function listUsefulContactsForEdit(db: Db) {
  return db.usefulContact.findMany({
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { id: true, label: true, phone: true, email: true, address: true, hours: true, sortOrder: true },
  });
}

export async function createUsefulContact(db: PrismaClient, viewer: StaffViewer, input: TUsefulContact) {
  const created = await db.$transaction(async (tx) => {
    const contact = await tx.usefulContact.create({ data: input, select: { id: true } });
    return auditCreated(tx, viewer, contact, {
      action: "useful-contact.create",
      targetType: "UsefulContact",
      details: { label: input.label },
    });
  });
  forgetSharedReads();
  return created;
}

export async function updateUsefulContact(db: PrismaClient, viewer: StaffViewer, id: string, input: TUsefulContact) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.usefulContact.updateMany({ where: { id }, data: input });
    if (count === 0) throw new AppError("NOT_FOUND", "Contact introuvable.");
    await writeAudit(tx, viewer, {
      action: "useful-contact.update",
      targetType: "UsefulContact",
      targetId: id,
      details: { label: input.label },
    });
  });
  forgetSharedReads();
}

export async function deleteUsefulContact(db: PrismaClient, viewer: StaffViewer, id: string) {
  await db.$transaction(async (tx) => {
    const contact = await tx.usefulContact.findUnique({ where: { id }, select: { label: true } });
    if (!contact) throw new AppError("NOT_FOUND", "Contact introuvable.");
    await tx.usefulContact.delete({ where: { id } });
    await writeAudit(tx, viewer, {
      action: "useful-contact.delete",
      targetType: "UsefulContact",
      targetId: id,
      details: { label: contact.label },
    });
  });
  forgetSharedReads();
}

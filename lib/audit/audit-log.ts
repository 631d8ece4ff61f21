import "server-only";

import type { StaffViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import type { Prisma } from "@/lib/db/generated/client";

import type { AuditAction } from "./action-labels";

export type AuditEntry = {
  /** One of the journal's labelled actions: an unlabelled one does not compile. */
  action: AuditAction;
  familyId?: string | null;
  childId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
};

/** Written in the same transaction as the change it records. */
export async function writeAudit(tx: Prisma.TransactionClient, viewer: StaffViewer, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      at: clock.now(),
      actorUserId: viewer.userId,
      actorRole: viewer.role,
      action: entry.action,
      familyId: entry.familyId ?? null,
      childId: entry.childId ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
    },
  });
}

/** Records the creation of `created` (the new row's id as the entry's target) and returns it. */
export async function auditCreated<T extends { id: string }>(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  created: T,
  entry: Omit<AuditEntry, "targetId">,
): Promise<T> {
  await writeAudit(tx, viewer, { ...entry, targetId: created.id });
  return created;
}

/** No child's health data leaves without this entry; `context` says which save or page read it, when not the health page. */
export async function writeHealthReadAudit(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  { familyId, childId, context }: { familyId: string; childId: string; context?: string },
): Promise<void> {
  await writeAudit(tx, viewer, {
    action: "child.health.read",
    familyId,
    childId,
    targetType: "ChildHealth",
    targetId: childId,
    details: context ? { context } : undefined,
  });
}

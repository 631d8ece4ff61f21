import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { DocumentStatus, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadMailTown } from "@/lib/mail/mail-town";
import { enqueueMail } from "@/lib/mail/outbox";

import { DOCUMENT_FOLDER_FIELDS, documentFolder } from "./document-folder";
import { refusalMail } from "./refusal-mail";

export type QueueRow = {
  id: string;
  familyName: string;
  folder: string;
  typeLabel: string;
  /** « Rappelez le nom du document »: the family's name for it. */
  name: string;
  uploadedAt: Date;
  mimeType: string;
};

/** The staff queue: submitted documents, oldest first, optionally of one type. */
export async function listReviewQueue(db: Db, viewer: StaffViewer, filter: { typeId?: string } = {}): Promise<QueueRow[]> {
  void viewer; // staff only: the caller has checked the role
  const documents = await db.document.findMany({
    where: { status: "SUBMITTED", ...(filter.typeId ? { typeId: filter.typeId } : {}) },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      uploadedAt: true,
      mimeType: true,
      name: true,
      family: { select: { name: true } },
      ...DOCUMENT_FOLDER_FIELDS,
    },
  });
  return documents.map((document) => ({
    id: document.id,
    familyName: document.family.name,
    folder: documentFolder(document),
    typeLabel: document.type.label,
    name: document.name,
    uploadedAt: document.uploadedAt,
    mimeType: document.mimeType,
  }));
}

export async function listDocumentTypes(db: Db) {
  return db.documentType.findMany({
    orderBy: [{ scope: "asc" }, { sortOrder: "asc" }],
    select: { id: true, label: true, scope: true, active: true },
  });
}

export type ReviewDetail = {
  id: string;
  familyName: string;
  folder: string;
  typeLabel: string;
  status: DocumentStatus;
  refusalReason: string | null;
  uploadedAt: Date;
  reviewedAt: Date | null;
  name: string;
  originalName: string;
  mimeType: string;
  size: number;
};

export async function getDocumentForReview(db: Db, viewer: StaffViewer, id: string): Promise<ReviewDetail | null> {
  void viewer;
  const document = await db.document.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      refusalReason: true,
      uploadedAt: true,
      reviewedAt: true,
      name: true,
      originalName: true,
      mimeType: true,
      size: true,
      family: { select: { name: true } },
      ...DOCUMENT_FOLDER_FIELDS,
    },
  });
  if (!document) return null;
  return {
    id: document.id,
    familyName: document.family.name,
    folder: documentFolder(document),
    typeLabel: document.type.label,
    status: document.status,
    refusalReason: document.refusalReason,
    uploadedAt: document.uploadedAt,
    reviewedAt: document.reviewedAt,
    name: document.name,
    originalName: document.originalName,
    mimeType: document.mimeType,
    size: document.size,
  };
}

export type ReviewOutcome = {
  status: "ACCEPTED" | "REFUSED";
  /** What the refusal e-mail said (it is in the outbox); null when accepted. */
  refusal: { to: string[]; typeLabel: string; folder: string; uploadedAt: Date; reason: string } | null;
};

/**
 * Accepts or refuses a submitted document. Only a document still SUBMITTED changes (two agents
 * deciding at once: the second gets a message). A refusal's e-mail to each parent account is
 * written to the outbox in the same transaction.
 */
export async function reviewDocument(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { id: string; decision: "accept" | "refuse"; reason?: string },
  now = clock.now(),
): Promise<ReviewOutcome> {
  const status = input.decision === "accept" ? "ACCEPTED" : "REFUSED";
  const reason = status === "REFUSED" ? input.reason?.trim() : undefined;
  if (status === "REFUSED" && !reason)
    throw new AppError("REASON_REQUIRED", "Indiquez le motif du refus : il est envoyé à la famille.");

  return db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: input.id, status: "SUBMITTED" },
      data: { status, reviewedAt: now, reviewedByUserId: viewer.userId, refusalReason: reason ?? null },
    });
    if (count === 0) throw new AppError("ALREADY_REVIEWED", "Ce document a déjà été traité ou n'existe plus.");
    const document = await tx.document.findUniqueOrThrow({
      where: { id: input.id },
      select: {
        familyId: true,
        childId: true,
        uploadedAt: true,
        ...DOCUMENT_FOLDER_FIELDS,
        family: { select: { users: { where: { role: "PARENT", active: true }, select: { email: true } } } },
      },
    });
    await writeAudit(tx, viewer, {
      action: status === "ACCEPTED" ? "document.accept" : "document.refuse",
      familyId: document.familyId,
      childId: document.childId,
      targetType: "Document",
      targetId: input.id,
      details: reason ? { reason } : undefined,
    });
    if (status === "ACCEPTED") return { status, refusal: null };
    const refusal = {
      to: document.family.users.map((user) => user.email),
      typeLabel: document.type.label,
      folder: document.child ? childName(document.child) : "la famille",
      uploadedAt: document.uploadedAt,
      reason: reason!,
    };
    const mail = refusalMail(await loadMailTown(tx), refusal);
    for (const to of refusal.to) await enqueueMail(tx, to, mail, "document-refusal");
    return { status, refusal };
  });
}

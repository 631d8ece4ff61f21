import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertAdminViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { CONSENT_KIND_ORDER, type ConsentKindCode } from "./consent-kinds";
import type { TConsentTextParsed } from "./consent-text.schema";

// The statements' texts (issue #17 point 1), administrators only. A text is never edited:
// publishing inserts version n + 1 and the versions already published stay as families accepted
// them (no update path here, and the database's trigger "ConsentText_immutable" refuses any
// UPDATE of a published body). The family record and the child sheet ask for the version in
// force (the highest: lib/families/consents.ts), so a family that accepted version 1 is asked
// again for version 2; its version-1 Consent row stays, with its date.

export const CONSENT_TEXT_STALE =
  "Une autre version de ce texte vient d'être publiée : rechargez la page pour partir de celle-ci.";
export const CONSENT_TEXT_UNCHANGED = "Le texte est identique à la version en vigueur : rien à publier.";

const publisherSelect = { select: { firstName: true, lastName: true, email: true } } as const;
type Publisher = { firstName: string | null; lastName: string | null; email: string } | null;

const publisherName = (user: Publisher) =>
  user ? [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email : null;

/** How many families accepted each of `textIds` (a family counts once, even for several children). */
async function acceptingFamilies(db: Db, textIds: string[]): Promise<Map<string, number>> {
  const rows = await db.consent.findMany({
    where: { textId: { in: textIds } },
    distinct: ["textId", "familyId"],
    select: { textId: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.textId, (counts.get(row.textId) ?? 0) + 1);
  return counts;
}

export type ConsentTextSummary = {
  kind: ConsentKindCode;
  current: { version: number; publishedAt: Date; publishedBy: string | null; body: string; acceptedFamilies: number } | null;
  versionCount: number;
};

/** « Textes d'engagement »: each statement with its version in force and how many families accepted it. */
export async function listConsentTexts(db: Db, viewer: StaffViewer): Promise<ConsentTextSummary[]> {
  assertAdminViewer(viewer);
  const texts = await db.consentText.findMany({
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, version: true, body: true, publishedAt: true, publishedBy: publisherSelect },
  });
  const currentIds = CONSENT_KIND_ORDER.flatMap((kind) => texts.find((text) => text.kind === kind)?.id ?? []);
  const counts = await acceptingFamilies(db, currentIds);
  return CONSENT_KIND_ORDER.map((kind) => {
    const versions = texts.filter((text) => text.kind === kind);
    const current = versions[0];
    return {
      kind,
      versionCount: versions.length,
      current: current
        ? {
            version: current.version,
            publishedAt: current.publishedAt,
            publishedBy: publisherName(current.publishedBy),
            body: current.body,
            acceptedFamilies: counts.get(current.id) ?? 0,
          }
        : null,
    };
  });
}

export type ConsentTextVersion = {
  version: number;
  body: string;
  publishedAt: Date;
  publishedBy: string | null;
  acceptedFamilies: number;
};

/** A statement's history, the version in force first. */
export async function consentTextHistory(db: Db, viewer: StaffViewer, kind: ConsentKindCode): Promise<ConsentTextVersion[]> {
  assertAdminViewer(viewer);
  const versions = await db.consentText.findMany({
    where: { kind },
    orderBy: { version: "desc" },
    select: { id: true, version: true, body: true, publishedAt: true, publishedBy: publisherSelect },
  });
  const counts = await acceptingFamilies(
    db,
    versions.map((version) => version.id),
  );
  return versions.map((version) => ({
    version: version.version,
    body: version.body,
    publishedAt: version.publishedAt,
    publishedBy: publisherName(version.publishedBy),
    acceptedFamilies: counts.get(version.id) ?? 0,
  }));
}

/**
 * Publishes version n + 1 of `kind` (n: the version in force, which must still be the one the
 * administrator started from). Two publications at once: the (kind, version) unique key lets one
 * through, the other is refused with CONSENT_TEXT_STALE. Returns the new version's number.
 */
export async function publishConsentText(
  db: PrismaClient,
  viewer: StaffViewer,
  input: TConsentTextParsed,
): Promise<{ id: string; version: number }> {
  assertAdminViewer(viewer);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.consentText.findFirst({
        where: { kind: input.kind },
        orderBy: { version: "desc" },
        select: { version: true, body: true },
      });
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.basedOnVersion) throw new AppError("STALE_VERSION", CONSENT_TEXT_STALE);
      if (current && current.body === input.body) throw new AppError("UNCHANGED", CONSENT_TEXT_UNCHANGED);
      const created = await tx.consentText.create({
        data: {
          kind: input.kind,
          version: currentVersion + 1,
          body: input.body,
          publishedAt: clock.now(),
          publishedByUserId: viewer.userId,
        },
        select: { id: true, version: true },
      });
      await writeAudit(tx, viewer, {
        action: "consent-text.publish",
        targetType: "ConsentText",
        targetId: created.id,
        details: { kind: input.kind, version: created.version, body: input.body },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("STALE_VERSION", CONSENT_TEXT_STALE);
    throw error;
  }
}

import "server-only";

import type { ConsentKind, Prisma } from "@/lib/db/generated/client";

// SPEC §3: each acceptance is stored with its date and the version of the text accepted; a new
// version of a text asks again (the completeness function compares versions).

export type CurrentConsentText = { id: string; kind: ConsentKind; version: number; body: string };

/** The version in force (the highest) of each of `kinds`. */
export async function currentConsentTexts(db: Prisma.TransactionClient, kinds: ConsentKind[]): Promise<CurrentConsentText[]> {
  const texts = await db.consentText.findMany({
    where: { kind: { in: kinds } },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, version: true, body: true },
  });
  const current = new Map<ConsentKind, CurrentConsentText>();
  for (const text of texts) if (!current.has(text.kind)) current.set(text.kind, text);
  return kinds.flatMap((kind) => current.get(kind) ?? []);
}

/** Records the acceptance of the texts in force, unless already accepted (one row per version). */
export async function recordConsents(
  tx: Prisma.TransactionClient,
  input: { familyId: string; childId: string | null; userId: string; kinds: ConsentKind[]; now: Date },
): Promise<void> {
  const texts = await currentConsentTexts(tx, input.kinds);
  if (texts.length === 0) return;
  const existing = await tx.consent.findMany({
    where: { familyId: input.familyId, childId: input.childId, textId: { in: texts.map((text) => text.id) } },
    select: { textId: true },
  });
  const missing = texts.filter((text) => !existing.some((consent) => consent.textId === text.id));
  if (missing.length === 0) return;
  await tx.consent.createMany({
    data: missing.map((text) => ({
      familyId: input.familyId,
      childId: input.childId,
      textId: text.id,
      acceptedAt: input.now,
      acceptedByUserId: input.userId,
    })),
  });
}

/** Kinds whose text in force the family (or the child) has accepted. */
export async function acceptedCurrentKinds(
  db: Prisma.TransactionClient,
  input: { familyId: string; childId: string | null; kinds: ConsentKind[] },
): Promise<{ texts: CurrentConsentText[]; accepted: Set<ConsentKind> }> {
  const texts = await currentConsentTexts(db, input.kinds);
  const rows = await db.consent.findMany({
    where: { familyId: input.familyId, childId: input.childId, textId: { in: texts.map((text) => text.id) } },
    select: { text: { select: { kind: true } } },
  });
  return { texts, accepted: new Set(rows.map((row) => row.text.kind)) };
}

/** What the Guichet unique sees of a statement: the version in force and the family's last acceptance. */
export type ConsentState = {
  kind: ConsentKind;
  currentVersion: number | null;
  acceptedAt: Date | null;
  acceptedVersion: number | null;
  /** The text in force is accepted. */
  upToDate: boolean;
};

/** Read-only state of `kinds` for a family (childId null) or one of its children. */
export async function consentStates(
  db: Prisma.TransactionClient,
  input: { familyId: string; childId: string | null; kinds: ConsentKind[] },
): Promise<ConsentState[]> {
  const texts = await currentConsentTexts(db, input.kinds);
  const rows = await db.consent.findMany({
    where: { familyId: input.familyId, childId: input.childId, text: { kind: { in: input.kinds } } },
    orderBy: { acceptedAt: "desc" },
    select: { acceptedAt: true, text: { select: { kind: true, version: true } } },
  });
  return input.kinds.map((kind) => {
    const current = texts.find((text) => text.kind === kind);
    // The acceptance of the highest version, the latest one if accepted more than once.
    const last = rows.filter((row) => row.text.kind === kind).sort((a, b) => b.text.version - a.text.version)[0];
    return {
      kind,
      currentVersion: current?.version ?? null,
      acceptedAt: last?.acceptedAt ?? null,
      acceptedVersion: last?.text.version ?? null,
      upToDate: Boolean(last && current && last.text.version === current.version),
    };
  });
}

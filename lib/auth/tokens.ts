import "server-only";

import crypto from "node:crypto";

import * as clock from "@/lib/clock";
import type { Prisma, PrismaClient, TokenPurpose } from "@/lib/db/generated/client";

// Single-use, time-limited links (activation, password reset, login change). The link carries
// a random secret; the database keeps only its SHA-256, so a database leak reveals no link.

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  ACTIVATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_CHANGE: 24 * 60 * 60 * 1000,
};

type Db = PrismaClient | Prisma.TransactionClient;

const hashToken = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

export async function createAuthToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; newEmail?: string },
  now = clock.now(),
): Promise<string> {
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(secret),
      newEmail: input.newEmail,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
    },
  });
  return secret;
}

export type ConsumedToken =
  { ok: true; userId: string; newEmail: string | null } | { ok: false; reason: "invalid" | "expired" | "used" };

/**
 * Marks the token used and returns its user, once: of two concurrent uses, only one wins (the
 * conditional update). Run it inside the transaction that acts on the token.
 */
export async function consumeAuthToken(db: Db, secret: string, purpose: TokenPurpose, now = clock.now()): Promise<ConsumedToken> {
  const token = await db.authToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, userId: true, purpose: true, newEmail: true, expiresAt: true, usedAt: true },
  });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (token.usedAt) return { ok: false, reason: "used" };
  if (token.expiresAt <= now) return { ok: false, reason: "expired" };
  const claimed = await db.authToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  return { ok: true, userId: token.userId, newEmail: token.newEmail };
}

/** Checks a token without using it (to show the form behind a link). */
export async function peekAuthToken(db: Db, secret: string, purpose: TokenPurpose, now = clock.now()): Promise<ConsumedToken> {
  const token = await db.authToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { userId: true, purpose: true, newEmail: true, expiresAt: true, usedAt: true },
  });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (token.usedAt) return { ok: false, reason: "used" };
  if (token.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, userId: token.userId, newEmail: token.newEmail };
}

export const TOKEN_ERROR_MESSAGE: Record<"invalid" | "expired" | "used", string> = {
  invalid: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse complète du message.",
  expired: "Ce lien a expiré. Demandez-en un nouveau.",
  used: "Ce lien a déjà été utilisé. Si vous n'êtes pas à l'origine de cette opération, contactez le Guichet unique.",
};

/** Why the link behind a page cannot be used (French), or null when its form may be shown. */
export async function linkProblem(db: Db, secret: string | undefined, purpose: TokenPurpose): Promise<string | null> {
  const token = secret ? await peekAuthToken(db, secret, purpose) : ({ ok: false, reason: "invalid" } as const);
  return token.ok ? null : TOKEN_ERROR_MESSAGE[token.reason];
}

/**
 * Voids every unused link that could set a password or move the login (reset, activation, login
 * change): after a password change or reset, a link sent before must not undo it.
 */
export async function revokePasswordLinks(db: Db, userId: string, now = clock.now()): Promise<number> {
  const revoked = await db.authToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  return revoked.count;
}

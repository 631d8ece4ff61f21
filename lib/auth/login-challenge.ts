import "server-only";

import crypto from "node:crypto";

import { cookies } from "next/headers";

import * as clock from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

import { secureCookies } from "./session-cookie";

// Between a staff member's correct password and their second factor. The browser holds a random
// token in a cookie scoped to /connexion; the database keeps its SHA-256, the account, where to
// go next and how many codes were tried (5 at most, 10 minutes at most).

type Db = PrismaClient | Prisma.TransactionClient;

export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
export const CHALLENGE_MAX_ATTEMPTS = 5;
const COOKIE = "portail-second-factor";

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function openLoginChallenge(
  db: Db,
  input: { userId: string; callbackUrl: string | null; ip: string | null; userAgent: string | null },
  now = clock.now(),
): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.loginChallenge.create({
    data: {
      tokenHash: hash(token),
      userId: input.userId,
      callbackUrl: input.callbackUrl,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    },
  });
  return token;
}

export type OpenChallenge = {
  id: string;
  userId: string;
  callbackUrl: string | null;
  attempts: number;
  user: {
    email: string;
    role: "PARENT" | "AGENT" | "ADMIN";
    active: boolean;
    totpSecret: string | null;
    totpEnabledAt: Date | null;
    totpLastStep: number | null;
  };
};

/** The challenge behind a token if it can still be answered. */
export async function findLoginChallenge(db: Db, token: string | undefined, now = clock.now()): Promise<OpenChallenge | null> {
  if (!token || token.length > 100) return null;
  const challenge = await db.loginChallenge.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      userId: true,
      callbackUrl: true,
      attempts: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, role: true, active: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } },
    },
  });
  if (!challenge || challenge.usedAt || challenge.expiresAt <= now || challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) return null;
  if (!challenge.user.active || challenge.user.role === "PARENT") return null;
  return {
    id: challenge.id,
    userId: challenge.userId,
    callbackUrl: challenge.callbackUrl,
    attempts: challenge.attempts,
    user: challenge.user,
  };
}

/** Counts one code tried, atomically: false once the attempts are used up. */
export async function countChallengeAttempt(db: Db, challengeId: string, now = clock.now()): Promise<boolean> {
  const counted = await db.loginChallenge.updateMany({
    where: { id: challengeId, usedAt: null, expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  return counted.count === 1;
}

/** Closes the challenge, once: of two concurrent right answers, one opens a session. */
export async function closeLoginChallenge(db: Db, challengeId: string, now = clock.now()): Promise<boolean> {
  const closed = await db.loginChallenge.updateMany({ where: { id: challengeId, usedAt: null }, data: { usedAt: now } });
  return closed.count === 1;
}

export async function setChallengeCookie(token: string): Promise<void> {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/connexion",
    secure: secureCookies(),
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

export async function readChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).set(COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    path: "/connexion",
    secure: secureCookies(),
    maxAge: 0,
  });
}

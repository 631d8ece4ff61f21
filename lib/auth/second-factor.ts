import "server-only";

import crypto from "node:crypto";

import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

import * as clock from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

import { openTotpSecret, sealTotpSecret } from "./totp-secret";

// Staff second factor (ASVS 6.3.3 at level 2: agents read every child's health data): TOTP
// (RFC 6238, 6 digits, 30 s — what every authenticator app speaks) and 10 single-use recovery
// codes. The TOTP secret is stored encrypted (AES-256-GCM, key derived from NEXTAUTH_SECRET), the
// recovery codes as SHA-256 (they are random 50-bit codes, like the links' tokens).

type Db = PrismaClient | Prisma.TransactionClient;

export const RECOVERY_CODE_COUNT = 10;
const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/** What the enrolment page shows: the otpauth:// URI as a QR code, and the secret to type. */
export async function enrolmentFor(secret: string, account: string, issuer: string): Promise<Enrolment> {
  const uri = generateURI({ issuer, label: account, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrSvg };
}

/** The time step a code matches (±1 step for clock drift), or null; never a step already used.
 * Always the real time (never lib/clock.ts): the phone's authenticator app follows it. */
export async function matchTotp(secret: string, code: string, lastStep: number | null, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // TOTP results carry the matched time step (HOTP's share the type, hence the check).
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

const hashRecoveryCode = (code: string) => crypto.createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** 10 new codes (shown once), replacing any earlier ones. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Uses one recovery code, once (a conditional update: two concurrent uses, one wins). */
export async function spendRecoveryCode(db: Db, userId: string, code: string, now = clock.now()): Promise<boolean> {
  if (normaliseRecoveryCode(code).length !== 10) return false;
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** The secret being enrolled (made on the first visit of the enrolment page, kept until confirmed). */
export async function pendingTotpSecret(db: Db, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user || user.totpEnabledAt) return null;
  if (user.totpSecret) return openTotpSecret(user.totpSecret);
  const secret = newTotpSecret();
  const stored = await db.user.updateMany({
    where: { id: userId, totpSecret: null, totpEnabledAt: null },
    data: { totpSecret: sealTotpSecret(secret) },
  });
  if (stored.count === 1) return secret;
  // Another tab made one at the same moment: show that one.
  const again = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  return again?.totpSecret && !again.totpEnabledAt ? openTotpSecret(again.totpSecret) : null;
}

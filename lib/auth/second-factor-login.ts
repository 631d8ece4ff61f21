import "server-only";

import * as clock from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/generated/client";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "./auth-events";
import { closeLoginChallenge, countChallengeAttempt, type OpenChallenge } from "./login-challenge";
import { matchTotp, replaceRecoveryCodes, spendRecoveryCode } from "./second-factor";
import { consumePoint, rateLimiter } from "./throttle";
import { openTotpSecret } from "./totp-secret";

// The second step of a staff login, and the enrolment on a first login. Each code tried counts
// against the challenge (5) and the account (10 in 15 minutes, whatever the challenge).

export const SECOND_FACTOR_LIMIT = { attempts: 10, duration: 15 * 60, blockDuration: 15 * 60 };
export const WRONG_CODE_MESSAGE =
  "Code de vérification incorrect. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.";
export const CHALLENGE_EXPIRED_MESSAGE =
  "Votre connexion a expiré ou trop de codes ont été essayés. Reconnectez-vous avec votre identifiant et votre mot de passe.";

export type CodeCheck =
  { ok: true; method: "code" | "code de secours"; recoveryCodes?: string[] } | { ok: false; message: string; expired?: boolean };

type Meta = { ip: string | null; userAgent: string | null };

async function chargeAttempt(db: PrismaClient, challenge: OpenChallenge, now: Date): Promise<CodeCheck | null> {
  if (!(await countChallengeAttempt(db, challenge.id, now)))
    return { ok: false, message: CHALLENGE_EXPIRED_MESSAGE, expired: true };
  const wait = await consumePoint(rateLimiter(db, "second-factor:account", SECOND_FACTOR_LIMIT), challenge.userId);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60));
    return {
      ok: false,
      message: `Trop de codes essayés pour ce compte. Veuillez patienter ${minutes} minute${minutes > 1 ? "s" : ""} avant de réessayer.`,
    };
  }
  return null;
}

async function failed(db: PrismaClient, challenge: OpenChallenge, meta: Meta, now: Date, motif: string): Promise<CodeCheck> {
  await recordAuthEvent(
    db,
    {
      action: AUTH_EVENT_ACTIONS.secondFactorFailure,
      userId: challenge.userId,
      role: challenge.user.role,
      ...meta,
      details: { motif },
    },
    now,
  );
  return { ok: false, message: WRONG_CODE_MESSAGE };
}

type CodeStep = { db: PrismaClient; challenge: OpenChallenge; code: string; secret: string; meta: Meta; now: Date };

/**
 * What both code steps start with: the attempt is counted before the code is looked at, and the
 * account must already be enrolled (login) or not yet (enrolment), its secret set.
 */
function codeStep(enrolled: boolean, check: (step: CodeStep) => Promise<CodeCheck>) {
  return async (
    db: PrismaClient,
    challenge: OpenChallenge,
    rawCode: string,
    meta: Meta,
    now = clock.now(),
  ): Promise<CodeCheck> => {
    const refused = await chargeAttempt(db, challenge, now);
    if (refused) return refused;
    const { totpEnabledAt, totpSecret } = challenge.user;
    if ((totpEnabledAt !== null) !== enrolled || !totpSecret)
      return { ok: false, message: CHALLENGE_EXPIRED_MESSAGE, expired: true };
    return check({ db, challenge, code: rawCode.replace(/\s+/g, ""), secret: totpSecret, meta, now });
  };
}

/** A code from the authenticator app, or a recovery code, for an enrolled account. */
export const checkSecondFactor = codeStep(true, async ({ db, challenge, code, secret, meta, now }) => {
  if (/^\d{6}$/.test(code)) {
    // The phone's authenticator app follows the real time, not the portal's clock (lib/clock.ts).
    const step = await matchTotp(openTotpSecret(secret), code, challenge.user.totpLastStep);
    if (step === null) return failed(db, challenge, meta, now, "code incorrect");
    // A code is accepted once, even by two instances at the same moment.
    const claimed = await db.user.updateMany({
      where: { id: challenge.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (claimed.count !== 1) return failed(db, challenge, meta, now, "code déjà utilisé");
    if (!(await closeLoginChallenge(db, challenge.id, now)))
      return { ok: false, message: CHALLENGE_EXPIRED_MESSAGE, expired: true };
    return { ok: true, method: "code" };
  }
  if (!(await spendRecoveryCode(db, challenge.userId, code, now)))
    return failed(db, challenge, meta, now, "code de secours incorrect");
  if (!(await closeLoginChallenge(db, challenge.id, now)))
    return { ok: false, message: CHALLENGE_EXPIRED_MESSAGE, expired: true };
  await recordAuthEvent(
    db,
    { action: AUTH_EVENT_ACTIONS.secondFactorRecoveryUsed, userId: challenge.userId, role: challenge.user.role, ...meta },
    now,
  );
  return { ok: true, method: "code de secours" };
});

/** Confirms the enrolment with a first code: the second factor is on, 10 recovery codes are made. */
export const confirmEnrolment = codeStep(false, async ({ db, challenge, code, secret, meta, now }) => {
  // The real time, as on the phone (lib/clock.ts).
  const step = await matchTotp(openTotpSecret(secret), code, null);
  if (step === null) return failed(db, challenge, meta, now, "code incorrect à l'activation");
  return db.$transaction(async (tx): Promise<CodeCheck> => {
    const enabled = await tx.user.updateMany({
      where: { id: challenge.userId, totpEnabledAt: null, totpSecret: secret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    const closed = await tx.loginChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } });
    if (enabled.count !== 1 || closed.count !== 1) return { ok: false, message: CHALLENGE_EXPIRED_MESSAGE, expired: true };
    const recoveryCodes = await replaceRecoveryCodes(tx, challenge.userId);
    await recordAuthEvent(
      tx,
      { action: AUTH_EVENT_ACTIONS.secondFactorEnrolled, userId: challenge.userId, role: challenge.user.role, ...meta },
      now,
    );
    return { ok: true, method: "code", recoveryCodes };
  });
});

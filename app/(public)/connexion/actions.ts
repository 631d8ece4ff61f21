"use server";

import { redirect, unstable_rethrow } from "next/navigation";

import { AUTH_EVENT_ACTIONS, recordAuthEvent } from "@/lib/auth/auth-events";
import { checkLogin, LOGIN_FAILED_MESSAGE } from "@/lib/auth/login";
import {
  clearChallengeCookie,
  findLoginChallenge,
  openLoginChallenge,
  readChallengeCookie,
  setChallengeCookie,
} from "@/lib/auth/login-challenge";
import { requestMeta } from "@/lib/auth/request-meta";
import { afterLoginPath, safeRedirectPath } from "@/lib/auth/safe-redirect";
import { CHALLENGE_EXPIRED_MESSAGE, checkSecondFactor, confirmEnrolment } from "@/lib/auth/second-factor-login";
import { clearSessionCookie, readSessionClaims } from "@/lib/auth/session-cookie";
import { signInChallengedUser, signInUser } from "@/lib/auth/sign-in";
import { createLoginThrottle, type LoginThrottle } from "@/lib/auth/throttle";
import { revokeUserSession } from "@/lib/auth/user-sessions";
import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable, isTransactionTimeout } from "@/lib/db/errors";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";

// Signing in and out. These actions work with JavaScript off (the forms post to them and the
// page renders what they return, or they redirect): a login never puts a password in a URL.

export type LoginState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string };

let throttle: LoginThrottle | undefined;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = text(form, "email").trim();
  const password = text(form, "password");
  const callbackUrl = safeRedirectPath(text(form, "callbackUrl"));
  const fieldErrors: LoginState["fieldErrors"] = {};
  if (!email) fieldErrors.email = "Saisissez votre identifiant (votre adresse e-mail).";
  if (!password) fieldErrors.password = "Saisissez votre mot de passe.";
  if (fieldErrors.email || fieldErrors.password) {
    return {
      error: "Le formulaire contient des erreurs : vérifiez les champs signalés.",
      fieldErrors,
      email: email.slice(0, 254),
    };
  }

  let destination: string;
  try {
    const db = getDb();
    throttle ??= createLoginThrottle(db);
    const meta = await requestMeta();
    const result = await checkLogin(db, throttle, { email, password, ...meta });
    if (!result.ok) return { error: result.message, email: email.slice(0, 254) };
    const { user } = result;
    if (user.role === "PARENT") {
      await signInUser(db, user, { ...meta, method: "mot de passe" });
      destination = afterLoginPath(callbackUrl, user.role);
    } else {
      // Staff: the password is only the first step.
      const token = await openLoginChallenge(db, { userId: user.id, callbackUrl, ...meta });
      await setChallengeCookie(token);
      destination = user.secondFactorEnabled ? "/connexion/verification" : "/connexion/double-facteur";
    }
  } catch (error) {
    unstable_rethrow(error);
    // Out of reach, or so busy that the sign-in's transaction could not start or finish in time
    // (opening day): the parent is told to try again, not that the password is wrong.
    if (isDatabaseUnavailable(error) || isTransactionTimeout(error)) {
      return { error: SERVICE_UNAVAILABLE_MESSAGE, email: email.slice(0, 254) };
    }
    // Whatever else went wrong (a NUL byte in the e-mail), the page only says this.
    console.error("[login] unexpected error", error);
    return { error: LOGIN_FAILED_MESSAGE, email: "" };
  }
  redirect(destination);
}

export type CodeState = { error?: string; expired?: boolean; recoveryCodes?: string[]; next?: string };

async function answerChallenge(form: FormData, check: typeof checkSecondFactor | typeof confirmEnrolment): Promise<CodeState> {
  const code = text(form, "code").trim();
  if (!code) return { error: "Saisissez le code de vérification." };
  let next: string;
  let recoveryCodes: string[] | undefined;
  try {
    const db = getDb();
    const challenge = await findLoginChallenge(db, await readChallengeCookie());
    if (!challenge) return { error: CHALLENGE_EXPIRED_MESSAGE, expired: true };
    const meta = await requestMeta();
    const result = await check(db, challenge, code.slice(0, 40), meta);
    if (!result.ok) return { error: result.message, expired: result.expired };
    const role = await signInChallengedUser(db, challenge.userId, {
      ...meta,
      method: result.method === "code" ? "mot de passe + code" : "mot de passe + code de secours",
    });
    await clearChallengeCookie();
    next = afterLoginPath(challenge.callbackUrl, role);
    recoveryCodes = result.recoveryCodes;
  } catch (error) {
    unstable_rethrow(error);
    if (isDatabaseUnavailable(error)) return { error: SERVICE_UNAVAILABLE_MESSAGE };
    console.error("[second-factor] unexpected error", error);
    return {
      error: "La vérification a échoué. Reconnectez-vous et réessayez ; si le problème persiste, contactez un administrateur.",
    };
  }
  // After an enrolment, the recovery codes are shown once before going on.
  if (recoveryCodes) return { recoveryCodes, next };
  redirect(next);
}

export async function verifySecondFactorAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  return answerChallenge(form, checkSecondFactor);
}

export async function confirmEnrolmentAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  return answerChallenge(form, confirmEnrolment);
}

/** « Se déconnecter »: the session ends on the server, so a copy of the cookie is worthless too. */
export async function logoutAction(): Promise<void> {
  try {
    const claims = await readSessionClaims();
    if (claims) {
      const db = getDb();
      if (await revokeUserSession(db, claims.sid)) {
        const meta = await requestMeta();
        await recordAuthEvent(db, {
          action: AUTH_EVENT_ACTIONS.logout,
          userId: claims.sub,
          role: claims.role,
          familyId: claims.familyId,
          ...meta,
        });
      }
    }
  } catch (error) {
    unstable_rethrow(error);
    console.error("[logout] could not end the session on the server", error);
  }
  await clearSessionCookie();
  redirect("/");
}

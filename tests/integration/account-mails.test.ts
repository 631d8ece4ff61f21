import { z } from "zod";

import { ZChangePasswordActionSchema } from "@/lib/account/account.action-schema";
import { ZChangeEmailSchema, ZChangePasswordSchema, ZForgotPasswordSchema } from "@/lib/account/account.schema";
import { activateAccount } from "@/lib/auth/activation";
import { changePassword, WRONG_CURRENT_PASSWORD } from "@/lib/auth/change-password";
import { confirmEmailChange, EMAIL_UNAVAILABLE, requestEmailChange, WRONG_PASSWORD } from "@/lib/auth/email-change";
import { checkLogin } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { createResetThrottle, requestPasswordReset, RESET_LIMITS, resetPassword } from "@/lib/auth/password-reset";
import { createLoginThrottle } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { createFamilyAccount } from "@/lib/families/create-family-account";
import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";

import { deliverMails } from "../helpers/deliver-mails";
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from "../helpers/smtp-peer";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const PASSWORD = "une phrase de passe solide";
const COMMON = "1qaz2wsx3edc"; // 12 characters, among the 10 000 most common

const linkIn = (mail: ReceivedMail, pathname: string) => {
  const match = mail.text.match(new RegExp(`https?://\\S+${pathname}\\?jeton=([\\w-]+)`));
  if (!match) throw new Error(`no ${pathname} link in:\n${mail.text}`);
  return decodeURIComponent(match[1]);
};

describe.each(testDatabaseKinds())("account e-mails through a real SMTP server on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let seen = 0;

  /** The mails that arrived since the last call, once the outbox has been delivered (as the job runtime does). */
  async function newMails(count: number): Promise<ReceivedMail[]> {
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(seen + count);
    const fresh = mails.slice(seen, seen + count);
    seen += count;
    return fresh;
  }
  /** No mail beyond those already read: the outbox delivered, whatever was on its way has arrived (smtp.settle). */
  const noMoreMail = async () => {
    await deliverMails(database, smtp);
    expect((await smtp.settle()).length).toBe(seen);
  };
  const login = (email: string, password: string) =>
    checkLogin(database.prisma, createLoginThrottle(database.prisma), { email, password, ip: "198.51.100.1" });
  const createParent = async (email: string, name = "DUPONT") => {
    const family = await database.prisma.family.create({
      data: {
        name,
        users: { create: { email, role: "PARENT", passwordHash: await hashPassword(PASSWORD), activatedAt: new Date() } },
      },
      select: { users: { select: { id: true } } },
    });
    return family.users[0].id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startSmtpPeer();
    await database.prisma.townSettings.create({
      data: {
        townName: "Ville de Rodez",
        guichetPhone: "05 65 77 88 78",
        guichetEmail: "guichet@mairie-rodez.fr",
        guichetAddress: "Place Sainte-Catherine",
        guichetHours: "8h30-17h30",
      },
    });
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.drop();
  });

  describe("password reset", () => {
    let userId: string;
    let throttle: ReturnType<typeof createResetThrottle>;
    beforeAll(async () => {
      userId = await createParent("reset@exemple.fr");
      throttle = createResetThrottle(database.prisma);
    });

    it("mails a single-use link valid one hour that sets the password and signs out every session", async () => {
      const { sessionVersion } = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      await requestPasswordReset(database.prisma, throttle, { email: " Reset@Exemple.fr ", ip: "203.0.113.1" });
      const [mail] = await newMails(1);
      expect(mail.to).toEqual(["reset@exemple.fr"]);
      expect(mail.subject).toBe("Réinitialisation de votre mot de passe – Portail Familles");
      expect(mail.text).toContain("Ce lien est valable 1 heure");
      expect(mail.text).toContain("guichet@mairie-rodez.fr");
      const secret = linkIn(mail, "/reinitialisation");

      expect(await resetPassword(database.prisma, secret, "un nouveau mot de passe")).toEqual({
        ok: true,
        userId,
        email: "reset@exemple.fr",
      });
      expect((await login("reset@exemple.fr", "un nouveau mot de passe")).ok).toBe(true);
      expect((await login("reset@exemple.fr", PASSWORD)).ok).toBe(false);
      expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion).toBe(sessionVersion + 1);

      expect(await resetPassword(database.prisma, secret, "encore un autre mot de passe")).toEqual({
        ok: false,
        message: expect.stringMatching(/déjà été utilisé/),
      });
      expect((await login("reset@exemple.fr", "un nouveau mot de passe")).ok).toBe(true);
    });

    it("refuses the link after one hour and leaves the password unchanged", async () => {
      const sentAt = new Date("2026-11-26T08:00:00Z");
      await requestPasswordReset(database.prisma, throttle, { email: "reset@exemple.fr", ip: "203.0.113.2" }, { now: sentAt });
      const secret = linkIn((await newMails(1))[0], "/reinitialisation");
      const before = await database.prisma.user.findUniqueOrThrow({
        where: { id: userId },
        select: { passwordHash: true, sessionVersion: true },
      });
      expect(
        await resetPassword(database.prisma, secret, "un mot de passe trop tard", new Date(sentAt.getTime() + 61 * 60 * 1000)),
      ).toEqual({
        ok: false,
        message: expect.stringMatching(/a expiré/),
      });
      expect(
        await database.prisma.user.findUniqueOrThrow({
          where: { id: userId },
          select: { passwordHash: true, sessionVersion: true },
        }),
      ).toEqual(before);
    });

    it("answers the same for an unknown address, and sends nothing", async () => {
      await expect(
        requestPasswordReset(database.prisma, throttle, { email: "personne@exemple.fr", ip: "203.0.113.3" }),
      ).resolves.toBeUndefined();
      await noMoreMail();
      expect(
        await database.prisma.authToken.count({ where: { purpose: "PASSWORD_RESET", user: { email: "personne@exemple.fr" } } }),
      ).toBe(0);
    });

    it("throttles per address silently (the answer stays neutral) and per client address openly", async () => {
      const address = "limite@exemple.fr";
      await createParent(address, "LIMITE");
      const fresh = createResetThrottle(database.prisma);
      for (let index = 0; index < RESET_LIMITS.address.points + 2; index += 1) {
        await requestPasswordReset(database.prisma, fresh, { email: address, ip: `203.0.113.${10 + index}` });
      }
      await newMails(RESET_LIMITS.address.points);
      await noMoreMail();

      const ip = "192.0.2.99";
      for (let index = 0; index < RESET_LIMITS.ip.points; index += 1) {
        await requestPasswordReset(database.prisma, fresh, { email: `inconnu${index}@exemple.fr`, ip });
      }
      await expect(requestPasswordReset(database.prisma, fresh, { email: "reset@exemple.fr", ip })).rejects.toThrow(
        /Trop de demandes/,
      );
      await noMoreMail();
    });
  });

  describe("login change", () => {
    let userId: string;
    beforeAll(async () => {
      userId = await createParent("ancien@exemple.fr", "MARTIN");
      await createParent("pris@exemple.fr", "PRIS");
    });
    /** The parent asks to change their login to `newEmail`, giving `currentPassword` (by default the right one). */
    const requestChange = (newEmail: string, currentPassword = PASSWORD, now?: Date) =>
      requestEmailChange(database.prisma, userId, { newEmail, currentPassword }, { ...(now && { now }) });

    it("requires the current password", async () => {
      await expect(requestChange("nouveau@exemple.fr", "mauvais")).rejects.toEqual(
        new AppError("WRONG_PASSWORD", WRONG_PASSWORD),
      );
      await noMoreMail();
    });

    it("sends the link to the new address, tells the old one, and changes the login only when the link is used", async () => {
      expect(await requestChange("Nouveau@Exemple.fr")).toEqual({ newEmail: "nouveau@exemple.fr" });
      const mails = await newMails(2);
      const toNew = mails.find((mail) => mail.to[0] === "nouveau@exemple.fr")!;
      const toOld = mails.find((mail) => mail.to[0] === "ancien@exemple.fr")!;
      expect(toNew.subject).toBe("Confirmez votre nouvel identifiant – Portail Familles");
      expect(toOld.subject).toBe("Demande de changement de votre identifiant – Portail Familles");
      expect(toOld.text).toContain("nouveau@exemple.fr");
      expect(toOld.text).not.toMatch(/jeton=/);
      expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe("ancien@exemple.fr");

      const secret = linkIn(toNew, "/confirmation-email");
      expect(await confirmEmailChange(database.prisma, secret)).toEqual({
        ok: true,
        email: "nouveau@exemple.fr",
      });
      expect((await login("nouveau@exemple.fr", PASSWORD)).ok).toBe(true);
      expect((await login("ancien@exemple.fr", PASSWORD)).ok).toBe(false);
      const [done] = await newMails(1);
      expect(done.to).toEqual(["ancien@exemple.fr"]);
      expect(done.subject).toBe("Votre identifiant a été modifié – Portail Familles");

      expect(await confirmEmailChange(database.prisma, secret)).toEqual({
        ok: false,
        message: expect.stringMatching(/déjà été utilisé/),
      });
    });

    it("refuses an expired link", async () => {
      const sentAt = new Date("2026-11-20T08:00:00Z");
      await requestChange("tardif@exemple.fr", PASSWORD, sentAt);
      const toNew = (await newMails(2)).find((mail) => mail.to[0] === "tardif@exemple.fr")!;
      const result = await confirmEmailChange(database.prisma, linkIn(toNew, "/confirmation-email"), {
        now: new Date(sentAt.getTime() + 25 * 3600 * 1000),
      });
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/a expiré/) });
      expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe("nouveau@exemple.fr");
    });

    it("refuses an address already taken without telling the requester: the address's owner gets a notice, no link", async () => {
      const tokensBefore = await database.prisma.authToken.count({ where: { purpose: "EMAIL_CHANGE" } });
      expect(await requestChange("pris@exemple.fr")).toEqual({ newEmail: "pris@exemple.fr" });
      const toTaken = (await newMails(2)).find((mail) => mail.to[0] === "pris@exemple.fr")!;
      expect(toTaken.text).toContain("déjà l'identifiant d'un compte");
      expect(toTaken.text).not.toMatch(/jeton=/);
      expect(await database.prisma.authToken.count({ where: { purpose: "EMAIL_CHANGE" } })).toBe(tokensBefore);
    });

    it("refuses the link when the address was taken in the meantime, and changes nothing", async () => {
      await requestChange("convoite@exemple.fr");
      const toNew = (await newMails(2)).find((mail) => mail.to[0] === "convoite@exemple.fr")!;
      await createParent("convoite@exemple.fr", "RAPIDE");
      expect(await confirmEmailChange(database.prisma, linkIn(toNew, "/confirmation-email"))).toEqual({
        ok: false,
        message: EMAIL_UNAVAILABLE,
      });
      expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe("nouveau@exemple.fr");
    });
  });

  describe("password change", () => {
    it("checks the old password, stores the new one and signs out every other session", async () => {
      const userId = await createParent("change@exemple.fr", "CHANGE");
      await expect(
        changePassword(database.prisma, userId, { currentPassword: "pas le bon", password: "un tout nouveau mot de passe" }),
      ).rejects.toEqual(new AppError("WRONG_PASSWORD", WRONG_CURRENT_PASSWORD));
      const before = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      expect(
        await changePassword(database.prisma, userId, { currentPassword: PASSWORD, password: "un tout nouveau mot de passe" }),
      ).toEqual({ email: "change@exemple.fr", sessionVersion: before.sessionVersion + 1 });
      const after = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      expect((await login("change@exemple.fr", "un tout nouveau mot de passe")).ok).toBe(true);
      expect((await login("change@exemple.fr", PASSWORD)).ok).toBe(false);
    });
  });

  describe("a family account created by the script", () => {
    it("receives its activation link at once, usable once", async () => {
      const account = await createFamilyAccount(database.prisma, { email: "Famille.Neuve@exemple.fr", familyName: "neuve" });
      const [mail] = await newMails(1);
      expect(mail.to).toEqual(["famille.neuve@exemple.fr"]);
      expect(mail.text).toContain("pour la famille NEUVE");
      const secret = linkIn(mail, "/activation");
      expect(await activateAccount(database.prisma, secret, PASSWORD)).toEqual({
        ok: true,
        userId: account.userId,
        email: account.email,
      });
      expect((await activateAccount(database.prisma, secret, PASSWORD)).ok).toBe(false);
      await expect(
        createFamilyAccount(database.prisma, { email: "famille.neuve@exemple.fr", familyName: "Doublon" }),
      ).rejects.toThrow(/déjà l'identifiant/);
      expect(await database.prisma.family.count({ where: { name: "DOUBLON" } })).toBe(0);
    });
  });

  // Last of the file: a mail sent late by any test above (after its own check) shows here.
  it("sent no mail beyond those the tests above read", async () => {
    await deliverMails(database, smtp);
    expect((await smtp.settle()).slice(seen).map((mail) => `${mail.to.join(", ")} : ${mail.subject}`)).toEqual([]);
  });
});

describe("the account forms' schemas", () => {
  it("refuse a user id, family id or any other field slipped into the request", () => {
    const attempts: { success: boolean; error?: z.ZodError }[] = [
      ZChangePasswordSchema.safeParse({
        currentPassword: PASSWORD,
        password: "un tout nouveau mot de passe",
        confirmation: "un tout nouveau mot de passe",
        userId: "x",
      }),
      ZChangeEmailSchema.safeParse({ newEmail: "a@exemple.fr", currentPassword: PASSWORD, userId: "x" }),
      ZChangeEmailSchema.safeParse({ newEmail: "a@exemple.fr", currentPassword: PASSWORD, familyId: "x" }),
      ZForgotPasswordSchema.safeParse({ email: "a@exemple.fr", userId: "x" }),
    ];
    for (const attempt of attempts) {
      expect(attempt.success).toBe(false);
      expect(attempt.error && z.flattenError(attempt.error).formErrors).toEqual([UNEXPECTED_FIELD]);
    }
  });

  it("apply the password policy and the confirmation to the new password", () => {
    const result = ZChangePasswordSchema.safeParse({ currentPassword: "x", password: "azerty", confirmation: "autre chose" });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = z.flattenError(result.error).fieldErrors;
      expect(errors.password?.[0]).toBe("Le mot de passe doit comporter au moins 12 caractères.");
    }
    // The action adds the 10 000 most common passwords (the form cannot load the list).
    const common = ZChangePasswordActionSchema.safeParse({ currentPassword: "x", password: COMMON, confirmation: COMMON });
    expect(common.success ? null : z.flattenError(common.error).fieldErrors.password).toEqual([
      "Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre.",
    ]);
    expect(ZChangePasswordSchema.safeParse({ currentPassword: "x", password: COMMON, confirmation: COMMON }).success).toBe(true);
    const mismatch = ZChangePasswordActionSchema.safeParse({
      currentPassword: "x",
      password: "une phrase longue et rare",
      confirmation: "une autre phrase",
    });
    expect(mismatch.success ? null : z.flattenError(mismatch.error).fieldErrors.confirmation).toEqual([
      "Les deux mots de passe ne sont pas identiques.",
    ]);
  });
});

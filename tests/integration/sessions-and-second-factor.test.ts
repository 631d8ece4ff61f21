// Issue #10: server-side sessions (absolute end, idle timeout, logout), what a password change
// or reset revokes, the activation link's single purpose, throttled password checks, the staff
// second factor's challenge, and the authentication journal — on both databases, with the clock
// passed in.
import { activateAccount, ALREADY_ACTIVATED_MESSAGE } from "@/lib/auth/activation";
import { recentLogins } from "@/lib/auth/auth-events";
import { changePassword, CURRENT_PASSWORD_LIMIT, WRONG_CURRENT_PASSWORD } from "@/lib/auth/change-password";
import { EMAIL_CHANGE_LIMIT, requestEmailChange } from "@/lib/auth/email-change";
import { checkLogin } from "@/lib/auth/login";
import { CHALLENGE_MAX_ATTEMPTS, findLoginChallenge, openLoginChallenge } from "@/lib/auth/login-challenge";
import { hashPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/password-reset";
import { replaceRecoveryCodes } from "@/lib/auth/second-factor";
import { checkSecondFactor, confirmEnrolment, WRONG_CODE_MESSAGE } from "@/lib/auth/second-factor-login";
import { purgeEndedSessions } from "@/lib/auth/session-purge";
import { createLoginThrottle } from "@/lib/auth/throttle";
import { createAuthToken, peekAuthToken } from "@/lib/auth/tokens";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret";
import { openUserSession, readUserSession, revokeUserSession, SESSION_LIMITS } from "@/lib/auth/user-sessions";
import * as clock from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { resetStaffSecondFactor } from "@/lib/staff/staff";

import { createTown } from "../helpers/admin-fixtures";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import { totpAt } from "../helpers/totp";

const PASSWORD = "une phrase de passe solide";
const META = { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" };
const T0 = new Date("2026-12-01T08:00:00Z");
const minutes = (n: number) => n * 60 * 1000;
const after = (ms: number, from = T0) => new Date(from.getTime() + ms);

describe.each(testDatabaseKinds())("sessions and the second factor on %s", (kind) => {
  let database: TestDatabase;
  let counter = 0;

  const createUser = async (
    role: "PARENT" | "AGENT" | "ADMIN",
    options: { password?: string | null; activatedAt?: Date | null } = {},
  ) => {
    counter += 1;
    const email = `compte-${counter}@exemple.fr`;
    const passwordHash = options.password === null ? null : await hashPassword(options.password ?? PASSWORD);
    const activatedAt = options.activatedAt === undefined ? new Date() : options.activatedAt;
    if (role === "PARENT") {
      const family = await database.prisma.family.create({
        data: { name: `FAMILLE${counter}`, users: { create: { email, role, passwordHash, activatedAt } } },
        select: { users: { select: { id: true } } },
      });
      return { id: family.users[0].id, email };
    }
    const user = await database.prisma.user.create({ data: { email, role, passwordHash, activatedAt }, select: { id: true } });
    return { id: user.id, email };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await createTown(database.prisma);
  });
  afterAll(async () => {
    await database?.drop();
  });

  describe("server-side sessions", () => {
    it("ends a parent's session after 2 hours without activity", async () => {
      const parent = await createUser("PARENT");
      const session = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, T0);
      expect(await readUserSession(database.prisma, session.id, after(SESSION_LIMITS.PARENT.idleMs - minutes(1)))).toMatchObject({
        sessionId: session.id,
      });
      // That request counted as activity: two more hours from there.
      expect(
        await readUserSession(database.prisma, session.id, after(2 * SESSION_LIMITS.PARENT.idleMs - minutes(2))),
      ).toMatchObject({ sessionId: session.id });
      expect(await readUserSession(database.prisma, session.id, after(3 * SESSION_LIMITS.PARENT.idleMs))).toEqual({
        ended: "idle",
      });
    });

    it("ends a parent's session 12 hours after login however active, and a staff member's after 10 hours or 30 idle minutes", async () => {
      const parent = await createUser("PARENT");
      const session = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, T0);
      let now = T0;
      while (now.getTime() < T0.getTime() + SESSION_LIMITS.PARENT.absoluteMs - minutes(30)) {
        now = after(minutes(30), now);
        expect(await readUserSession(database.prisma, session.id, now)).toMatchObject({ sessionId: session.id });
      }
      expect(await readUserSession(database.prisma, session.id, after(SESSION_LIMITS.PARENT.absoluteMs))).toEqual({
        ended: "expired",
      });

      const agent = await createUser("AGENT");
      const staff = await openUserSession(database.prisma, { userId: agent.id, role: "AGENT", ...META }, T0);
      expect(await readUserSession(database.prisma, staff.id, after(minutes(29)))).toMatchObject({ sessionId: staff.id });
      expect(await readUserSession(database.prisma, staff.id, after(minutes(29) + minutes(30)))).toEqual({ ended: "idle" });
      const busy = await openUserSession(database.prisma, { userId: agent.id, role: "AGENT", ...META }, T0);
      for (let step = 1; step * 20 < 600; step++) await readUserSession(database.prisma, busy.id, after(minutes(step * 20)));
      expect(await readUserSession(database.prisma, busy.id, after(SESSION_LIMITS.STAFF.absoluteMs))).toEqual({
        ended: "expired",
      });
    });

    it("ends a session for good at logout, and any session of a deactivated account", async () => {
      const parent = await createUser("PARENT");
      const session = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, T0);
      expect(await revokeUserSession(database.prisma, session.id, after(minutes(1)))).toBe(true);
      expect(await readUserSession(database.prisma, session.id, after(minutes(2)))).toEqual({ ended: "revoked" });
      expect(await readUserSession(database.prisma, "not-a-session-id", T0)).toEqual({ ended: "unknown" });

      const other = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, T0);
      await database.prisma.user.update({ where: { id: parent.id }, data: { active: false } });
      expect(await readUserSession(database.prisma, other.id, after(minutes(1)))).toEqual({ ended: "inactive-account" });
    });

    it("purges sessions a day after they ended, not before", async () => {
      const parent = await createUser("PARENT");
      const ended = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, T0);
      await revokeUserSession(database.prisma, ended.id, after(minutes(5)));
      const live = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META }, after(minutes(5)));
      await purgeEndedSessions(database.prisma, after(minutes(60)));
      expect(await database.prisma.userSession.count({ where: { id: { in: [ended.id, live.id] } } })).toBe(2);
      // A day and a bit after the live one reached its absolute end (12 h), both go.
      await purgeEndedSessions(database.prisma, after(minutes(5) + 37 * 60 * 60 * 1000));
      expect(
        await database.prisma.userSession.findMany({ where: { id: { in: [ended.id, live.id] } }, select: { id: true } }),
      ).toEqual([]);
    });
  });

  describe("password changes and links", () => {
    it("a password change ends every other session, voids every pending link, and keeps this one", async () => {
      const parent = await createUser("PARENT");
      const here = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META });
      const elsewhere = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META });
      const links = await Promise.all([
        createAuthToken(database.prisma, { userId: parent.id, purpose: "PASSWORD_RESET" }),
        createAuthToken(database.prisma, { userId: parent.id, purpose: "ACTIVATION" }),
        createAuthToken(database.prisma, { userId: parent.id, purpose: "EMAIL_CHANGE", newEmail: "ailleurs@exemple.fr" }),
      ]);
      await changePassword(
        database.prisma,
        parent.id,
        { currentPassword: PASSWORD, password: "une toute nouvelle phrase" },
        { sessionId: here.id, meta: META },
      );
      expect(await readUserSession(database.prisma, here.id)).toMatchObject({ sessionId: here.id });
      expect(await readUserSession(database.prisma, elsewhere.id)).toEqual({ ended: "revoked" });
      expect(await peekAuthToken(database.prisma, links[0], "PASSWORD_RESET")).toEqual({ ok: false, reason: "used" });
      expect(await peekAuthToken(database.prisma, links[1], "ACTIVATION")).toEqual({ ok: false, reason: "used" });
      expect(await peekAuthToken(database.prisma, links[2], "EMAIL_CHANGE")).toEqual({ ok: false, reason: "used" });
      expect(await database.prisma.auditLog.count({ where: { action: "auth.password.change", targetId: parent.id } })).toBe(1);
    });

    it("a reset ends every session and voids the other links", async () => {
      const parent = await createUser("PARENT");
      const session = await openUserSession(database.prisma, { userId: parent.id, role: "PARENT", ...META });
      const reset = await createAuthToken(database.prisma, { userId: parent.id, purpose: "PASSWORD_RESET" });
      const change = await createAuthToken(database.prisma, {
        userId: parent.id,
        purpose: "EMAIL_CHANGE",
        newEmail: "vole@exemple.fr",
      });
      expect((await resetPassword(database.prisma, reset, "une phrase toute neuve", clock.now(), META)).ok).toBe(true);
      expect(await readUserSession(database.prisma, session.id)).toEqual({ ended: "revoked" });
      expect(await peekAuthToken(database.prisma, change, "EMAIL_CHANGE")).toEqual({ ok: false, reason: "used" });
      expect(await database.prisma.auditLog.count({ where: { action: "auth.password-reset.use", targetId: parent.id } })).toBe(1);
    });

    it("an activation link sets only a first password", async () => {
      const fresh = await createUser("PARENT", { password: null, activatedAt: null });
      const first = await createAuthToken(database.prisma, { userId: fresh.id, purpose: "ACTIVATION" });
      const second = await createAuthToken(database.prisma, { userId: fresh.id, purpose: "ACTIVATION" });
      expect((await activateAccount(database.prisma, first, "la première phrase de passe")).ok).toBe(true);
      // The other link sent before is void once the account has its password.
      expect(await activateAccount(database.prisma, second, "une phrase pour prendre la main")).toEqual({
        ok: false,
        message: expect.stringMatching(/déjà été utilisé/),
      });

      // Even a link made after activation (resent by mistake) cannot change an activated account's password.
      const late = await createAuthToken(database.prisma, { userId: fresh.id, purpose: "ACTIVATION" });
      const before = await database.prisma.user.findUniqueOrThrow({ where: { id: fresh.id }, select: { passwordHash: true } });
      expect(await activateAccount(database.prisma, late, "une phrase pour prendre la main")).toEqual({
        ok: false,
        message: ALREADY_ACTIVATED_MESSAGE,
      });
      expect(await database.prisma.user.findUniqueOrThrow({ where: { id: fresh.id }, select: { passwordHash: true } })).toEqual(
        before,
      );
      expect(await peekAuthToken(database.prisma, late, "ACTIVATION")).toMatchObject({ ok: true }); // rolled back with the refusal
    });

    it("throttles checks of the current password per account: after 5 wrong ones, even the right one waits", async () => {
      const parent = await createUser("PARENT");
      for (let i = 0; i < CURRENT_PASSWORD_LIMIT.attempts; i++) {
        await expect(
          changePassword(database.prisma, parent.id, { currentPassword: `faux-${i}`, password: "une toute nouvelle phrase" }),
        ).rejects.toThrow(WRONG_CURRENT_PASSWORD);
      }
      await expect(
        changePassword(database.prisma, parent.id, { currentPassword: PASSWORD, password: "une toute nouvelle phrase" }),
      ).rejects.toThrow(/Trop d'essais du mot de passe/);
      await expect(
        requestEmailChange(database.prisma, parent.id, { newEmail: "autre@exemple.fr", currentPassword: PASSWORD }),
      ).rejects.toThrow(/Trop d'essais du mot de passe/);
      expect(
        await database.prisma.auditLog.count({ where: { action: "auth.password.check-failure", targetId: parent.id } }),
      ).toBe(CURRENT_PASSWORD_LIMIT.attempts);
    });

    it("limits login-change requests to 5 a day per account", async () => {
      const parent = await createUser("PARENT");
      for (let i = 0; i < EMAIL_CHANGE_LIMIT.attempts; i++) {
        await requestEmailChange(database.prisma, parent.id, {
          newEmail: `nouvelle-${counter}-${i}@exemple.fr`,
          currentPassword: PASSWORD,
        });
      }
      const refused = requestEmailChange(database.prisma, parent.id, {
        newEmail: `encore-${counter}@exemple.fr`,
        currentPassword: PASSWORD,
      });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toThrow(/trop de demandes de changement d'identifiant/);
    });
  });

  const enrolled = async () => {
    const agent = await createUser("AGENT");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await database.prisma.user.update({
      where: { id: agent.id },
      data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
    });
    const token = await openLoginChallenge(database.prisma, { userId: agent.id, callbackUrl: "/admin/familles", ...META });
    const challenge = (await findLoginChallenge(database.prisma, token))!;
    return { agent, secret, token, challenge };
  };
  const stepNow = () => Math.floor(Date.now() / 30_000);

  describe("the staff second factor", () => {
    it("accepts the current code once, and refuses the same code for the next login", async () => {
      const { agent, secret, token, challenge } = await enrolled();
      const code = totpAt(secret, stepNow());
      expect(await checkSecondFactor(database.prisma, challenge, code, META)).toEqual({ ok: true, method: "code" });
      expect(await findLoginChallenge(database.prisma, token)).toBeNull(); // closed
      const again = (await findLoginChallenge(
        database.prisma,
        await openLoginChallenge(database.prisma, { userId: agent.id, callbackUrl: null, ...META }),
      ))!;
      expect(await checkSecondFactor(database.prisma, again, code, META)).toEqual({ ok: false, message: WRONG_CODE_MESSAGE });
    });

    it("gives a challenge 5 tries, then the password must be given again", async () => {
      const { secret, token, challenge } = await enrolled();
      for (let i = 0; i < CHALLENGE_MAX_ATTEMPTS; i++) {
        expect(await checkSecondFactor(database.prisma, challenge, "000000", META)).toEqual({
          ok: false,
          message: WRONG_CODE_MESSAGE,
        });
      }
      const late = await checkSecondFactor(database.prisma, challenge, totpAt(secret, stepNow()), META);
      expect(late).toMatchObject({ ok: false, expired: true });
      expect(await findLoginChallenge(database.prisma, token)).toBeNull();
    });

    it("takes a recovery code once, even twice at the same moment", async () => {
      const { agent, challenge } = await enrolled();
      const codes = await replaceRecoveryCodes(database.prisma, agent.id);
      const other = (await findLoginChallenge(
        database.prisma,
        await openLoginChallenge(database.prisma, { userId: agent.id, callbackUrl: null, ...META }),
      ))!;
      const results = await Promise.all([
        checkSecondFactor(database.prisma, challenge, codes[3], META),
        checkSecondFactor(database.prisma, other, codes[3], META),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      const stored = await database.prisma.recoveryCode.findMany({
        where: { userId: agent.id },
        select: { codeHash: true, usedAt: true },
      });
      expect(stored).toHaveLength(10);
      expect(stored.filter((row) => row.usedAt)).toHaveLength(1);
      expect(stored.some((row) => codes.some((code) => row.codeHash.includes(code.replace("-", ""))))).toBe(false); // hashed
      expect(
        await database.prisma.auditLog.count({ where: { action: "auth.second-factor.recovery-code", targetId: agent.id } }),
      ).toBe(1);
    });

    it("enrols with a first code: the factor is on and 10 recovery codes exist", async () => {
      const agent = await createUser("AGENT");
      const secret = "KRUGS4ZANFZSAYJAONSWG4TFOQQGW2LM";
      await database.prisma.user.update({ where: { id: agent.id }, data: { totpSecret: sealTotpSecret(secret) } });
      const challenge = (await findLoginChallenge(
        database.prisma,
        await openLoginChallenge(database.prisma, { userId: agent.id, callbackUrl: null, ...META }),
      ))!;
      expect(await confirmEnrolment(database.prisma, challenge, "123456", META)).toMatchObject({ ok: false });
      const result = await confirmEnrolment(database.prisma, challenge, totpAt(secret, stepNow()), META);
      expect(result).toMatchObject({ ok: true, recoveryCodes: expect.any(Array) });
      if (result.ok) expect(result.recoveryCodes).toHaveLength(10);
      const user = await database.prisma.user.findUniqueOrThrow({
        where: { id: agent.id },
        select: { totpEnabledAt: true, totpSecret: true },
      });
      expect(user.totpEnabledAt).not.toBeNull();
      expect(openTotpSecret(user.totpSecret!)).toBe(secret);
      expect(await database.prisma.auditLog.count({ where: { action: "auth.second-factor.enrol", targetId: agent.id } })).toBe(1);
    });
  });

  describe("an admin's reset of a colleague's second factor", () => {
    it("is refused to an agent, and for an admin drops the secret and codes and ends the colleague's sessions", async () => {
      const { agent, challenge } = await enrolled();
      await replaceRecoveryCodes(database.prisma, agent.id);
      const session = await openUserSession(database.prisma, { userId: agent.id, role: "AGENT", ...META });
      const admin = await createUser("ADMIN");
      const otherAgent = await createUser("AGENT");
      const viewer = (user: { id: string; email: string }, role: "AGENT" | "ADMIN") => ({
        userId: user.id,
        email: user.email,
        name: "X",
        role,
        familyId: null,
      });

      await expect(resetStaffSecondFactor(database.prisma, viewer(otherAgent, "AGENT"), agent.id, META)).rejects.toThrow(
        "Seul un administrateur peut gérer",
      );
      expect(await database.prisma.user.findUniqueOrThrow({ where: { id: agent.id }, select: { totpEnabledAt: true } })).toEqual({
        totpEnabledAt: expect.any(Date),
      });

      await resetStaffSecondFactor(database.prisma, viewer(admin, "ADMIN"), agent.id, META);
      expect(
        await database.prisma.user.findUniqueOrThrow({
          where: { id: agent.id },
          select: { totpSecret: true, totpEnabledAt: true },
        }),
      ).toEqual({ totpSecret: null, totpEnabledAt: null });
      expect(await database.prisma.recoveryCode.count({ where: { userId: agent.id } })).toBe(0);
      expect(await readUserSession(database.prisma, session.id)).toEqual({ ended: "revoked" });
      expect(await findLoginChallenge(database.prisma, undefined)).toBeNull();
      expect(await database.prisma.loginChallenge.count({ where: { id: challenge.id, usedAt: null } })).toBe(0);
      expect(
        await database.prisma.auditLog.findFirstOrThrow({ where: { action: "auth.second-factor.reset", targetId: agent.id } }),
      ).toMatchObject({ actorUserId: admin.id, actorRole: "ADMIN" });
    });
  });

  describe("the authentication journal", () => {
    it("records failures, throttling and successes with the address and browser, and lists the last logins newest first", async () => {
      const parent = await createUser("PARENT");
      const throttle = createLoginThrottle(database.prisma);
      await checkLogin(database.prisma, throttle, { email: parent.email, password: "faux", ...META });
      expect((await checkLogin(database.prisma, throttle, { email: parent.email, password: PASSWORD, ...META })).ok).toBe(true);
      const failure = await database.prisma.auditLog.findFirstOrThrow({
        where: { action: "auth.login.failure", targetId: parent.id },
      });
      expect(failure).toMatchObject({ ip: META.ip, details: { navigateur: META.userAgent, motif: "mot de passe incorrect" } });

      for (const [hour, ip] of [
        ["09", "192.0.2.1"],
        ["11", "192.0.2.2"],
        ["10", "192.0.2.3"],
      ] as const) {
        await database.prisma.auditLog.create({
          data: {
            action: "auth.login.success",
            at: new Date(`2026-12-01T${hour}:00:00Z`),
            targetType: "user",
            targetId: parent.id,
            actorUserId: parent.id,
            ip,
            details: { navigateur: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1" },
          },
        });
      }
      const logins = await recentLogins(database.prisma, parent.id);
      expect(logins.map((login) => login.ip)).toEqual(["192.0.2.2", "192.0.2.3", "192.0.2.1"]);
      expect(logins[0].browser).toBe("Safari sur iOS");
    });
  });
});

import { checkLogin, LOGIN_FAILED_MESSAGE } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { createLoginThrottle, LOGIN_LIMITS, type LoginThrottle } from "@/lib/auth/throttle";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const PASSWORD = "un mot de passe assez long";
const THROTTLED = /^Trop de tentatives de connexion\. Veuillez patienter \d+ minutes? avant de réessayer\.$/;

describe.each(testDatabaseKinds())("login on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const passwordHash = await hashPassword(PASSWORD);
    await database.prisma.family.create({
      data: {
        name: "DUPONT",
        users: { create: { email: "parent@exemple.fr", passwordHash, role: "PARENT" } },
      },
    });
    await database.prisma.user.createMany({
      data: [
        { email: "agent@exemple.fr", passwordHash, role: "AGENT" },
        { email: "cible@exemple.fr", passwordHash, role: "AGENT" },
        { email: "rafale@exemple.fr", passwordHash, role: "AGENT" },
        { email: "rafale-ip@exemple.fr", passwordHash, role: "AGENT" },
        { email: "inactif@exemple.fr", passwordHash, role: "AGENT", active: false },
        { email: "non-active@exemple.fr", passwordHash: null, role: "AGENT" },
      ],
    });
  });
  afterAll(() => database?.drop());

  const attempt = (email: string, password: string, ip: string | null) =>
    checkLogin(database.prisma, createLoginThrottle(database.prisma), { email, password, ip });

  /** Password checks actually made: each one leaves a success or a failure in the journal, never a throttled attempt. */
  const passwordChecks = (email: string) =>
    database.prisma.auditLog.count({
      where: { action: "auth.login.failure", targetId: { not: null }, targetType: "user", actor: { email } },
    });

  it("signs in with the right password, whatever the e-mail's case and spaces", async () => {
    const result = await attempt("  Parent@Exemple.FR ", PASSWORD, "192.0.2.1");
    expect(result).toMatchObject({ ok: true, user: { email: "parent@exemple.fr", role: "PARENT", name: "Famille DUPONT" } });
    if (result.ok) expect(result.user.familyId).toEqual(expect.any(String));
  });

  it("gives one neutral message for a wrong password, an unknown e-mail, a deactivated or unactivated account, or a NUL byte", async () => {
    const results = await Promise.all([
      attempt("parent@exemple.fr", "mauvais mot de passe", "192.0.2.2"),
      attempt("personne@exemple.fr", PASSWORD, "192.0.2.3"),
      attempt("inactif@exemple.fr", PASSWORD, "192.0.2.4"),
      attempt("non-active@exemple.fr", PASSWORD, "192.0.2.5"),
      attempt("parent\u0000@exemple.fr", PASSWORD, "192.0.2.6"),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
  });

  it("after 5 attempts on one account from one address within a minute, refuses even the right password", async () => {
    const ip = "198.51.100.10";
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.attempts; i++) {
      expect(await attempt("agent@exemple.fr", `faux-${i}`, ip)).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
    }
    const blocked = await attempt("agent@exemple.fr", PASSWORD, ip);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok)
      expect(blocked.message).toMatch(/^Trop de tentatives de connexion\. Veuillez patienter 15 minutes avant de réessayer\.$/);

    // The same account from another address, and another account from the blocked address, still work.
    expect((await attempt("agent@exemple.fr", PASSWORD, "198.51.100.11")).ok).toBe(true);
    expect((await attempt("parent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
  });

  it("lets four failures through and starts again after a success", async () => {
    const ip = "198.51.100.20";
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.attempts - 1; i++) await attempt("agent@exemple.fr", "faux", ip);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.attempts - 1; i++) await attempt("agent@exemple.fr", "faux", ip);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
  });

  it("throttles one account whatever the address: 12 wrong attempts from 12 addresses", async () => {
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await attempt("cible@exemple.fr", `faux-${i}`, `203.0.113.${100 + i}`));
    const refused = results.map((result) => (result.ok ? "ok" : THROTTLED.test(result.message) ? "throttled" : "wrong"));
    expect(refused).toEqual([...Array(LOGIN_LIMITS.account.attempts).fill("wrong"), "throttled", "throttled"]);
    // The account now waits, even with the right password from a fresh address…
    const blocked = await attempt("cible@exemple.fr", PASSWORD, "203.0.113.200");
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(THROTTLED);
    // …and an unknown address gets the very same answer (nothing tells which accounts exist).
    for (let i = 0; i < LOGIN_LIMITS.account.attempts; i++) await attempt("fantome@exemple.fr", "faux", `203.0.114.${i}`);
    const ghost = await attempt("fantome@exemple.fr", PASSWORD, "203.0.114.200");
    expect(ghost.ok).toBe(false);
    if (!ghost.ok && !blocked.ok) expect(ghost.message).toBe(blocked.message);
  });

  it("consumes an attempt before checking the password: 20 parallel guesses from rotating addresses make at most 10 password checks", async () => {
    const throttle: LoginThrottle = createLoginThrottle(database.prisma);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkLogin(database.prisma, throttle, { email: "rafale@exemple.fr", password: `faux-${i}`, ip: `198.18.0.${i}` }),
      ),
    );
    const checked = await passwordChecks("rafale@exemple.fr");
    expect(checked).toBeLessThanOrEqual(LOGIN_LIMITS.account.attempts);
    expect(checked).toBeGreaterThan(0);
    expect(results.filter((result) => !result.ok && THROTTLED.test(result.message)).length).toBe(20 - checked);
  });

  it("…and from one address, at most 5", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt("rafale-ip@exemple.fr", `faux-${i}`, "198.18.1.1")),
    );
    expect(await passwordChecks("rafale-ip@exemple.fr")).toBeLessThanOrEqual(LOGIN_LIMITS.accountAndIp.attempts);
    expect(results.every((result) => !result.ok)).toBe(true);
  });

  it("limits one address across accounts", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < LOGIN_LIMITS.ip.attempts; i++) {
      await attempt(`inconnu-${i}@exemple.fr`, "faux", ip);
    }
    const blocked = await attempt("parent@exemple.fr", PASSWORD, ip);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/Trop de tentatives de connexion\. Veuillez patienter 30 minutes/);
    expect((await attempt("parent@exemple.fr", PASSWORD, "203.0.113.51")).ok).toBe(true);
  });

  it("still limits the account when no address is known (no trusted proxy)", async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.attempts; i++) await attempt("non-active@exemple.fr", "faux", null);
    const blocked = await attempt("non-active@exemple.fr", "faux", null);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(THROTTLED);
  });

  it("shares the counts between app instances (they live in the database)", async () => {
    const ip = "198.51.100.30";
    await database.prisma.rateLimiterFlexible.deleteMany({ where: { key: { contains: "agent@exemple.fr" } } });
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.attempts; i++) {
      // A new throttle for every attempt, as if each came to a different instance.
      await checkLogin(database.prisma, createLoginThrottle(database.prisma), {
        email: "agent@exemple.fr",
        password: "faux",
        ip,
      });
    }
    const stored = await database.prisma.rateLimiterFlexible.findFirst({
      where: { key: { contains: "agent@exemple.fr|198.51.100.30" } },
    });
    expect(stored?.points).toBe(LOGIN_LIMITS.accountAndIp.attempts);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(false);
  });
});

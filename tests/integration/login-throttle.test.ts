import { checkLogin, LOGIN_FAILED_MESSAGE } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { createLoginThrottle, LOGIN_LIMITS } from "@/lib/auth/throttle";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const PASSWORD = "un mot de passe assez long";

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
        { email: "inactif@exemple.fr", passwordHash, role: "AGENT", active: false },
        { email: "non-active@exemple.fr", passwordHash: null, role: "AGENT" },
      ],
    });
  });
  afterAll(() => database?.drop());

  const attempt = (email: string, password: string, ip: string) =>
    checkLogin(database.prisma, createLoginThrottle(database.prisma), { email, password, ip });

  it("signs in with the right password, whatever the e-mail's case and spaces", async () => {
    const result = await attempt("  Parent@Exemple.FR ", PASSWORD, "192.0.2.1");
    expect(result).toMatchObject({ ok: true, user: { email: "parent@exemple.fr", role: "PARENT", name: "Famille DUPONT" } });
    if (result.ok) expect(result.user.familyId).toEqual(expect.any(String));
  });

  it("gives one neutral message for a wrong password, an unknown e-mail, a deactivated or unactivated account", async () => {
    const results = await Promise.all([
      attempt("parent@exemple.fr", "mauvais mot de passe", "192.0.2.2"),
      attempt("personne@exemple.fr", PASSWORD, "192.0.2.3"),
      attempt("inactif@exemple.fr", PASSWORD, "192.0.2.4"),
      attempt("non-active@exemple.fr", PASSWORD, "192.0.2.5"),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
  });

  it("after 5 failures on one account from one address within a minute, refuses even the right password", async () => {
    const ip = "198.51.100.10";
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.failures; i++) {
      expect(await attempt("agent@exemple.fr", `faux-${i}`, ip)).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
    }
    const blocked = await attempt("agent@exemple.fr", PASSWORD, ip);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Trop de tentatives de connexion\. Veuillez patienter 15 minutes avant de réessayer\.$/);

    // The same account from another address, and another account from the blocked address, still work.
    expect((await attempt("agent@exemple.fr", PASSWORD, "198.51.100.11")).ok).toBe(true);
    expect((await attempt("parent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
  });

  it("lets four failures through and clears them on success", async () => {
    const ip = "198.51.100.20";
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.failures - 1; i++) await attempt("agent@exemple.fr", "faux", ip);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.failures - 1; i++) await attempt("agent@exemple.fr", "faux", ip);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(true);
  });

  it("limits one address across accounts", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < LOGIN_LIMITS.ip.failures; i++) {
      await attempt(`inconnu-${i}@exemple.fr`, "faux", ip);
    }
    const blocked = await attempt("parent@exemple.fr", PASSWORD, ip);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/Trop de tentatives de connexion\. Veuillez patienter 30 minutes/);
    expect((await attempt("parent@exemple.fr", PASSWORD, "203.0.113.51")).ok).toBe(true);
  });

  it("shares the counts between app instances (they live in the database)", async () => {
    const ip = "198.51.100.30";
    for (let i = 0; i < LOGIN_LIMITS.accountAndIp.failures; i++) {
      // A new throttle for every attempt, as if each came to a different instance.
      await checkLogin(database.prisma, createLoginThrottle(database.prisma), { email: "agent@exemple.fr", password: "faux", ip });
    }
    const stored = await database.prisma.rateLimiterFlexible.findFirst({ where: { key: { contains: "agent@exemple.fr|198.51.100.30" } } });
    expect(stored?.points).toBe(LOGIN_LIMITS.accountAndIp.failures);
    expect((await attempt("agent@exemple.fr", PASSWORD, ip)).ok).toBe(false);
  });
});

// Issue #10: a link is checked before the new password is hashed (argon2 is deliberately slow:
// a stream of forged links must not make the server hash passwords for nothing).
import { activateAccount } from "@/lib/auth/activation";
import * as password from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/password-reset";
import { createAuthToken } from "@/lib/auth/tokens";

import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

jest.mock("@/lib/auth/password", () => {
  const actual = jest.requireActual("@/lib/auth/password");
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) };
});
const hashPassword = password.hashPassword as jest.MockedFunction<typeof password.hashPassword>;

describe("password links", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());
  beforeEach(() => hashPassword.mockClear());

  it("hashes no password for a forged, used or expired link, and one for a good link", async () => {
    const family = await database.prisma.family.create({
      data: { name: "LIEN", users: { create: { email: "lien@exemple.fr", role: "PARENT" } } },
      select: { users: { select: { id: true } } },
    });
    const userId = family.users[0].id;
    expect((await resetPassword(database.prisma, "un-lien-invente", "une phrase de passe neuve")).ok).toBe(false);
    expect((await activateAccount(database.prisma, "un-lien-invente", "une phrase de passe neuve")).ok).toBe(false);
    const expired = await createAuthToken(
      database.prisma,
      { userId, purpose: "PASSWORD_RESET" },
      new Date("2020-01-01T00:00:00Z"),
    );
    expect((await resetPassword(database.prisma, expired, "une phrase de passe neuve")).ok).toBe(false);
    expect(hashPassword).not.toHaveBeenCalled();

    const good = await createAuthToken(database.prisma, { userId, purpose: "ACTIVATION" });
    expect((await activateAccount(database.prisma, good, "une phrase de passe neuve")).ok).toBe(true);
    expect(hashPassword).toHaveBeenCalledTimes(1);
    expect((await activateAccount(database.prisma, good, "une autre phrase de passe")).ok).toBe(false);
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });
});

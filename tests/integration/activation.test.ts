import { activateAccount, queueActivationMail } from "@/lib/auth/activation";
import { checkLogin } from "@/lib/auth/login";
import { createLoginThrottle } from "@/lib/auth/throttle";

import { createTown } from "../helpers/admin-fixtures";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const linkIn = (text: string) => {
  const match = text.match(/https?:\/\/\S+\/activation\?jeton=([\w-]+)/);
  if (!match) throw new Error(`no activation link in:\n${text}`);
  return { url: match[0], secret: decodeURIComponent(match[1]) };
};

describe.each(testDatabaseKinds())("account activation on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let userId: string;

  withTestDatabase(kind, async (suite) => {
    ({ database, smtp } = suite);
    await createTown(database.prisma);
    const family = await database.prisma.family.create({
      data: { name: "MARTIN", users: { create: { email: "martin@exemple.fr", role: "PARENT" } } },
      select: { users: { select: { id: true } } },
    });
    userId = family.users[0].id;
  });

  it("mails a single-use link that sets the password, after which the parent can log in", async () => {
    await queueActivationMail(database.prisma, userId);
    await deliverMails(database, smtp);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(["martin@exemple.fr"]);
    expect(mail.subject).toBe("Activez votre compte Portail Familles");
    expect(mail.text).toContain("pour la famille MARTIN");
    const { secret } = linkIn(mail.text);

    const login = () =>
      checkLogin(database.prisma, createLoginThrottle(database.prisma), {
        email: "martin@exemple.fr",
        password: "une phrase à retenir",
        ip: "192.0.2.7",
      });
    expect((await login()).ok).toBe(false); // no password yet

    expect(await activateAccount(database.prisma, secret, "une phrase à retenir")).toEqual({
      ok: true,
      userId: expect.any(String),
      email: "martin@exemple.fr",
    });
    expect((await login()).ok).toBe(true);

    // The link works once.
    expect(await activateAccount(database.prisma, secret, "une autre phrase longue")).toEqual({
      ok: false,
      message: expect.stringMatching(/déjà été utilisé/),
    });
  });

  it("refuses an expired link and leaves the account untouched", async () => {
    const sentAt = new Date("2026-11-01T08:00:00Z");
    await queueActivationMail(database.prisma, userId, { now: sentAt });
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(2);
    const { secret } = linkIn(mails[1].text);
    const before = await database.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    const eightDaysLater = new Date(sentAt.getTime() + 8 * 24 * 3600 * 1000);
    expect(await activateAccount(database.prisma, secret, "encore une phrase", eightDaysLater)).toEqual({
      ok: false,
      message: expect.stringMatching(/a expiré/),
    });
    const after = await database.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it("does not activate a deactivated account, and keeps its link for later", async () => {
    const user = await database.prisma.user.create({ data: { email: "inactif@exemple.fr", role: "PARENT", active: false } });
    await queueActivationMail(database.prisma, user.id);
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(3);
    const { secret } = linkIn(mails[2].text);
    expect(await activateAccount(database.prisma, secret, "une phrase à retenir")).toEqual({
      ok: false,
      message: "Ce compte est désactivé. Contactez le Guichet unique.",
    });
    await database.prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect((await activateAccount(database.prisma, secret, "une phrase à retenir")).ok).toBe(true);
  });
});

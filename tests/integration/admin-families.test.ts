import { activateAccount } from "@/lib/auth/activation";
import { checkLogin } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/password-reset";
import type { StaffViewer } from "@/lib/auth/session";
import { createLoginThrottle } from "@/lib/auth/throttle";
import {
  createFamilyWithParent,
  getFamilyForStaff,
  readChildHealth,
  resendActivation,
  searchFamilies,
  setParentAccountActive,
  setQuotientFamilial,
} from "@/lib/families/families";
import { ZCreateFamilySchema, ZFamilySearchSchema } from "@/lib/families/family.schema";

import { createFamily } from "../helpers/admin-fixtures";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const secretIn = (text: string) => {
  const match = text.match(/\/activation\?jeton=([\w%-]+)/);
  if (!match) throw new Error(`no activation link in:\n${text}`);
  return decodeURIComponent(match[1]);
};

describe.each(testDatabaseKinds())("staff family management on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  withStaffTestBed(kind, (suite) => ({ database, smtp, agent } = suite));

  const login = (email: string, password: string) =>
    checkLogin(database.prisma, createLoginThrottle(database.prisma), { email, password, ip: "192.0.2.9" });

  it("creates a family and its parent account, mails the activation link, and the parent activates and logs in", async () => {
    const input = ZCreateFamilySchema.parse({
      familyName: "Durand",
      firstName: "Léa",
      lastName: "Durand",
      email: " Lea.Durand@Exemple.fr ",
      allowanceNumber: "1234567",
    });
    const { familyId, userId } = await createFamilyWithParent(database.prisma, agent, input);
    await deliverMails(database, smtp);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(["lea.durand@exemple.fr"]);
    expect(mail.text).toContain("pour la famille DURAND");
    expect((await login("lea.durand@exemple.fr", "une phrase très longue")).ok).toBe(false);
    expect(await activateAccount(database.prisma, secretIn(mail.text), "une phrase très longue")).toEqual({
      ok: true,
      userId: expect.any(String),
      email: "lea.durand@exemple.fr",
    });
    expect((await login("lea.durand@exemple.fr", "une phrase très longue")).ok).toBe(true);

    const family = await getFamilyForStaff(database.prisma, agent, familyId);
    expect(family?.guardians).toEqual([expect.objectContaining({ position: 1, firstName: "Léa", lastName: "DURAND" })]);
    expect(family?.users).toEqual([expect.objectContaining({ id: userId, active: true, activatedAt: expect.any(Date) })]);
    expect(
      await database.prisma.auditLog.count({ where: { action: "family.create", familyId, actorUserId: agent.userId } }),
    ).toBe(1);
  });

  it("refuses an e-mail already used, in French, and creates nothing (no activation mail either)", async () => {
    const before = await database.prisma.family.count();
    const mailsBefore = await database.prisma.outboxMail.count();
    const input = ZCreateFamilySchema.parse({
      familyName: "Autre",
      firstName: "Paul",
      lastName: "Autre",
      email: "lea.durand@exemple.fr",
    });
    await expect(createFamilyWithParent(database.prisma, agent, input)).rejects.toThrow(
      "Cette adresse e-mail est déjà l'identifiant d'un autre compte.",
    );
    expect(await database.prisma.family.count()).toBe(before);
    expect(await database.prisma.outboxMail.count()).toBe(mailsBefore);
  });

  it("finds families by name, e-mail, child's name and allocataire number, sorted and paginated by the database", async () => {
    await createFamily(database.prisma, "BERNARD", { email: "contact.bernard@exemple.fr", children: [{ firstName: "Anaïs" }] });
    for (let index = 0; index < 22; index += 1) await createFamily(database.prisma, `LOT${String(index).padStart(2, "0")}`);
    const search = (q: string, extra: Record<string, unknown> = {}) =>
      searchFamilies(database.prisma, agent, ZFamilySearchSchema.parse({ q, ...extra }));
    expect((await search("bernard")).rows.map((family) => family.name)).toEqual(["BERNARD"]);
    expect((await search("CONTACT.bern")).rows.map((family) => family.name)).toEqual(["BERNARD"]);
    expect((await search("anaïs")).rows.map((family) => family.name)).toEqual(["BERNARD"]);
    expect((await search("234567")).rows.map((family) => family.name)).toEqual(["DURAND"]);

    const first = await search("lot");
    expect(first.total).toBe(22);
    expect(first.pageCount).toBe(2);
    expect(first.rows[0].name).toBe("LOT00");
    const second = await search("lot", { page: 2 });
    expect(second.rows.map((family) => family.name)).toEqual(["LOT20", "LOT21"]);
    expect((await search("lot", { sort: "-name" })).rows[0].name).toBe("LOT21");
  });

  it("deactivates an account (signing it out everywhere) and reactivates it", async () => {
    const family = await createFamily(database.prisma, "MOREAU");
    const before = await database.prisma.user.findUniqueOrThrow({
      where: { id: family.user.id },
      select: { sessionVersion: true },
    });
    await setParentAccountActive(database.prisma, agent, family.id, family.user.id, false);
    const after = await database.prisma.user.findUniqueOrThrow({
      where: { id: family.user.id },
      select: { active: true, sessionVersion: true },
    });
    expect(after).toEqual({ active: false, sessionVersion: before.sessionVersion + 1 });
    await setParentAccountActive(database.prisma, agent, family.id, family.user.id, true);
    expect(
      (await database.prisma.user.findUniqueOrThrow({ where: { id: family.user.id }, select: { active: true } })).active,
    ).toBe(true);
    expect(
      await database.prisma.auditLog.count({
        where: { familyId: family.id, action: { in: ["account.deactivate", "account.reactivate"] } },
      }),
    ).toBe(2);
  });

  it("cannot reach an account through another family's id", async () => {
    const one = await createFamily(database.prisma, "UN");
    const two = await createFamily(database.prisma, "DEUX");
    await expect(setParentAccountActive(database.prisma, agent, one.id, two.user.id, false)).rejects.toThrow(
      "Compte introuvable.",
    );
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: two.user.id }, select: { active: true } })).active).toBe(
      true,
    );
  });

  it("resends the activation link: a new mail whose link works", async () => {
    const family = await createFamily(database.prisma, "PETIT", { email: "petit@exemple.fr" });
    await database.prisma.user.update({ where: { id: family.user.id }, data: { activatedAt: null } }); // never activated
    const count = smtp.mails.length;
    await resendActivation(database.prisma, agent, family.id, family.user.id);
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(count + 1);
    expect(mails[count].to).toEqual(["petit@exemple.fr"]);
    expect((await activateAccount(database.prisma, secretIn(mails[count].text), "encore une phrase longue")).ok).toBe(true);
  });

  it("sends an account already activated a password-reset link instead (an activation link sets only a first password)", async () => {
    const family = await createFamily(database.prisma, "GRAND", { email: "grand@exemple.fr" });
    await database.prisma.user.update({
      where: { id: family.user.id },
      data: { passwordHash: await hashPassword("l'ancienne phrase de passe") },
    });
    const count = smtp.mails.length;
    await resendActivation(database.prisma, agent, family.id, family.user.id);
    await deliverMails(database, smtp);
    const mails = await smtp.waitFor(count + 1);
    expect(mails[count].text).toContain("/reinitialisation?jeton=");
    expect(mails[count].text).not.toContain("/activation?jeton=");
    const secret = decodeURIComponent(/\/reinitialisation\?jeton=([\w%-]+)/.exec(mails[count].text)![1]);
    expect(await activateAccount(database.prisma, secret, "une phrase détournée")).toEqual({
      ok: false,
      message: expect.stringMatching(/n'est pas valide/),
    });
    expect((await resetPassword(database.prisma, secret, "une nouvelle phrase de passe")).ok).toBe(true);
  });

  it("sets the quotient familial with the date and an audit entry", async () => {
    const family = await createFamily(database.prisma, "ROUX");
    const now = new Date("2026-11-20T09:00:00Z");
    await setQuotientFamilial(database.prisma, agent, family.id, 640, now);
    expect(
      await database.prisma.family.findUniqueOrThrow({
        where: { id: family.id },
        select: { quotientFamilial: true, qfSetAt: true },
      }),
    ).toEqual({ quotientFamilial: 640, qfSetAt: now });
    expect(
      await database.prisma.auditLog.findFirst({
        where: { familyId: family.id, action: "family.qf.set" },
        select: { details: true },
      }),
    ).toEqual({ details: { quotientFamilial: 640, validFrom: "2026-11-01" } });
    // « Valable à partir du »: by default the first day of the month, kept in the QF's history.
    expect(
      await database.prisma.quotientHistory.findMany({
        where: { familyId: family.id },
        select: { quotientFamilial: true, validFrom: true, setByUserId: true },
      }),
    ).toEqual([{ quotientFamilial: 640, validFrom: new Date("2026-11-01T00:00:00Z"), setByUserId: agent.userId }]);
  });

  it("audits each read of a child's medical section, and only that: the family page itself logs nothing", async () => {
    const family = await createFamily(database.prisma, "GIRARD", {
      children: [{ firstName: "Noé", diet: "ALLERGIE_PAI", allergies: "Arachide" }],
    });
    const child = family.children[0];
    const audited = () => database.prisma.auditLog.count({ where: { action: "child.health.read", childId: child.id } });
    const page = await getFamilyForStaff(database.prisma, agent, family.id);
    expect(JSON.stringify(page)).not.toContain("Arachide");
    expect(await audited()).toBe(0);
    expect(await readChildHealth(database.prisma, agent, family.id, child.id)).toEqual(
      expect.objectContaining({ allergies: "Arachide", hasPai: true, dietKind: "ALLERGIE_PAI" }),
    );
    expect(await audited()).toBe(1);
    const other = await createFamily(database.prisma, "AUTRE");
    await expect(readChildHealth(database.prisma, agent, other.id, child.id)).rejects.toThrow("Enfant introuvable.");
    expect(await audited()).toBe(1);
  });
});

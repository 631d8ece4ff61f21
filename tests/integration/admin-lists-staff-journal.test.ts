import { listAuditEntries } from "@/lib/audit/journal";
import { ZJournalFilterSchema } from "@/lib/audit/journal.schema";
import { purgeOldAuditEntries } from "@/lib/audit/purge";
import type { StaffViewer } from "@/lib/auth/session";
import { dailyList, dailyListSummary, kitchenCounts } from "@/lib/lists/daily-list";
import { dailyListCsv } from "@/lib/lists/list-csv";
import { ZKitchenQuerySchema } from "@/lib/lists/list.schema";
import { createStaffAccount, listStaff, setStaffActive, setStaffRole } from "@/lib/staff/staff";

import { createFamily, createFamilyReservation, createStaffViewer } from "../helpers/admin-fixtures";
import { deliverMails } from "../helpers/deliver-mails";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { withStaffTestBed, type Catalogue } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

describe.each(testDatabaseKinds())("daily lists, staff accounts and the journal on %s", (kind) => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  let agent: StaffViewer;
  let admin: StaffViewer;
  let catalogue: Catalogue;
  withStaffTestBed(kind, { catalogue: true }, async (suite) => {
    ({ database, smtp, agent, catalogue } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
  });

  describe("listes du jour", () => {
    const day = "2026-12-03";
    beforeAll(async () => {
      const meal = catalogue.canteen.units[0].id;
      const kids = [
        { name: "ALBERT", diet: "AUCUN" as const },
        { name: "BRUN", diet: "SANS_PORC" as const },
        { name: "CARON", diet: "ALLERGIE_PAI" as const, allergies: "Arachide" },
        { name: "DUBOIS", diet: undefined },
      ];
      for (const kid of kids) {
        const family = await createFamily(database.prisma, kid.name, {
          children: [
            { firstName: "Élise", schoolId: catalogue.school.id, schoolClass: "CE1 B", diet: kid.diet, allergies: kid.allergies },
          ],
        });
        await createFamilyReservation(database.prisma, family, catalogue.canteen.id, "ACCEPTED", [
          { unitId: meal, day },
          { unitId: meal, day: "2026-12-04" },
        ]);
      }
      const waiting = await createFamily(database.prisma, "ENATTENTE");
      await createFamilyReservation(database.prisma, waiting, catalogue.club.id, "PENDING", [
        { unitId: catalogue.club.units[0].id, day },
      ]);
    });

    it("lists accepted children per unit with class, diet, allergy flag and contacts; pending ones apart and not counted", async () => {
      const list = await dailyList(database.prisma, agent, { date: day });
      expect(list.totalAccepted).toBe(4);
      expect(list.totalPending).toBe(1);
      const canteen = list.units.find((unit) => unit.label === "REPAS ENFANT")!;
      expect(canteen.capacity).toBe(120);
      expect(canteen.accepted.map((child) => [child.name, child.schoolClass, child.diet, child.allergyOrPai])).toEqual([
        ["ALBERT ÉLISE", "CE1 B", "AUCUN", false],
        ["BRUN ÉLISE", "CE1 B", "SANS_PORC", false],
        ["CARON ÉLISE", "CE1 B", "ALLERGIE_PAI", true],
        ["DUBOIS ÉLISE", "CE1 B", null, false],
      ]);
      expect(canteen.accepted[0].emergencyContacts).toBe("Mamie ALBERT (Grand-mère) 06 11 22 33 44");
      // Flags only, never the medical details.
      expect(JSON.stringify(list)).not.toContain("Arachide");
      const club = list.units.find((unit) => unit.label === "MATIN")!;
      expect(club.accepted).toEqual([]);
      expect(club.pending.map((child) => child.name)).toEqual(["ENATTENTE ZOÉ"]);
      expect(
        (await dailyList(database.prisma, agent, { date: day, establishmentId: catalogue.club.establishmentId })).totalAccepted,
      ).toBe(0);
      expect(await database.prisma.auditLog.count({ where: { action: "daily-list.view", actorUserId: agent.userId } })).toBe(2);
    });

    it("sums the day per unit without names (the town-wide view), equal to the lists, and logs no health read", async () => {
      const audits = () => database.prisma.auditLog.count({ where: { action: "daily-list.view", actorUserId: admin.userId } });
      const before = await audits();
      const summary = await dailyListSummary(database.prisma, admin, { date: day });
      const list = await dailyList(database.prisma, admin, { date: day });
      expect(summary.units.map((unit) => [unit.label, unit.accepted, unit.pending, unit.capacity])).toEqual(
        list.units.map((unit) => [unit.label, unit.accepted.length, unit.pending.length, unit.capacity]),
      );
      expect([summary.totalAccepted, summary.totalPending]).toEqual([4, 1]);
      expect(summary.units.find((unit) => unit.label === "REPAS ENFANT")!.establishmentId).toBe(
        catalogue.canteen.establishmentId,
      );
      expect(JSON.stringify(summary)).not.toContain("ÉLISE");
      const club = await dailyListSummary(database.prisma, admin, { date: day, establishmentId: catalogue.club.establishmentId });
      expect(club.units.map((unit) => [unit.label, unit.accepted, unit.pending])).toEqual([["MATIN", 0, 1]]);
      // Only the list with names was logged as a read of health flags.
      expect(await audits()).toBe(before + 1);
    });

    it("refuses the lists and their counts to a parent, whatever the caller's type says", async () => {
      const parent = { ...agent, role: "PARENT" } as unknown as StaffViewer;
      await expect(dailyListSummary(database.prisma, parent, { date: day })).rejects.toThrow();
      await expect(dailyList(database.prisma, parent, { date: day })).rejects.toThrow();
    });

    it("exports the list as CSV for French spreadsheets", async () => {
      const csv = dailyListCsv(day, (await dailyList(database.prisma, agent, { date: day })).units);
      expect(csv.startsWith("\uFEFFDate;Établissement;")).toBe(true);
      expect(csv).toContain(
        "\r\n03/12/2026;CANTINE ELEMENTAIRE CAMBON;RESTAURATION SCOLAIRE;REPAS ENFANT;12:15 – 13:00;Accepté;CARON ÉLISE;Cambon;CE1;CE1 B;Allergie / PAI;Oui;Mamie CARON (Grand-mère) 06 11 22 33 44\r\n",
      );
      expect(csv).toContain(";En attente de validation;ENATTENTE ZOÉ;");
    });

    it("exports a name a spreadsheet would read as a formula as plain text, with a leading quote", async () => {
      const otherDay = "2026-12-10";
      const family = await createFamily(database.prisma, "=2+3", {
        children: [{ firstName: "=2+3", schoolId: catalogue.school.id }],
      });
      await createFamilyReservation(database.prisma, family, catalogue.canteen.id, "ACCEPTED", [
        { unitId: catalogue.canteen.units[0].id, day: otherDay },
      ]);
      const csv = dailyListCsv(otherDay, (await dailyList(database.prisma, agent, { date: otherDay })).units);
      expect(csv).toContain(";Accepté;'=2+3 =2+3;Cambon;");
      expect(csv).not.toMatch(/;[=+\-@\t\r]/);
    });

    it("counts meals per school and diet for a day and for its week", async () => {
      const dayCounts = await kitchenCounts(database.prisma, agent, ZKitchenQuerySchema.parse({ date: day }));
      expect(dayCounts.total).toBe(4);
      expect(dayCounts.rows).toEqual([
        {
          establishment: "CANTINE ELEMENTAIRE CAMBON",
          perDay: { [day]: { AUCUN: 2, SANS_PORC: 1, ALLERGIE_PAI: 1 } },
          flaggedPerDay: { [day]: { ALLERGIE_PAI: 1 } },
          total: 4,
        },
      ]);
      const week = await kitchenCounts(database.prisma, agent, ZKitchenQuerySchema.parse({ date: day, span: "week" }));
      expect(week.days[0]).toBe("2026-11-30");
      expect(week.days).toHaveLength(7);
      expect(week.totalsPerDay).toEqual(expect.objectContaining({ "2026-12-03": 4, "2026-12-04": 4, "2026-12-02": 0 }));
      expect(week.total).toBe(8);
    });
  });

  describe("personnel", () => {
    it("lets an admin create a staff account (activation mail), change its role and deactivate it", async () => {
      const { userId } = await createStaffAccount(database.prisma, admin, {
        firstName: "Inès",
        lastName: "NOUVEL",
        email: "ines.nouvel@mairie.test",
        role: "AGENT",
      });
      await deliverMails(database, smtp);
      const [mail] = await smtp.waitFor(1);
      expect(mail.to).toEqual(["ines.nouvel@mairie.test"]);
      expect(mail.subject).toMatch(/Activez votre compte/);
      await setStaffRole(database.prisma, admin, userId, "ADMIN");
      await setStaffActive(database.prisma, admin, userId, false);
      expect(
        await database.prisma.user.findUniqueOrThrow({
          where: { id: userId },
          select: { role: true, active: true, sessionVersion: true },
        }),
      ).toEqual({ role: "ADMIN", active: false, sessionVersion: 2 });
      expect((await listStaff(database.prisma, admin)).map((member) => member.email)).toContain("ines.nouvel@mairie.test");
    });

    it("refuses every staff management to an agent, who cannot escalate: nothing changes", async () => {
      await expect(setStaffRole(database.prisma, agent, agent.userId, "ADMIN")).rejects.toThrow(
        "Seul un administrateur peut gérer les comptes du personnel.",
      );
      await expect(
        createStaffAccount(database.prisma, agent, { firstName: "X", lastName: "Y", email: "intrus@mairie.test", role: "ADMIN" }),
      ).rejects.toThrow("Seul un administrateur peut gérer");
      await expect(setStaffActive(database.prisma, agent, admin.userId, false)).rejects.toThrow(
        "Seul un administrateur peut gérer",
      );
      await expect(listStaff(database.prisma, agent)).rejects.toThrow("Seul un administrateur peut gérer");
      expect(await database.prisma.user.findUniqueOrThrow({ where: { id: agent.userId }, select: { role: true } })).toEqual({
        role: "AGENT",
      });
      expect(await database.prisma.user.count({ where: { email: "intrus@mairie.test" } })).toBe(0);
      expect(
        (await database.prisma.user.findUniqueOrThrow({ where: { id: admin.userId }, select: { active: true } })).active,
      ).toBe(true);
    });

    it("keeps an admin from demoting or deactivating themself", async () => {
      await expect(setStaffRole(database.prisma, admin, admin.userId, "AGENT")).rejects.toThrow(
        "Vous ne pouvez pas modifier votre propre compte",
      );
      await expect(setStaffActive(database.prisma, admin, admin.userId, false)).rejects.toThrow(
        "Vous ne pouvez pas modifier votre propre compte",
      );
    });

    it("does not turn a parent account into staff", async () => {
      const family = await createFamily(database.prisma, "PARENTX");
      await expect(setStaffRole(database.prisma, admin, family.user.id, "ADMIN")).rejects.toThrow(
        "Compte du personnel introuvable.",
      );
    });
  });

  describe("journal", () => {
    it("filters by actor, action, family and date range, and is for admins only", async () => {
      const family = await createFamily(database.prisma, "JOURNAL");
      await database.prisma.auditLog.createMany({
        data: [
          {
            actorUserId: agent.userId,
            actorRole: "AGENT",
            action: "child.health.read",
            familyId: family.id,
            at: new Date("2026-10-05T10:00:00Z"),
          },
          {
            actorUserId: admin.userId,
            actorRole: "ADMIN",
            action: "family.qf.set",
            familyId: family.id,
            at: new Date("2026-10-06T10:00:00Z"),
            details: { quotientFamilial: 720 },
          },
        ],
      });
      const list = (filter: Record<string, string>) =>
        listAuditEntries(database.prisma, admin, ZJournalFilterSchema.parse(filter));
      expect((await list({ familyId: family.id })).entries.map((entry) => entry.action)).toEqual([
        "family.qf.set",
        "child.health.read",
      ]);
      expect((await list({ familyId: family.id, actor: agent.email })).entries.map((entry) => entry.action)).toEqual([
        "child.health.read",
      ]);
      expect((await list({ familyId: family.id, action: "family." })).total).toBe(1);
      expect((await list({ familyId: family.id, action: "family." })).entries[0].details).toEqual(["Quotient familial : 720"]);
      // By the family's name, any part of it, any case: not by its internal id.
      expect((await list({ family: "journ" })).entries.map((entry) => [entry.action, entry.familyName])).toEqual([
        ["family.qf.set", "JOURNAL"],
        ["child.health.read", "JOURNAL"],
      ]);
      expect((await list({ family: "personne de ce nom" })).total).toBe(0);
      expect(
        (await list({ familyId: family.id, from: "2026-10-06", to: "2026-10-06" })).entries.map((entry) => entry.action),
      ).toEqual(["family.qf.set"]);
      await expect(list({}).then(() => listAuditEntries(database.prisma, agent, ZJournalFilterSchema.parse({})))).rejects.toThrow(
        "réservé aux administrateurs",
      );
    });

    it("purges entries older than 12 months and keeps the others", async () => {
      const now = new Date("2026-11-26T12:00:00Z");
      await database.prisma.auditLog.createMany({
        data: [
          { action: "ancien", at: new Date("2025-11-26T11:59:59Z") },
          { action: "limite", at: new Date("2025-11-26T12:00:00Z") },
        ],
      });
      const before = await database.prisma.auditLog.count();
      expect(await purgeOldAuditEntries(database.prisma, now)).toBe(1);
      expect(await database.prisma.auditLog.count()).toBe(before - 1);
      expect(await database.prisma.auditLog.count({ where: { action: "ancien" } })).toBe(0);
      expect(await database.prisma.auditLog.count({ where: { action: "limite" } })).toBe(1);
    });
  });
});

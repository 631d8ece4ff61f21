import type { StaffViewer } from "@/lib/auth/session";
import { listUsefulContacts } from "@/lib/town/home-content";
import {
  createUsefulContact,
  deleteUsefulContact,
  updateTownSettings,
  updateUsefulContact,
} from "@/lib/town/town-settings-admin";
import { ZTownSettingsSchema, ZUsefulContactSchema } from "@/lib/town/town-settings.schema";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

const VALID = {
  townName: "Ville de Millau",
  portalName: "Portail Familles de Millau",
  guichetName: "Guichet famille",
  guichetPhone: "05 65 59 50 00",
  guichetEmail: "famille@millau.fr",
  guichetAddress: "17 avenue de la République, 12100 Millau",
  guichetHours: "Du lundi au vendredi, 9 h – 17 h",
  primaryColor: "#0A5C36",
};

/** The town settings row's columns that the settings form edits: one per field of its schema. */
const FORM_COLUMNS = Object.fromEntries(Object.keys(ZTownSettingsSchema.shape).map((field) => [field, true])) as Record<
  keyof typeof ZTownSettingsSchema.shape,
  true
>;

describe.each(testDatabaseKinds())("town settings and useful contacts on %s", (kind) => {
  let database: TestDatabase;
  let admin: StaffViewer;
  let agent: StaffViewer;
  const settingsRow = () => database.prisma.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: FORM_COLUMNS });

  withStaffTestBed(kind, async (suite) => {
    ({ database, agent } = suite);
    admin = await createStaffViewer(database.prisma, "ADMIN");
  });

  it("lets an admin save the town settings, audited in the same change", async () => {
    await updateTownSettings(database.prisma, admin, ZTownSettingsSchema.parse({ ...VALID, townName: "  Ville de Millau  " }));
    expect(await settingsRow()).toEqual({ ...VALID, primaryColor: "#0a5c36" });
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "town-settings.update" },
      select: { actorUserId: true, targetId: true },
    });
    expect(audit).toEqual([{ actorUserId: admin.userId, targetId: "1" }]);
  });

  it("refuses a bad e-mail, a bad colour or an empty town name with a French message, and changes nothing", async () => {
    const before = await settingsRow();
    const message = (input: Record<string, unknown>, field: string) => {
      const result = ZTownSettingsSchema.safeParse({ ...VALID, ...input });
      expect(result.success).toBe(false);
      return result.error?.issues.find((issue) => issue.path[0] === field)?.message;
    };
    expect(message({ guichetEmail: "guichet@" }, "guichetEmail")).toBe(
      "L'adresse e-mail du guichet n'est pas valide (exemple : guichet@mairie.fr).",
    );
    expect(message({ primaryColor: "#12345" }, "primaryColor")).toBe(
      "La couleur principale doit être au format #rrggbb (exemple : #1e3a6e).",
    );
    expect(message({ primaryColor: "red" }, "primaryColor")).toBe(
      "La couleur principale doit être au format #rrggbb (exemple : #1e3a6e).",
    );
    expect(message({ primaryColor: "#f5d90a" }, "primaryColor")).toMatch(/^Cette couleur est trop claire/);
    expect(message({ townName: "   " }, "townName")).toBe("Le nom de la commune est obligatoire.");
    expect(await settingsRow()).toEqual(before);
  });

  it("refuses the settings to an agent in the function itself, and changes nothing", async () => {
    const before = await settingsRow();
    const audits = await database.prisma.auditLog.count();
    await expect(
      updateTownSettings(database.prisma, agent, ZTownSettingsSchema.parse({ ...VALID, townName: "Ville pirate" })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Seul un administrateur peut modifier les paramètres de la commune.",
    });
    expect(await settingsRow()).toEqual(before);
    expect(await database.prisma.auditLog.count()).toBe(audits);
  });

  it("adds, edits and deletes useful contacts (as an agent), shown in order on the home page", async () => {
    const second = await createUsefulContact(
      database.prisma,
      agent,
      ZUsefulContactSchema.parse({ label: "Service Enfance", phone: "05 65 00 00 02", email: "", sortOrder: "2" }),
    );
    const first = await createUsefulContact(
      database.prisma,
      agent,
      ZUsefulContactSchema.parse({
        label: "Service Éducation",
        email: "education@millau.fr",
        hours: "9 h – 12 h",
        sortOrder: "1",
      }),
    );
    expect(await listUsefulContacts(database.prisma)).toEqual([
      { id: first.id, label: "Service Éducation", phone: null, email: "education@millau.fr", address: null, hours: "9 h – 12 h" },
      { id: second.id, label: "Service Enfance", phone: "05 65 00 00 02", email: null, address: null, hours: null },
    ]);

    await updateUsefulContact(
      database.prisma,
      agent,
      second.id,
      ZUsefulContactSchema.parse({ label: "Accueils de loisirs", address: "Place du Mandarous", sortOrder: "0" }),
    );
    expect((await listUsefulContacts(database.prisma)).map((contact) => [contact.label, contact.address])).toEqual([
      ["Accueils de loisirs", "Place du Mandarous"],
      ["Service Éducation", null],
    ]);

    await deleteUsefulContact(database.prisma, agent, first.id);
    expect((await listUsefulContacts(database.prisma)).map((contact) => contact.label)).toEqual(["Accueils de loisirs"]);
    await expect(deleteUsefulContact(database.prisma, agent, first.id)).rejects.toThrow("Contact introuvable.");
    await expect(
      updateUsefulContact(database.prisma, agent, first.id, ZUsefulContactSchema.parse({ label: "Fantôme", sortOrder: "0" })),
    ).rejects.toThrow("Contact introuvable.");
    const actions = await database.prisma.auditLog.findMany({
      where: { action: { startsWith: "useful-contact." } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      "useful-contact.create",
      "useful-contact.create",
      "useful-contact.update",
      "useful-contact.delete",
    ]);
  });

  it("refuses an invalid contact with French messages", () => {
    const result = ZUsefulContactSchema.safeParse({ label: "", email: "pas-une-adresse", sortOrder: "deux" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual(
      expect.arrayContaining([
        ["label", "Le nom du contact est obligatoire."],
        ["email", "L'adresse e-mail n'est pas valide (exemple : service@mairie.fr)."],
        ["sortOrder", "L'ordre d'affichage doit être un nombre entier."],
      ]),
    );
  });
});

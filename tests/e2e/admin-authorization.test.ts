// The back office's authorization matrix: every /admin page and every admin server action,
// for a signed-out visitor, a parent and (for admin-only ones) an agent — direct POSTs with
// the Next-Action header included — and proof that nothing changed in the database.
import type { BrowserContext, Browser } from "playwright-core";
import type { Database } from "@/lib/db/connect";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";
import { describeE2e, launchBrowser, login, newContext } from "./browser";
import { FIXTURE_DAY, prepareDemoReservations, serverActions } from "./admin-e2e-fixtures";
import { startPortal, type Portal } from "./portal";

const PAGES = [
  "/admin",
  "/admin/familles",
  "/admin/familles/nouvelle",
  `/admin/familles/${DEMO_IDS.family}`,
  `/admin/familles/${DEMO_IDS.family}/dossier`,
  `/admin/familles/${DEMO_IDS.family}/enfants/${DEMO_IDS.julien}`,
  "/admin/reservations",
  "/admin/listes",
  `/admin/listes/cuisine?date=${FIXTURE_DAY}&span=week`,
  "/admin/catalogue",
  "/admin/catalogue/periodes/nouvelle",
  "/admin/catalogue/etablissements/nouveau",
  "/admin/catalogue/activites/nouvelle",
  "/admin/catalogue/tranches",
  "/admin/contenus",
  "/admin/personnel",
  "/admin/journal",
];
const ADMIN_ONLY_PAGES = ["/admin/personnel", "/admin/journal"];

type Ids = {
  parentId: string;
  agentId: string;
  adminId: string;
  pendingDayId: string;
  periodId: string;
  newsId: string;
  contactId: string;
  schoolId: string;
  establishmentId: string;
  activityId: string;
  /** MATIN of the after-school club (booked on FIXTURE_DAY); a unit never booked; the QF brackets. */
  unitId: string;
  spareUnitId: string;
  bracketIds: string[];
};

/** A complete family record as the staff form posts it (no statements: staff never accept them). */
const STAFF_FAMILY_RECORD = {
  familyId: DEMO_IDS.family,
  version: 1, // the seeded record's

  civility: "M_ET_MME", name: "PIRATE", street: "1 rue Pirate", addressComplement: "", postalCode: "12000", city: "RODEZ", homePhone: "05 65 00 00 00",
  situation: "MARIES", allowanceNumber: "", allowanceHolder: null, benefitScheme: "CAF",
  ...Object.fromEntries(
    ["civility", "lastName", "firstName", "street", "addressComplement", "postalCode", "city", "homePhone", "workPhone", "mobilePhone", "birthDate", "birthPlace", "profession", "socioProfessionalCategory"].flatMap((field) => {
      const key = field[0].toUpperCase() + field.slice(1);
      const first: Record<string, string> = { civility: "M", lastName: "PIRATE", firstName: "Pi", mobilePhone: "06 00 00 00 00" };
      return [[`guardian1${key}`, first[field] ?? ""], [`guardian2${key}`, ""]];
    }),
  ),
};

/** A complete child sheet as the staff form posts it (no « J'accepte », no authorisations: the family's). */
const staffChildSheet = (schoolId: string) => ({
  familyId: DEMO_IDS.family, childId: DEMO_IDS.julien, version: 1, lastName: "PIRATE", firstName: "PIRATE", sex: "M", birthDate: "2016-08-20", schoolId, schoolLevel: "CM2", schoolClass: "",
  doctorName: "Dr Pirate", doctorPhone: "05 65 00 00 00", allergies: "", hasPai: "NON", treatments: "", vaccinationsUpToDate: "OUI", remarks: "",
  dietKind: "AUCUN", dietDetails: "", emergencyContacts: [{ name: "Pi RATE", relation: "Oncle", phone: "06 00 00 00 00" }], authorisedPersons: [],
});

/** A period as its form posts it, valid for the schema (the demo school year, every weekday). */
const periodPayload = (ids: Ids) => ({
  establishmentId: ids.establishmentId,
  activityId: ids.activityId,
  name: "PÉRIODE PIRATE",
  startDate: "2026-09-01",
  endDate: "2027-07-02",
  openWeekdays: "1,2,3,4,5,6,7",
  lastBookingDate: "",
  bookingKind: "DAYS_BEFORE",
  bookingDaysBefore: "0",
  bookingTime: "23:59",
  changeKind: "DAYS_BEFORE",
  changeDaysBefore: "0",
  changeTime: "23:59",
  validationMode: "AUTO",
  minAgeYears: "",
  maxAgeYears: "",
  schoolLevels: "",
  eligibleSchoolIds: "",
  active: "true",
});

// One payload per action, valid for its schema, so that a refusal can only come from the
// caller's role. A new admin action without a line here fails the test.
const PAYLOADS: Record<string, { adminOnly?: boolean; input: (ids: Ids) => Record<string, unknown> }> = {
  createNewsAction: { input: () => ({ title: "Actualité pirate", body: "Texte", published: true }) },
  updateNewsAction: { input: (ids) => ({ id: ids.newsId, title: "Actualité pirate", body: "Texte pirate" }) },
  setNewsPublishedAction: { input: (ids) => ({ id: ids.newsId, published: "false" }) },
  uploadServiceDocumentAction: { input: (ids) => ({ activityId: ids.periodId, kind: "REGLEMENT", title: "Document pirate", file: "%PDF-1.4" }) },
  deleteServiceDocumentAction: { input: (ids) => ({ id: ids.newsId }) },
  updateTownSettingsAction: {
    adminOnly: true,
    input: () => ({ townName: "Ville pirate", portalName: "Portail pirate", guichetName: "Guichet pirate", guichetPhone: "00 00 00 00 00", guichetEmail: "pirate@exemple.fr", guichetAddress: "Île de la Tortue", guichetHours: "Jamais", primaryColor: "#000000" }),
  },
  uploadTownLogoAction: { adminOnly: true, input: () => ({ file: "\u0089PNG" }) },
  removeTownLogoAction: { adminOnly: true, input: () => ({}) },
  createUsefulContactAction: { input: () => ({ label: "Contact pirate", phone: "00 00 00 00 00", sortOrder: "0" }) },
  updateUsefulContactAction: { input: (ids) => ({ id: ids.contactId, label: "Contact pirate", sortOrder: "0" }) },
  deleteUsefulContactAction: { input: (ids) => ({ id: ids.contactId }) },
  createFamilyAction: { input: () => ({ familyName: "PIRATE", firstName: "Pi", lastName: "Rate", email: "pirate@exemple.fr" }) },
  resendActivationAction: { input: (ids) => ({ familyId: DEMO_IDS.family, userId: ids.parentId }) },
  setAccountActiveAction: { input: (ids) => ({ familyId: DEMO_IDS.family, userId: ids.parentId, active: "false" }) },
  setQuotientAction: { input: () => ({ familyId: DEMO_IDS.family, quotientFamilial: "1" }) },
  showChildHealthAction: { input: () => ({ familyId: DEMO_IDS.family, childId: DEMO_IDS.julien }) },
  saveFamilyRecordStaffAction: { input: () => STAFF_FAMILY_RECORD },
  saveChildSheetStaffAction: { input: (ids) => staffChildSheet(ids.schoolId) },
  updateChildIdentityAction: {
    // Version 2: the positive controls below save Julien's sheet (version 1) just before.
    input: (ids) => ({ familyId: DEMO_IDS.family, childId: DEMO_IDS.julien, version: 2, lastName: "PIRATE", firstName: "Julien", sex: "M", birthDate: "2016-08-20", schoolId: ids.schoolId, schoolLevel: "CM2", schoolClass: "" }),
  },
  addChildAction: { input: (ids) => ({ familyId: DEMO_IDS.family, lastName: "PIRATE", firstName: "Pi", sex: "M", birthDate: "2020-01-01", schoolId: ids.schoolId, schoolLevel: "CP" }) },
  decideReservationAction: { input: (ids) => ({ decision: "REFUSED", dayId: ids.pendingDayId, message: "pirate" }) },
  createEstablishmentAction: { input: () => ({ name: "ÉTABLISSEMENT PIRATE", address: "Île de la Tortue", active: "true" }) },
  updateEstablishmentAction: { input: (ids) => ({ id: ids.establishmentId, name: "ÉTABLISSEMENT PIRATE", active: "false" }) },
  createActivityAction: { input: () => ({ code: "PIRATE", name: "Activité pirate", onlinePayment: "true", sortOrder: "0" }) },
  updateActivityAction: { input: (ids) => ({ id: ids.activityId, code: "PIRATE", name: "Activité pirate", onlinePayment: "false", sortOrder: "9" }) },
  createPeriodAction: { input: (ids) => periodPayload(ids) },
  updatePeriodAction: { input: (ids) => ({ id: ids.periodId, ...periodPayload(ids) }) },
  addClosuresAction: { input: (ids) => ({ periodId: ids.periodId, dates: "04/03/2027", reason: "Fermeture pirate", confirm: "true" }) },
  createUnitAction: { input: (ids) => ({ periodId: ids.periodId, label: "UNITÉ PIRATE", startTime: "10:00", endTime: "11:00", capacity: "5", sortOrder: "9" }) },
  updateUnitAction: { input: (ids) => ({ id: ids.unitId, label: "PIRATE", startTime: "10:00", endTime: "11:00", capacity: "2", sortOrder: "0" }) },
  deleteUnitAction: { input: (ids) => ({ id: ids.spareUnitId }) },
  setDayCapacityAction: { input: (ids) => ({ unitId: ids.unitId, dates: "05/03/2027", capacity: "0" }) },
  resetDayCapacityAction: { input: (ids) => ({ unitId: ids.unitId, date: "2027-03-08" }) },
  saveTariffsAction: { input: (ids) => ({ unitId: ids.unitId, ...Object.fromEntries(ids.bracketIds.map((id) => [`price_${id}`, "9,99"])) }) },
  createQfBracketAction: { input: () => ({ label: "Tranche pirate", minQf: "0", maxQf: "10" }) },
  updateQfBracketAction: { input: (ids) => ({ id: ids.bracketIds[0], label: "Tranche pirate", minQf: "0", maxQf: "400" }) },
  deleteQfBracketAction: { input: (ids) => ({ id: ids.bracketIds[3] }) },
  createStaffAction: { adminOnly: true, input: () => ({ firstName: "Pi", lastName: "Rate", email: "pirate.staff@exemple.fr", role: "ADMIN" }) },
  setStaffRoleAction: { adminOnly: true, input: (ids) => ({ userId: ids.agentId, role: "ADMIN" }) },
  setStaffActiveAction: { adminOnly: true, input: (ids) => ({ userId: ids.adminId, active: "false" }) },
  resetStaffSecondFactorAction: { adminOnly: true, input: (ids) => ({ userId: ids.agentId }) },
};

/** Everything an admin action could change, as one comparable value. */
async function fingerprint(database: Database) {
  const [rows] = await database.prisma.$queryRaw<{ state: string }[]>`
    SELECT json_build_object(
      'families', (SELECT count(*) FROM "Family"),
      'users', (SELECT string_agg(email || role || active || "sessionVersion" || coalesce("totpEnabledAt"::text, '-'), ',' ORDER BY email) FROM "User"),
      'recoveryCodes', (SELECT count(*) FROM "RecoveryCode"),
      'qf', (SELECT string_agg(coalesce("quotientFamilial", -1)::text, ',' ORDER BY id) FROM "Family"),
      'news', (SELECT string_agg(title || published, ',' ORDER BY id) FROM "News"),
      'serviceDocuments', (SELECT count(*) FROM "ServiceDocument"),
      'tokens', (SELECT count(*) FROM "AuthToken"),
      'audit', (SELECT count(*) FROM "AuditLog"),
      'days', (SELECT string_agg(status::text, ',' ORDER BY id) FROM "ReservationDay"),
      'counters', (SELECT sum(booked) FROM "UnitDay"),
      'units', (SELECT string_agg(id || label || "startTime" || "endTime" || capacity || '/' || "sortOrder", ',' ORDER BY id) FROM "Unit"),
      'unitDays', (SELECT string_agg("unitId" || date || '/' || capacity || '/' || booked || "capacityOverridden", ',' ORDER BY "unitId", date) FROM "UnitDay"),
      'tariffs', (SELECT string_agg("unitId" || "bracketId" || "priceCents", ',' ORDER BY id) FROM "Tariff"),
      'brackets', (SELECT string_agg(id || label || "minQf" || '/' || coalesce("maxQf", -1), ',' ORDER BY id) FROM "QfBracket"),
      'closures', (SELECT count(*) FROM "Closure"),
      'establishments', (SELECT string_agg(id || name || coalesce("schoolId", '') || coalesce(address, '') || active, ',' ORDER BY id) FROM "Establishment"),
      'activities', (SELECT string_agg(id || code || name || "onlinePayment" || "sortOrder", ',' ORDER BY id) FROM "Activity"),
      'periods', (SELECT string_agg(id || name || "establishmentId" || "activityId" || "startDate" || "endDate" || "openWeekdays"::text || coalesce("lastBookingDate"::text, '') || "bookingRuleId" || "changeRuleId" || "validationMode" || coalesce("minAgeYears"::text, '') || coalesce("maxAgeYears"::text, '') || "schoolLevels"::text || active, ',' ORDER BY id) FROM "Period"),
      'deadlineRules', (SELECT string_agg(id || kind || coalesce(weekday::text, '') || coalesce("daysBefore"::text, '') || "timeOfDay", ',' ORDER BY id) FROM "DeadlineRule"),
      'eligibleSchools', (SELECT string_agg("periodId" || "schoolId", ',' ORDER BY "periodId", "schoolId") FROM "PeriodEligibleSchool"),
      'town', (SELECT string_agg("townName" || "portalName" || "guichetEmail" || "primaryColor" || coalesce(md5("logo"), ''), ',') FROM "TownSettings"),
      'contacts', (SELECT string_agg(label || coalesce(phone, ''), ',' ORDER BY id) FROM "UsefulContact"),
      -- Family records and child sheets, whole rows (updatedAt included, so any write shows).
      'familyRecords', (SELECT md5(string_agg(row_to_json(f)::text, ',' ORDER BY f.id)) FROM "Family" f),
      'guardians', (SELECT md5(string_agg(row_to_json(g)::text, ',' ORDER BY g.id)) FROM "Guardian" g),
      'children', (SELECT md5(string_agg(row_to_json(c)::text, ',' ORDER BY c.id)) FROM "Child" c),
      'childHealth', (SELECT md5(string_agg(row_to_json(h)::text, ',' ORDER BY h."childId")) FROM "ChildHealth" h),
      'childPeople', (SELECT md5(coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY e.id), '') || (SELECT coalesce(string_agg(row_to_json(a)::text, ',' ORDER BY a.id), '') FROM "AuthorisedPerson" a)) FROM "EmergencyContact" e),
      'consents', (SELECT md5(string_agg(row_to_json(k)::text, ',' ORDER BY k.id)) FROM "Consent" k))::text AS state`;
  return rows.state;
}

describeE2e("the back office's authorization matrix", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let portal: Portal;
  let database: Database | null;
  let ids: Ids;
  const contexts: Record<"visitor" | "parent" | "agent" | "admin", BrowserContext> = {} as never;

  beforeAll(async () => {
    // On PostgreSQL (CI) the test reads the portal's database while it runs, to prove that no
    // refused action changed anything (PGlite allows one process only).
    portal = await startPortal({
      prepare: async (prepared) => {
        await prepareDemoReservations(prepared);
        const user = (email: string) => prepared.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((row) => row.id);
        const pending = await prepared.prisma.reservationDay.findFirstOrThrow({ where: { status: "PENDING" }, select: { id: true } });
        const period = await prepared.prisma.period.findFirstOrThrow({ where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } }, select: { id: true, establishmentId: true, activityId: true } });
        const news = await prepared.prisma.news.findFirstOrThrow({ where: { published: true }, select: { id: true } });
        const contact = await prepared.prisma.usefulContact.findFirstOrThrow({ select: { id: true } });
        const school = await prepared.prisma.school.findUniqueOrThrow({ where: { name: "Cambon" }, select: { id: true } });
        const unit = await prepared.prisma.unit.findFirstOrThrow({ where: { periodId: period.id, label: "MATIN" }, select: { id: true } });
        const spareUnit = await prepared.prisma.unit.findFirstOrThrow({ where: { period: { establishment: { name: "CANTINE ELEMENTAIRE FOCH" } }, reservationDays: { none: {} } }, select: { id: true } });
        const brackets = await prepared.prisma.qfBracket.findMany({ orderBy: { minQf: "asc" }, select: { id: true } });
        ids = {
          schoolId: school.id,
          newsId: news.id,
          contactId: contact.id,
          parentId: await user(DEMO_ACCOUNTS.parent),
          agentId: await user(DEMO_ACCOUNTS.agent),
          adminId: await user(DEMO_ACCOUNTS.admin),
          pendingDayId: pending.id,
          periodId: period.id,
          establishmentId: period.establishmentId,
          activityId: period.activityId,
          unitId: unit.id,
          spareUnitId: spareUnit.id,
          bracketIds: brackets.map((bracket) => bracket.id),
        };
      },
    });
    PAGES.push(
      `/admin/catalogue/periodes/${ids.periodId}`,
      `/admin/catalogue/periodes/${ids.periodId}/modifier`,
      `/admin/catalogue/etablissements/${ids.establishmentId}`,
      `/admin/catalogue/activites/${ids.activityId}`,
      `/admin/catalogue/unites/${ids.unitId}`,
      `/admin/catalogue/unites/nouvelle?periode=${ids.periodId}`,
    );
    ({ browser, close } = await launchBrowser());
    database = portal.databaseUrl ? portal.openDatabase() : null;
    contexts.visitor = await newContext(browser, portal.baseUrl);
    for (const role of ["parent", "agent", "admin"] as const) {
      contexts[role] = await newContext(browser, portal.baseUrl);
      const page = await contexts[role].newPage();
      await login(page, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
      await page.waitForURL(role === "parent" ? "**/espace" : "**/admin");
      await page.close();
    }
  });
  afterAll(async () => {
    await database?.close();
    await close?.();
    await portal?.stop();
  });

  it("sends a signed-out visitor to the login page and answers 404 to a parent, on every page and on the CSV export", async () => {
    for (const pathname of PAGES) {
      const visitor = await contexts.visitor.request.get(pathname, { maxRedirects: 0 });
      expect([pathname, visitor.status()]).toEqual([pathname, 307]);
      expect(visitor.headers().location).toContain("/connexion");
      expect([pathname, (await contexts.parent.request.get(pathname, { maxRedirects: 0 })).status()]).toEqual([pathname, 404]);
    }
    const csv = `/api/admin/listes?vue=presence&date=${FIXTURE_DAY}`;
    for (const who of ["visitor", "parent"] as const) {
      const response = await contexts[who].request.get(csv, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toContain("TEST");
    }
    expect((await contexts.agent.request.get(csv)).status()).toBe(200);
  });

  it("keeps the admin-only pages from an agent, and opens every page to an admin", async () => {
    for (const pathname of PAGES) {
      const expected = ADMIN_ONLY_PAGES.includes(pathname) ? 404 : 200;
      expect([pathname, (await contexts.agent.request.get(pathname, { maxRedirects: 0 })).status()]).toEqual([pathname, expected]);
      expect([pathname, (await contexts.admin.request.get(pathname, { maxRedirects: 0 })).status()]).toEqual([pathname, 200]);
    }
    // The town settings are an admin-only section of a staff page.
    expect(await (await contexts.admin.request.get("/admin/contenus")).text()).toContain("Paramètres de la commune");
    expect(await (await contexts.agent.request.get("/admin/contenus")).text()).not.toContain("Paramètres de la commune");
  });

  it("refuses every admin action to a visitor and a parent, and the admin-only ones to an agent, whatever the page posted to; nothing changes", async () => {
    const actions = serverActions().filter((action) => /app\/admin\/(?!documents\/)/.test(action.file));
    expect(actions.length).toBeGreaterThanOrEqual(Object.keys(PAYLOADS).length);
    const post = (context: BrowserContext, actionId: string, pathname: string, input: Record<string, unknown>) =>
      context.request.post(pathname, {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([input]),
        maxRedirects: 0,
      });
    const before = database ? await fingerprint(database) : null;
    for (const action of actions) {
      const payload = PAYLOADS[action.name];
      expect([action.file, action.name, Boolean(payload)]).toEqual([action.file, action.name, true]);
      const input = payload.input(ids);
      const attempts: [BrowserContext, string][] = [
        [contexts.visitor, "/"],
        [contexts.visitor, "/admin/familles"],
        [contexts.parent, "/espace"],
        [contexts.parent, "/admin/familles"],
        ...(payload.adminOnly ? ([[contexts.agent, "/admin"], [contexts.agent, "/admin/personnel"]] as [BrowserContext, string][]) : []),
      ];
      for (const [context, pathname] of attempts) {
        const response = await post(context, action.id, pathname, input);
        const body = await response.text();
        expect([action.name, pathname, body.includes('"ok":true')]).toEqual([action.name, pathname, false]);
        expect(body).not.toContain("doctorName");
      }
    }
    if (database) expect(await fingerprint(database)).toBe(before);

    // Control: the same kind of POST is accepted for the allowed role, so the refusals above
    // come from the role, not from the request's shape.
    const createStaff = actions.find((action) => action.name === "createStaffAction")!;
    const allowed = await post(contexts.admin, createStaff.id, "/admin/personnel", { firstName: "Vraie", lastName: "Recrue", email: "recrue@mairie.test", role: "AGENT" });
    expect(await allowed.text()).toContain('"ok":true');
    if (database) expect(await database.prisma.user.count({ where: { email: "recrue@mairie.test", role: "AGENT" } })).toBe(1);
    const setQf = actions.find((action) => action.name === "setQuotientAction")!;
    expect(await (await post(contexts.agent, setQf.id, "/admin/familles", { familyId: DEMO_IDS.family, quotientFamilial: "720" })).text()).toContain('"ok":true');
    expect(await (await contexts.agent.request.get(`/admin/familles/${DEMO_IDS.family}`)).text()).toContain("720");
    // The staff editing payloads are valid too: the agent's POSTs are accepted.
    for (const name of ["saveFamilyRecordStaffAction", "saveChildSheetStaffAction", "updateChildIdentityAction", "addChildAction"]) {
      const action = actions.find((entry) => entry.name === name)!;
      expect([name, await (await post(contexts.agent, action.id, `/admin/familles/${DEMO_IDS.family}`, PAYLOADS[name].input(ids))).text()]).toEqual([name, expect.stringContaining('"ok":true')]);
    }
    if (database) {
      expect((await database.prisma.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, select: { name: true } })).name).toBe("PIRATE");
      expect(await database.prisma.child.count({ where: { familyId: DEMO_IDS.family, firstName: "PI" } })).toBe(1);
    }
    // The catalogue's period payload is a valid one: an agent's same POST creates the period.
    const createPeriod = actions.find((action) => action.name === "createPeriodAction")!;
    expect(await (await post(contexts.agent, createPeriod.id, "/admin/catalogue", PAYLOADS.createPeriodAction.input(ids))).text()).toContain('"ok":true');
    expect(await (await contexts.agent.request.get("/admin/catalogue")).text()).toContain("PÉRIODE PIRATE");
  });
});

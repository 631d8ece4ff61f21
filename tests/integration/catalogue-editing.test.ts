// The staff's catalogue editing (establishments, activities, periods) on both databases: each
// entity created and edited with its audit entry; duplicates and invalid input refused with
// nothing changed; a period edit that would orphan booked days refused; a new period reaching
// the parent's booking wizard.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { StaffViewer } from "@/lib/auth/session";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";
import {
  createActivity,
  createEstablishment,
  createPeriod,
  getPeriodForEdit,
  updateActivity,
  updateEstablishment,
  updatePeriod,
} from "@/lib/catalogue/catalogue-admin";
import { ZEstablishmentSchema, ZEstablishmentUpdateSchema } from "@/lib/catalogue/establishment.schema";
import { ZPeriodSchema, ZPeriodUpdateSchema, type TPeriodInput } from "@/lib/catalogue/period.schema";
import { dayToDate } from "@/lib/dates/calendar-day";
import { confirmBooking } from "@/lib/reservations/book-days";
import { getEligiblePeriods, getPlanning } from "@/lib/reservations/reservations-query";
import { seedDemo } from "@/prisma/seed";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { expectCountersBalancedAfterEach } from "../helpers/counters";
import { createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { createTestDatabase, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

// Thursday 26 November 2026, 11:00 in Rodez.
const NOW = new Date("2026-11-26T10:00:00Z");

describe.each(testDatabaseKinds())("catalogue editing on %s", (kind) => {
  let database: TestDatabase;
  let agent: StaffViewer;
  let family: FixtureFamily;
  let ids: { cambon: string; foch: string; alsh: string; cambonEstablishment: string };
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-catalogue-"));

  /** Every row these features write, as one comparable value. */
  const snapshot = async () => ({
    establishments: await database.prisma.establishment.findMany({ orderBy: { id: "asc" } }),
    activities: await database.prisma.activity.findMany({ orderBy: { id: "asc" } }),
    periods: await database.prisma.period.findMany({ orderBy: { id: "asc" } }),
    rules: await database.prisma.deadlineRule.findMany({ orderBy: { id: "asc" } }),
    eligibleSchools: await database.prisma.periodEligibleSchool.findMany({ orderBy: [{ periodId: "asc" }, { schoolId: "asc" }] }),
    audit: await database.prisma.auditLog.count(),
  });

  /** A period as the form posts it: strings, comma-joined lists. */
  const periodForm = (overrides: Partial<Record<keyof TPeriodInput, string>> = {}) => ({
    establishmentId: ids.cambonEstablishment,
    activityId: ids.alsh,
    name: "VACANCES D'HIVER 2027",
    startDate: "2027-01-04",
    endDate: "2027-01-29",
    openWeekdays: "1,2,4,5",
    lastBookingDate: "",
    bookingKind: "DAYS_BEFORE",
    bookingWeekday: "",
    bookingDaysBefore: "2",
    bookingTime: "18:00",
    changeKind: "WEEKDAY_OF_PREVIOUS_WEEK",
    changeWeekday: "3",
    changeDaysBefore: "",
    changeTime: "12:30",
    validationMode: "AUTO",
    minAgeYears: "6",
    maxAgeYears: "11",
    schoolLevels: "CM1,CM2",
    eligibleSchoolIds: ids.cambon,
    active: "on",
    ...overrides,
  });
  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "accepted",
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useAsAppDatabase(database);
    await seedDemo(database.prisma, { storageRoot });
    agent = await createStaffViewer(database.prisma, "AGENT");
    [family] = await createCompleteFamilies(database.prisma, 1); // a CM2 pupil at Cambon
    const school = (name: string) =>
      database.prisma.school.findUniqueOrThrow({ where: { name }, select: { id: true } }).then((row) => row.id);
    ids = {
      cambon: await school("Cambon"),
      foch: await school("Foch"),
      alsh: (await database.prisma.activity.findUniqueOrThrow({ where: { code: "ALSH" } })).id,
      cambonEstablishment: "",
    };
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });
  expectCountersBalancedAfterEach(() => database.prisma);

  describe("establishments", () => {
    it("creates an establishment linked to a school, then edits it; each change is audited", async () => {
      const created = await createEstablishment(
        database.prisma,
        agent,
        ZEstablishmentSchema.parse({
          name: "  ALSH   CAMBON ",
          schoolId: ids.cambon,
          address: "2 rue Cambon, Rodez",
          active: "on",
        }),
      );
      expect(await database.prisma.establishment.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        name: "ALSH CAMBON",
        schoolId: ids.cambon,
        address: "2 rue Cambon, Rodez",
        active: true,
      });
      ids.cambonEstablishment = created.id;

      const update = ZEstablishmentUpdateSchema.parse({
        id: created.id,
        name: "ACCUEIL DE LOISIRS CAMBON",
        schoolId: "",
        address: "",
      });
      await updateEstablishment(database.prisma, agent, update.id, update);
      expect(await database.prisma.establishment.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        name: "ACCUEIL DE LOISIRS CAMBON",
        schoolId: null,
        address: null,
        active: false,
      });
      const audit = await database.prisma.auditLog.findMany({
        where: { targetId: created.id },
        orderBy: { at: "asc" },
        select: { action: true, actorUserId: true },
      });
      expect(audit).toEqual([
        { action: "establishment.create", actorUserId: agent.userId },
        { action: "establishment.update", actorUserId: agent.userId },
      ]);
      await updateEstablishment(
        database.prisma,
        agent,
        created.id,
        ZEstablishmentSchema.parse({ name: "ACCUEIL DE LOISIRS CAMBON", schoolId: ids.cambon, active: "on" }),
      );
    });

    it("refuses a name already taken (whatever its case), an unknown school or establishment, and an empty name; nothing changes", async () => {
      const before = await snapshot();
      expect(
        await errorOf(
          createEstablishment(database.prisma, agent, ZEstablishmentSchema.parse({ name: "cantine elementaire foch" })),
        ),
      ).toBe("Un établissement porte déjà ce nom.");
      expect(
        await errorOf(
          updateEstablishment(
            database.prisma,
            agent,
            ids.cambonEstablishment,
            ZEstablishmentSchema.parse({ name: "CANTINE ELEMENTAIRE FOCH" }),
          ),
        ),
      ).toBe("Un établissement porte déjà ce nom.");
      expect(
        await errorOf(
          createEstablishment(
            database.prisma,
            agent,
            ZEstablishmentSchema.parse({ name: "ALSH FANTÔME", schoolId: "00000000-0000-4000-8000-0000000000aa" }),
          ),
        ),
      ).toBe("École introuvable.");
      expect(
        await errorOf(
          updateEstablishment(
            database.prisma,
            agent,
            "00000000-0000-4000-8000-0000000000aa",
            ZEstablishmentSchema.parse({ name: "ALSH FANTÔME" }),
          ),
        ),
      ).toBe("Établissement introuvable.");
      const empty = ZEstablishmentSchema.safeParse({ name: "   ", schoolId: "pas-un-id" });
      expect(empty.success).toBe(false);
      expect(empty.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["name", "Le nom de l'établissement est obligatoire."],
        ["schoolId", "École introuvable."],
      ]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("activities", () => {
    it("creates an activity and edits it; the code is stored upper-cased", async () => {
      const created = await createActivity(
        database.prisma,
        agent,
        ZActivitySchema.parse({ code: "stages_sportifs", name: "STAGES SPORTIFS", sortOrder: "7" }),
      );
      expect(await database.prisma.activity.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        code: "STAGES_SPORTIFS",
        name: "STAGES SPORTIFS",
        sortOrder: 7,
      });
      const update = ZActivityUpdateSchema.parse({
        id: created.id,
        code: "STAGES_SPORT",
        name: "STAGES SPORT",
        sortOrder: "",
      });
      await updateActivity(database.prisma, agent, update.id, update);
      expect(await database.prisma.activity.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        code: "STAGES_SPORT",
        name: "STAGES SPORT",
        sortOrder: 0,
      });
      expect(
        await database.prisma.auditLog.count({
          where: { targetId: created.id, action: { in: ["activity.create", "activity.update"] } },
        }),
      ).toBe(2);
    });

    it("refuses a code already taken, a code with accents or spaces, and an unknown activity; nothing changes", async () => {
      const before = await snapshot();
      expect(
        await errorOf(createActivity(database.prisma, agent, ZActivitySchema.parse({ code: "alsh", name: "Doublon" }))),
      ).toBe("Une activité porte déjà ce code.");
      const stages = await database.prisma.activity.findUniqueOrThrow({ where: { code: "STAGES_SPORT" } });
      expect(
        await errorOf(
          updateActivity(database.prisma, agent, stages.id, ZActivitySchema.parse({ code: "ALSH", name: "Doublon" })),
        ),
      ).toBe("Une activité porte déjà ce code.");
      expect(
        await errorOf(
          updateActivity(
            database.prisma,
            agent,
            "00000000-0000-4000-8000-0000000000aa",
            ZActivitySchema.parse({ code: "X", name: "X" }),
          ),
        ),
      ).toBe("Activité introuvable.");
      const invalid = ZActivitySchema.safeParse({ code: "ÉTÉ JEUNES", name: "", sortOrder: "-1" });
      expect(invalid.error?.issues.map((issue) => issue.path.join("."))).toEqual(["code", "name", "sortOrder"]);
      expect(invalid.error?.issues[0].message).toBe(
        "Le code ne peut contenir que des lettres sans accent, des chiffres et « _ » (exemple : SPORTS_VACANCES).",
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("periods", () => {
    let periodId: string;
    let unitId: string;

    it("creates a period from the form's values, with its own two deadline rules and its eligibility", async () => {
      const created = await createPeriod(database.prisma, agent, ZPeriodSchema.parse(periodForm()));
      periodId = created.id;
      const period = await database.prisma.period.findUniqueOrThrow({
        where: { id: periodId },
        include: { bookingRule: true, changeRule: true, eligibleSchools: true },
      });
      expect(period).toMatchObject({
        name: "VACANCES D'HIVER 2027",
        startDate: dayToDate("2027-01-04"),
        endDate: dayToDate("2027-01-29"),
        openWeekdays: [1, 2, 4, 5],
        lastBookingDate: null,
        validationMode: "AUTO",
        minAgeYears: 6,
        maxAgeYears: 11,
        schoolLevels: ["CM1", "CM2"],
        active: true,
        bookingRule: { kind: "DAYS_BEFORE", weekday: null, daysBefore: 2, timeOfDay: 18 * 60 },
        changeRule: { kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 3, daysBefore: null, timeOfDay: 12 * 60 + 30 },
      });
      expect(period.bookingRuleId).not.toBe(period.changeRuleId);
      expect(period.eligibleSchools.map((entry) => entry.schoolId)).toEqual([ids.cambon]);
      expect(
        await database.prisma.auditLog.count({
          where: { action: "period.create", targetId: periodId, actorUserId: agent.userId },
        }),
      ).toBe(1);
      expect((await getPeriodForEdit(database.prisma, agent, periodId))?.startDate).toBe("2027-01-04");
    });

    it("refuses invalid input field by field: dates out of order, no weekday, last booking date outside, rule without its day", () => {
      const fieldErrors = (values: Record<string, string>) => {
        const parsed = ZPeriodSchema.safeParse(periodForm(values));
        return parsed.success
          ? {}
          : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      };
      expect(fieldErrors({ endDate: "2027-01-03", lastBookingDate: "2027-02-01" })).toEqual({
        endDate: "La date de fin doit être postérieure ou égale à la date de début.",
        lastBookingDate: "La dernière date de réservation ne peut pas être après la fin de la période.",
      });
      // Bookings may close before the period starts (a summer ALSH booked until mid-June).
      expect(fieldErrors({ lastBookingDate: "2026-12-15" })).toEqual({});
      expect(fieldErrors({ openWeekdays: "" })).toEqual({ openWeekdays: "Cochez au moins un jour d'ouverture." });
      expect(fieldErrors({ openWeekdays: "1,lundi" })).toEqual({ openWeekdays: "Jour d'ouverture inconnu." });
      // Blank is "no limit", not 0.
      expect(ZPeriodSchema.parse(periodForm({ minAgeYears: "  ", maxAgeYears: " " }))).toMatchObject({
        minAgeYears: null,
        maxAgeYears: null,
      });
      expect(fieldErrors({ bookingKind: "WEEKDAY_OF_PREVIOUS_WEEK", changeKind: "DAYS_BEFORE", bookingTime: "24:00" })).toEqual({
        bookingTime: "L'heure limite de réservation doit être au format HH:MM (exemple : 23:59).",
        bookingWeekday: "Choisissez le jour de la semaine précédente.",
        changeDaysBefore: "Indiquez le nombre de jours avant (0 pour le jour même).",
      });
      expect(fieldErrors({ startDate: "2027-02-30", schoolLevels: "CM3" })).toEqual({
        startDate: "La date de début n'est pas une date valide.",
        schoolLevels: "Niveau scolaire inconnu.",
      });
      expect(fieldErrors({ minAgeYears: "12" })).toEqual({
        maxAgeYears: "L'âge maximum doit être supérieur ou égal à l'âge minimum.",
      });
    });

    it("refuses a name already used in the establishment and unknown references; nothing changes", async () => {
      const before = await snapshot();
      expect(
        await errorOf(createPeriod(database.prisma, agent, ZPeriodSchema.parse(periodForm({ name: "vacances d'hiver 2027" })))),
      ).toBe("Une période porte déjà ce nom dans cet établissement.");
      expect(
        await errorOf(
          createPeriod(
            database.prisma,
            agent,
            ZPeriodSchema.parse(periodForm({ eligibleSchoolIds: `${ids.cambon},00000000-0000-4000-8000-0000000000aa` })),
          ),
        ),
      ).toBe("École introuvable.");
      expect(
        await errorOf(
          createPeriod(
            database.prisma,
            agent,
            ZPeriodSchema.parse(periodForm({ name: "AUTRE", activityId: "00000000-0000-4000-8000-0000000000aa" })),
          ),
        ),
      ).toBe("Activité introuvable.");
      expect(
        await errorOf(
          updatePeriod(
            database.prisma,
            agent,
            "00000000-0000-4000-8000-0000000000aa",
            ZPeriodSchema.parse(periodForm({ name: "AUTRE" })),
          ),
        ),
      ).toBe("Période introuvable.");
      expect(await snapshot()).toEqual(before);
    });

    it("shows the new period with its unit to the parent's booking wizard", async () => {
      // Units are another screen's work: this one is written directly.
      unitId = (
        await database.prisma.unit.create({
          data: { periodId, label: "JOURNÉE", startTime: "08:30", endTime: "17:30", capacity: 10 },
          select: { id: true },
        })
      ).id;
      const eligible = await getEligiblePeriods(database.prisma, family, family.childId, NOW);
      expect(eligible?.periods).toContainEqual({
        id: periodId,
        establishment: "ACCUEIL DE LOISIRS CAMBON",
        activity: "ACCUEIL DE LOISIRS",
        name: "VACANCES D'HIVER 2027",
      });
      const planning = await getPlanning(database.prisma, family, { childId: family.childId, periodId }, NOW);
      expect(planning?.units.map((unit) => unit.label)).toEqual(["JOURNÉE"]);
      expect(planning?.rows.map((row) => row.day).slice(0, 4)).toEqual(["2027-01-04", "2027-01-05", "2027-01-07", "2027-01-08"]);
      expect(planning?.rows[0].cells[0].kind).toBe("bookable");
    });

    it("stops offering the period when its establishment is closed, and offers it again when reopened", async () => {
      const establishment = (active: boolean) =>
        updateEstablishment(
          database.prisma,
          agent,
          ids.cambonEstablishment,
          ZEstablishmentSchema.parse({
            name: "ACCUEIL DE LOISIRS CAMBON",
            schoolId: ids.cambon,
            address: "",
            ...(active ? { active: "on" } : {}),
          }),
        );
      await establishment(false);
      expect(await getPlanning(database.prisma, family, { childId: family.childId, periodId }, NOW)).toBeNull();
      const before = await snapshot();
      expect(
        await errorOf(
          confirmBooking(
            database.prisma,
            family,
            { childId: family.childId, periodId, days: [{ unitId, date: "2027-01-05" }] },
            NOW,
          ),
        ),
      ).toBe("Période introuvable.");
      expect(await snapshot()).toEqual(before);
      await establishment(true);
      expect(
        (await getPlanning(database.prisma, family, { childId: family.childId, periodId }, NOW))?.rows[0].cells[0].kind,
      ).toBe("bookable");
    });

    it("refuses to move the dates or close a weekday under booked days, counting them; nothing changes", async () => {
      await confirmBooking(
        database.prisma,
        family,
        { childId: family.childId, periodId, days: ["2027-01-05", "2027-01-07", "2027-01-28"].map((date) => ({ unitId, date })) },
        NOW,
      );
      const before = await snapshot();
      const edit = (values: Record<string, string>) =>
        updatePeriod(database.prisma, agent, periodId, ZPeriodSchema.parse(periodForm({ validationMode: "MANUAL", ...values })));
      expect(await errorOf(edit({ endDate: "2027-01-22" }))).toBe(
        "Modification refusée : 1 jour réservé (1 date, le 28/01/2027) serait hors de la période ou sur un jour de fermeture. Annulez d'abord ces réservations, par exemple en ajoutant ces dates aux fermetures de la période (les familles sont alors prévenues).",
      );
      expect(await errorOf(edit({ openWeekdays: "1,2,5" }))).toMatch(
        /^Modification refusée : 2 jours réservés \(2 dates, du 07\/01\/2027 au 28\/01\/2027\) seraient hors de la période/,
      );
      expect(await errorOf(edit({ startDate: "2027-01-06", endDate: "2027-01-27" }))).toMatch(
        /^Modification refusée : 2 jours réservés \(2 dates, du 05\/01\/2027 au 28\/01\/2027\)/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it("refuses to close the establishment while days are booked there, counting them; nothing changes", async () => {
      const before = await snapshot();
      const close = ZEstablishmentSchema.parse({ name: "ACCUEIL DE LOISIRS CAMBON", schoolId: ids.cambon, address: "" });
      expect(await errorOf(updateEstablishment(database.prisma, agent, ids.cambonEstablishment, close, NOW))).toBe(
        "Fermeture refusée : 3 journées réservées à venir dans cet établissement (du 05/01/2027 au 28/01/2027). Ajoutez d'abord ces dates aux fermetures de ses périodes : les réservations sont annulées et les familles prévenues.",
      );
      expect(await snapshot()).toEqual(before);
      // Once those days are past, nothing stands in the way.
      expect(
        await errorOf(
          updateEstablishment(database.prisma, agent, ids.cambonEstablishment, close, new Date("2027-01-29T10:00:00Z")),
        ),
      ).toBe("accepted");
      await updateEstablishment(
        database.prisma,
        agent,
        ids.cambonEstablishment,
        ZEstablishmentSchema.parse({ name: "ACCUEIL DE LOISIRS CAMBON", schoolId: ids.cambon, address: "", active: "on" }),
      );
    });

    it("allows the rest of the edit when no booked day is affected: weekdays, dates, rules, validation, eligibility", async () => {
      const ruleIds = await database.prisma.period.findUniqueOrThrow({
        where: { id: periodId },
        select: { bookingRuleId: true, changeRuleId: true },
      });
      const update = ZPeriodUpdateSchema.parse({
        id: periodId,
        ...periodForm({
          openWeekdays: "2,4,5",
          startDate: "2027-01-05",
          endDate: "2027-02-12",
          lastBookingDate: "2027-02-05",
          bookingKind: "WEEKDAY_OF_PREVIOUS_WEEK",
          bookingWeekday: "2",
          bookingTime: "23:59",
          validationMode: "MANUAL",
          eligibleSchoolIds: ids.foch,
          schoolLevels: "",
          active: "false",
        }),
      });
      const { id, ...input } = update;
      await updatePeriod(database.prisma, agent, id, input);
      const period = await database.prisma.period.findUniqueOrThrow({
        where: { id: periodId },
        include: { bookingRule: true, eligibleSchools: true },
      });
      expect(period).toMatchObject({
        openWeekdays: [2, 4, 5],
        startDate: dayToDate("2027-01-05"),
        endDate: dayToDate("2027-02-12"),
        lastBookingDate: dayToDate("2027-02-05"),
        validationMode: "MANUAL",
        schoolLevels: [],
        active: false,
      });
      // The period's own rule row is updated in place, in the same transaction.
      expect(period.bookingRuleId).toBe(ruleIds.bookingRuleId);
      expect(period.bookingRule).toMatchObject({
        kind: "WEEKDAY_OF_PREVIOUS_WEEK",
        weekday: 2,
        daysBefore: null,
        timeOfDay: 1439,
      });
      expect(period.eligibleSchools.map((entry) => entry.schoolId)).toEqual([ids.foch]);
      expect(await database.prisma.reservationDay.count({ where: { unitId, status: "ACCEPTED" } })).toBe(3);
      const audit = await database.prisma.auditLog.findFirstOrThrow({
        where: { action: "period.update", targetId: periodId },
        select: { details: true },
      });
      expect(audit.details).toMatchObject({ before: { validationMode: "AUTO" }, after: { validationMode: "MANUAL" } });
    });

    it("gives a demo period its own rule when its shared rule changes: the other periods keep theirs", async () => {
      const demo = await database.prisma.period.findFirstOrThrow({
        where: { establishment: { name: "CANTINE ELEMENTAIRE FOCH" } },
        select: { id: true, bookingRuleId: true },
      });
      const sharedRule = await database.prisma.deadlineRule.findUniqueOrThrow({ where: { id: demo.bookingRuleId } });
      const form = await getPeriodForEdit(database.prisma, agent, demo.id);
      const input = ZPeriodSchema.parse({
        ...periodForm(),
        establishmentId: form!.establishmentId,
        activityId: form!.activityId,
        name: form!.name,
        startDate: form!.startDate,
        endDate: form!.endDate,
        openWeekdays: form!.openWeekdays.join(","),
        lastBookingDate: form!.lastBookingDate ?? "",
        bookingKind: "WEEKDAY_OF_PREVIOUS_WEEK",
        bookingWeekday: "4",
        bookingTime: "20:00",
        changeKind: "WEEKDAY_OF_PREVIOUS_WEEK",
        changeWeekday: "2",
        changeTime: "23:59",
        schoolLevels: form!.schoolLevels.join(","),
        eligibleSchoolIds: form!.eligibleSchoolIds.join(","),
        minAgeYears: "",
        maxAgeYears: "",
      });
      await updatePeriod(database.prisma, agent, demo.id, input);
      const after = await database.prisma.period.findUniqueOrThrow({ where: { id: demo.id }, include: { bookingRule: true } });
      expect(after.bookingRuleId).not.toBe(sharedRule.id);
      expect(after.changeRuleId).toBe(sharedRule.id); // unchanged, still shared
      expect(after.bookingRule).toMatchObject({ weekday: 4, timeOfDay: 20 * 60 });
      expect(await database.prisma.deadlineRule.findUniqueOrThrow({ where: { id: sharedRule.id } })).toEqual(sharedRule);
      expect(await database.prisma.period.count({ where: { bookingRuleId: sharedRule.id } })).toBeGreaterThan(10);
    });
  });
});

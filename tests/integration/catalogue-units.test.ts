import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { z } from "zod";

import type { StaffViewer } from "@/lib/auth/session";
import { ZQfBracketCreateSchema, ZQfBracketUpdateSchema } from "@/lib/catalogue/qf-bracket.schema";
import { createQfBracket, deleteQfBracket, listQfBrackets, updateQfBracket } from "@/lib/catalogue/qf-brackets";
import { ZTariffsSchema } from "@/lib/catalogue/tariff.schema";
import { saveTariffs } from "@/lib/catalogue/tariffs";
import { createUnit, deleteUnit, getUnitForStaff, resetDayCapacity, setDayCapacity, updateUnit } from "@/lib/catalogue/units";
import { ZDayCapacitySchema, ZUnitCreateSchema, ZUnitUpdateSchema } from "@/lib/catalogue/units.schema";
import { dateToDay, dayToDate } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import { confirmBooking } from "@/lib/reservations/book-days";
import { seedDemo } from "@/prisma/seed";

import { createStaffViewer } from "../helpers/admin-fixtures";
import { expectCountersBalancedAfterEach } from "../helpers/counters";
import { cantinePeriod, createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import { holdRowLock, stillPending } from "../helpers/row-lock";
import { createTestDatabase, describePostgres, testDatabaseKinds, useAsAppDatabase, type TestDatabase } from "../helpers/test-db";

// Thursday 26 November 2026, 11:00 in Rodez: the weeks from 7 December are bookable at the
// demo's cantine (deadline: Tuesday of the week before, 23:59).
const NOW = new Date("2026-11-26T10:00:00Z");

function setup(kind: "pglite" | "postgres", families: number, poolSize?: number) {
  const state = {} as {
    database: TestDatabase;
    agent: StaffViewer;
    cantine: { periodId: string; unitId: string };
    families: FixtureFamily[];
    next: number;
  };
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portail-units-"));
  beforeAll(async () => {
    state.database = await createTestDatabase(kind, { poolSize });
    useAsAppDatabase(state.database);
    await seedDemo(state.database.prisma, { storageRoot });
    state.agent = await createStaffViewer(state.database.prisma, "AGENT");
    state.cantine = await cantinePeriod(state.database.prisma, "CAMBON");
    state.families = await createCompleteFamilies(state.database.prisma, families);
    state.next = 0;
  }, 120_000);
  afterAll(async () => {
    await state.database?.drop();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });
  expectCountersBalancedAfterEach(() => state.database.prisma);
  return state;
}

describe.each(testDatabaseKinds())("units, daily capacities and tariffs on %s", (kind) => {
  const state = setup(kind, 16);
  const prisma = () => state.database.prisma;
  const family = () => state.families[state.next++];
  const book = (who: FixtureFamily, unitId: string, days: string[]) =>
    confirmBooking(
      prisma(),
      { familyId: who.familyId, userId: who.userId, email: who.email },
      { childId: who.childId, periodId: state.cantine.periodId, days: days.map((date) => ({ unitId, date })) },
      NOW,
    );
  const counter = (unitId: string, day: string) =>
    prisma().unitDay.findUnique({
      where: { unitId_date: { unitId, date: dayToDate(day) } },
      select: { capacity: true, booked: true, capacityOverridden: true },
    });
  const unitRow = (id: string) =>
    prisma().unit.findUnique({
      where: { id },
      select: { label: true, startTime: true, endTime: true, capacity: true, sortOrder: true },
    });
  const audits = (action: string) => prisma().auditLog.count({ where: { action } });
  /** What the unit forms' actions do: parse the posted form, then call the lib as the agent. */
  const createFromForm = (form: z.input<typeof ZUnitCreateSchema>) =>
    createUnit(state.database.prisma, state.agent, ZUnitCreateSchema.parse(form));
  const updateFromForm = (form: z.input<typeof ZUnitUpdateSchema>) =>
    updateUnit(state.database.prisma, state.agent, ZUnitUpdateSchema.parse(form));
  const setCapacityFromForm = (form: z.input<typeof ZDayCapacitySchema>) =>
    setDayCapacity(state.database.prisma, state.agent, ZDayCapacitySchema.parse(form));
  let unitCount = 0;
  const newUnit = async (capacity: number) =>
    createFromForm({
      periodId: state.cantine.periodId,
      label: `UNITÉ ${++unitCount}`,
      startTime: "16:30",
      endTime: "17:00",
      capacity: String(capacity),
      sortOrder: "5",
    });

  it("creates, edits and deletes a unit, each change audited", async () => {
    const created = await createFromForm({
      periodId: state.cantine.periodId,
      label: " GOÛTER ",
      startTime: "16:30",
      endTime: "17:00",
      capacity: "30",
      sortOrder: "2",
    });
    expect(await unitRow(created.id)).toEqual({
      label: "GOÛTER",
      startTime: "16:30",
      endTime: "17:00",
      capacity: 30,
      sortOrder: 2,
    });
    await expect(
      createFromForm({
        periodId: state.cantine.periodId,
        label: "goûter",
        startTime: "10:00",
        endTime: "11:00",
        capacity: "1",
      }),
    ).rejects.toThrow("Une unité « goûter » existe déjà dans cette période : choisissez un autre libellé.");
    await expect(
      createFromForm({
        periodId: "00000000-0000-4000-8000-000000000000",
        label: "X",
        startTime: "10:00",
        endTime: "11:00",
        capacity: "1",
      }),
    ).rejects.toThrow("Période introuvable.");

    await updateFromForm({
      id: created.id,
      label: "GOÛTER DU SOIR",
      startTime: "16:45",
      endTime: "17:15",
      capacity: "25",
      sortOrder: "3",
    });
    expect(await unitRow(created.id)).toEqual({
      label: "GOÛTER DU SOIR",
      startTime: "16:45",
      endTime: "17:15",
      capacity: 25,
      sortOrder: 3,
    });
    await expect(
      updateFromForm({
        id: "00000000-0000-4000-8000-000000000000",
        label: "X",
        startTime: "10:00",
        endTime: "11:00",
        capacity: "1",
      }),
    ).rejects.toThrow("Unité introuvable.");

    await deleteUnit(state.database.prisma, state.agent, created.id);
    expect(await unitRow(created.id)).toBeNull();
    expect(
      await prisma().auditLog.findMany({
        where: { targetId: created.id },
        orderBy: { id: "asc" },
        select: { action: true, actorUserId: true },
      }),
    ).toEqual(["unit.create", "unit.update", "unit.delete"].map((action) => ({ action, actorUserId: state.agent.userId })));
  });

  it("refuses unreadable unit fields with French messages on each field", () => {
    const parsed = ZUnitCreateSchema.safeParse({
      periodId: state.cantine.periodId,
      label: "",
      startTime: "13:00",
      endTime: "12:15",
      capacity: "-3",
      sortOrder: "a",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      label: "Le libellé est obligatoire.",
      capacity: "La capacité doit être un nombre entier positif ou nul.",
      sortOrder: "L'ordre d'affichage doit être un nombre entier (par exemple 1, 2, 3).",
    });
    const times = ZUnitCreateSchema.safeParse({
      periodId: state.cantine.periodId,
      label: "X",
      startTime: "13:00",
      endTime: "12:15",
      capacity: "3",
    });
    expect(times.error?.issues).toEqual([
      expect.objectContaining({ path: ["endTime"], message: "L'heure de fin doit être après l'heure de début." }),
    ]);
    expect(
      ZUnitCreateSchema.safeParse({
        periodId: state.cantine.periodId,
        label: "X",
        startTime: "25:00",
        endTime: "26:00",
        capacity: "3",
      }).error?.issues[0].message,
    ).toBe("L'heure de début doit être au format HH:MM (par exemple 12:15).");
  });

  it("refuses to delete a unit that has reservation days, in French, and keeps it", async () => {
    const unit = await newUnit(10);
    await book(family(), unit.id, ["2026-12-07"]);
    await expect(deleteUnit(state.database.prisma, state.agent, unit.id)).rejects.toThrow(
      /^Impossible de supprimer l'unité « UNITÉ \d+ » : 1 journée\(s\) de réservation s'y rapportent/,
    );
    expect(await unitRow(unit.id)).not.toBeNull();
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 10, booked: 1, capacityOverridden: false });
  });

  it("carries a new capacity to the days not set by hand, not to the overridden ones", async () => {
    const unit = await newUnit(10);
    await book(family(), unit.id, ["2026-12-07", "2026-12-08"]);
    await setCapacityFromForm({ unitId: unit.id, dates: "10/12/2026", capacity: "4" });
    const result = await updateFromForm({
      id: unit.id,
      label: `UNITÉ ${unitCount}`,
      startTime: "16:30",
      endTime: "17:00",
      capacity: "6",
      sortOrder: "5",
    });
    expect(result.daysUpdated).toBe(2);
    expect((await unitRow(unit.id))?.capacity).toBe(6);
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 6, booked: 1, capacityOverridden: false });
    expect(await counter(unit.id, "2026-12-08")).toEqual({ capacity: 6, booked: 1, capacityOverridden: false });
    expect(await counter(unit.id, "2026-12-10")).toEqual({ capacity: 4, booked: 0, capacityOverridden: true });
    // A day booked afterwards gets its counter with the new capacity.
    await book(family(), unit.id, ["2026-12-11"]);
    expect(await counter(unit.id, "2026-12-11")).toEqual({ capacity: 6, booked: 1, capacityOverridden: false });
  });

  it("refuses a capacity below the booked places, naming the day, and changes nothing", async () => {
    const unit = await newUnit(10);
    for (let index = 0; index < 3; index += 1) await book(family(), unit.id, ["2026-12-07"]);
    const auditsBefore = await audits("unit.update");
    const before = await unitRow(unit.id);
    await expect(
      updateFromForm({
        id: unit.id,
        label: "NOUVEAU NOM",
        startTime: "08:00",
        endTime: "09:00",
        capacity: "2",
        sortOrder: "9",
      }),
    ).rejects.toThrow(
      "Impossible : 3 places déjà réservées le lundi 7 décembre 2026. La capacité ne peut pas descendre sous le nombre de places réservées (capacité demandée : 2). Rien n'a été modifié.",
    );
    expect(await unitRow(unit.id)).toEqual(before);
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 10, booked: 3, capacityOverridden: false });
    expect(await audits("unit.update")).toBe(auditsBefore);
    // Exactly the booked count is allowed.
    await updateFromForm({
      id: unit.id,
      label: before!.label,
      startTime: "16:30",
      endTime: "17:00",
      capacity: "3",
      sortOrder: "5",
    });
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 3, booked: 3, capacityOverridden: false });
  });

  it("sets a capacity on several dates, refuses it below the booked places or outside the period, and goes back to the unit's", async () => {
    const unit = await newUnit(10);
    for (let index = 0; index < 3; index += 1) await book(family(), unit.id, ["2026-12-07"]);
    await setCapacityFromForm({ unitId: unit.id, dates: "07/12/2026\n2026-12-10", capacity: "5" });
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 5, booked: 3, capacityOverridden: true });
    expect(await counter(unit.id, "2026-12-10")).toEqual({ capacity: 5, booked: 0, capacityOverridden: true });

    const auditsBefore = await audits("unit.day-capacity.set");
    await expect(setCapacityFromForm({ unitId: unit.id, dates: "10/12/2026, 07/12/2026", capacity: "2" })).rejects.toThrow(
      "Impossible : 3 places déjà réservées le lundi 7 décembre 2026.",
    );
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 5, booked: 3, capacityOverridden: true });
    expect(await counter(unit.id, "2026-12-10")).toEqual({ capacity: 5, booked: 0, capacityOverridden: true });
    await expect(setCapacityFromForm({ unitId: unit.id, dates: "11/12/2026\n15/07/2027", capacity: "2" })).rejects.toThrow(
      "15/07/2027 : en dehors de la période (du 01/09/2026 au 02/07/2027). Rien n'a été modifié.",
    );
    expect(await counter(unit.id, "2026-12-11")).toBeNull();
    await expect(
      setDayCapacity(state.database.prisma, state.agent, {
        unitId: "00000000-0000-4000-8000-000000000000",
        dates: ["2026-12-11"],
        capacity: 1,
      }),
    ).rejects.toThrow("Unité introuvable.");
    expect(await audits("unit.day-capacity.set")).toBe(auditsBefore);

    const shown = await getUnitForStaff(state.database.prisma, state.agent, unit.id);
    expect(shown?.overriddenDays).toEqual([
      { day: "2026-12-07", capacity: 5, booked: 3 },
      { day: "2026-12-10", capacity: 5, booked: 0 },
    ]);

    await resetDayCapacity(state.database.prisma, state.agent, { unitId: unit.id, date: "2026-12-07" });
    expect(await counter(unit.id, "2026-12-07")).toEqual({ capacity: 10, booked: 3, capacityOverridden: false });
    await expect(resetDayCapacity(state.database.prisma, state.agent, { unitId: unit.id, date: "2026-12-07" })).rejects.toThrow(
      "Le 07/12/2026 n'a pas de capacité particulière pour cette unité.",
    );
    expect(await audits("unit.day-capacity.reset")).toBe(1);
  });

  it("refuses to go back to the unit's capacity when the day has more booked places", async () => {
    const unit = await newUnit(2);
    await setCapacityFromForm({ unitId: unit.id, dates: "08/12/2026", capacity: "4" });
    for (let index = 0; index < 3; index += 1) await book(family(), unit.id, ["2026-12-08"]);
    await expect(resetDayCapacity(state.database.prisma, state.agent, { unitId: unit.id, date: "2026-12-08" })).rejects.toThrow(
      "Impossible : 3 places déjà réservées le mardi 8 décembre 2026, plus que la capacité de l'unité (2 place(s)). Rien n'a été modifié.",
    );
    expect(await counter(unit.id, "2026-12-08")).toEqual({ capacity: 4, booked: 3, capacityOverridden: true });
  });

  it("refuses a parent's booking on a day whose capacity was set to 0, and books nothing", async () => {
    await setCapacityFromForm({ unitId: state.cantine.unitId, dates: "11/12/2026", capacity: "0" });
    const who = family();
    const error = await book(who, state.cantine.unitId, ["2026-12-10", "2026-12-11"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      "Réservation impossible le ven. 11/12/2026 (REPAS ENFANT) : plus de place disponible — contactez le service. Aucune journée n'a été réservée.",
    );
    expect(await prisma().reservation.count({ where: { childId: who.childId } })).toBe(0);
    expect(await counter(state.cantine.unitId, "2026-12-11")).toEqual({ capacity: 0, booked: 0, capacityOverridden: true });
  });

  it("saves the prices of every bracket in one go, and refuses an invalid price with nothing changed", async () => {
    const unit = await newUnit(10);
    const brackets = await listQfBrackets(state.database.prisma, state.agent);
    expect(brackets).toHaveLength(4);
    const form = (prices: string[]) => ({
      unitId: unit.id,
      ...Object.fromEntries(brackets.map((bracket, index) => [`price_${bracket.id}`, prices[index]])),
    });
    await saveTariffs(state.database.prisma, state.agent, ZTariffsSchema.parse(form(["0,80", "1,8", "2.90", "3"])));
    const prices = async () =>
      (
        await prisma().tariff.findMany({
          where: { unitId: unit.id },
          select: { priceCents: true, bracket: { select: { minQf: true } } },
          orderBy: { bracket: { minQf: "asc" } },
        })
      ).map((tariff) => tariff.priceCents);
    expect(await prices()).toEqual([80, 180, 290, 300]);

    const invalid = ZTariffsSchema.safeParse(form(["1,00", "abc", "", "-2"]));
    expect(invalid.success).toBe(false);
    expect(Object.fromEntries(invalid.error!.issues.map((issue) => [issue.path[0], issue.message]))).toEqual({
      [`price_${brackets[1].id}`]: "Prix invalide : saisissez un montant positif en euros, par exemple 3,50.",
      [`price_${brackets[2].id}`]: "Le prix est obligatoire (0 si gratuit).",
      [`price_${brackets[3].id}`]: "Prix invalide : saisissez un montant positif en euros, par exemple 3,50.",
    });
    // Past the form, the database refuses a negative price: the prices written before it in
    // the same transaction are rolled back.
    await expect(
      saveTariffs(state.database.prisma, state.agent, {
        unitId: unit.id,
        prices: brackets.map((bracket, index) => ({ bracketId: bracket.id, priceCents: index === 3 ? -1 : 999 })),
      }),
    ).rejects.toThrow();
    expect(await prices()).toEqual([80, 180, 290, 300]);
    // A bracket missing from the form (added since the page was opened) is refused.
    await expect(
      saveTariffs(state.database.prisma, state.agent, {
        unitId: unit.id,
        prices: brackets.slice(0, 3).map((bracket) => ({ bracketId: bracket.id, priceCents: 1 })),
      }),
    ).rejects.toThrow(
      "Les tranches de quotient familial ont changé depuis l'ouverture de la page : rechargez-la. Aucun tarif n'a été modifié.",
    );
    expect(await prices()).toEqual([80, 180, 290, 300]);
    expect(await prisma().auditLog.count({ where: { action: "tariff.update", targetId: unit.id } })).toBe(1);
  });

  it("edits the quotient brackets and refuses overlapping ones", async () => {
    const before = await listQfBrackets(state.database.prisma, state.agent);
    const last = before[3];
    expect(last).toMatchObject({ label: "QF de 1 000 et plus", minQf: 1000, maxQf: null });
    await expect(
      createQfBracket(
        state.database.prisma,
        state.agent,
        ZQfBracketCreateSchema.parse({ label: "QF de 2 000 et plus", minQf: "2000", maxQf: "" }),
      ),
    ).rejects.toThrow(
      "Cette tranche (2 000 et plus) chevauche la tranche « QF de 1 000 et plus » (1 000 et plus) : un quotient familial ne doit appartenir qu'à une seule tranche. Rien n'a été modifié.",
    );
    await expect(
      updateQfBracket(
        state.database.prisma,
        state.agent,
        ZQfBracketUpdateSchema.parse({ id: before[0].id, label: "QF inférieur à 500", minQf: "0", maxQf: "500" }),
      ),
    ).rejects.toThrow(/chevauche la tranche « QF de 400 à 699 »/);
    expect(await listQfBrackets(state.database.prisma, state.agent)).toEqual(before);
    expect(ZQfBracketCreateSchema.safeParse({ label: "X", minQf: "700", maxQf: "700" }).error?.issues[0]).toMatchObject({
      path: ["maxQf"],
      message: "Le QF maximum doit être supérieur au QF minimum.",
    });

    await updateQfBracket(
      state.database.prisma,
      state.agent,
      ZQfBracketUpdateSchema.parse({ id: last.id, label: "QF de 1 000 à 1 999", minQf: "1000", maxQf: "2000" }),
    );
    const created = await createQfBracket(
      state.database.prisma,
      state.agent,
      ZQfBracketCreateSchema.parse({ label: "QF de 2 000 et plus", minQf: "2 000", maxQf: "" }),
    );
    expect(
      (await listQfBrackets(state.database.prisma, state.agent)).map((bracket) => [bracket.label, bracket.minQf, bracket.maxQf]),
    ).toEqual([
      ["QF inférieur à 400", 0, 400],
      ["QF de 400 à 699", 400, 700],
      ["QF de 700 à 999", 700, 1000],
      ["QF de 1 000 à 1 999", 1000, 2000],
      ["QF de 2 000 et plus", 2000, null],
    ]);
    const unit = await newUnit(1);
    await prisma().tariff.create({ data: { unitId: unit.id, bracketId: created.id, priceCents: 500 } });
    expect(await deleteQfBracket(state.database.prisma, state.agent, created.id)).toEqual({ tariffsRemoved: 1 });
    expect(await prisma().qfBracket.count({ where: { id: created.id } })).toBe(0);
    expect(await prisma().tariff.count({ where: { bracketId: created.id } })).toBe(0);
    expect(await prisma().auditLog.count({ where: { action: { startsWith: "qf-bracket." } } })).toBe(3);
    // The prices that went with the bracket are kept in the journal.
    const deletion = await prisma().auditLog.findFirstOrThrow({
      where: { action: "qf-bracket.delete", targetId: created.id },
      select: { details: true },
    });
    expect(deletion.details).toMatchObject({ tariffsRemoved: 1, prices: [{ unitId: unit.id, priceCents: 500 }] });
  });

  it("answers « introuvable » in French to unknown ids, and changes nothing", async () => {
    const unknown = "00000000-0000-4000-8000-0000000000aa";
    const before = await prisma().auditLog.count();
    await expect(deleteUnit(state.database.prisma, state.agent, unknown)).rejects.toThrow("Unité introuvable.");
    await expect(resetDayCapacity(state.database.prisma, state.agent, { unitId: unknown, date: "2026-12-07" })).rejects.toThrow(
      "Unité introuvable.",
    );
    await expect(saveTariffs(state.database.prisma, state.agent, { unitId: unknown, prices: [] })).rejects.toThrow(
      "Unité introuvable.",
    );
    await expect(
      updateQfBracket(state.database.prisma, state.agent, { id: unknown, label: "X", minQf: 5000, maxQf: 6000 }),
    ).rejects.toThrow("Tranche de quotient familial introuvable.");
    await expect(deleteQfBracket(state.database.prisma, state.agent, unknown)).rejects.toThrow(
      "Tranche de quotient familial introuvable.",
    );
    expect(await prisma().auditLog.count()).toBe(before);
  });
});

describePostgres("capacity changes racing bookings, on PostgreSQL", () => {
  const state = setup("postgres", 240, 20);
  const prisma = () => state.database.prisma;
  const book = (who: FixtureFamily, unitId: string, day: string) =>
    confirmBooking(
      prisma(),
      { familyId: who.familyId, userId: who.userId, email: who.email },
      { childId: who.childId, periodId: state.cantine.periodId, days: [{ unitId, date: day }] },
      NOW,
    );
  /** Counters above their capacity, and counters not set by hand whose capacity is not the unit's. */
  const broken = () =>
    prisma().$queryRaw<{ date: Date }[]>`
      SELECT d."date" FROM "UnitDay" d JOIN "Unit" u ON u."id" = d."unitId"
      WHERE d."booked" > d."capacity" OR (NOT d."capacityOverridden" AND d."capacity" <> u."capacity")`;

  // Each order is forced with a row lock held by the test (tests/helpers/row-lock.ts): a
  // capacity change takes the unit FOR UPDATE, a per-day capacity the unit FOR SHARE then the
  // day's counter; a booking takes the unit FOR KEY SHARE (its lines' foreign key, and the
  // counter's creation) and updates the counter. Free rounds follow, for other timings.
  const lockRows = (sql: string, params: unknown[]) => holdRowLock(state.database.url!, sql, params);
  const lockUnit = (unitId: string, mode: "FOR UPDATE" | "FOR NO KEY UPDATE" | "FOR KEY SHARE") =>
    lockRows(`SELECT id FROM "Unit" WHERE id = $1 ${mode}`, [unitId]);
  /** At least this many of `count` bookings queued (the pool of 20 connections lets 19 in at once). */
  const queued = (count: number) => Math.min(count, 10);

  it("a capacity reduction racing sixty bookings never over-books: it passes and caps the day, or it is refused", async () => {
    const orders = ["reduction first", "bookings first", "free", "free"] as const;
    for (const [round, order] of orders.entries()) {
      const day = ["2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11"][round];
      const unit = await createUnit(state.database.prisma, state.agent, {
        periodId: state.cantine.periodId,
        label: `COURSE ${round}`,
        startTime: "16:30",
        endTime: "17:00",
        capacity: 30,
        sortOrder: 9,
      });
      const crowd = state.families.slice(round * 60, round * 60 + 60);
      const reduce = () =>
        updateUnit(state.database.prisma, state.agent, {
          id: unit.id,
          label: `COURSE ${round}`,
          startTime: "16:30",
          endTime: "17:00",
          capacity: 10,
          sortOrder: 9,
        }).then(
          () => "done",
          (error: unknown) => (error as Error).message,
        );
      let reduction: Promise<string>;
      let results: PromiseSettledResult<unknown>[];
      if (order === "reduction first") {
        // The reduction holds the unit first; the crowd queues behind it and meets the new capacity.
        const lock = await lockUnit(unit.id, "FOR UPDATE");
        reduction = reduce();
        await lock.waitForBlockedByHolder(1);
        const bookings = crowd.map((who) => book(who, unit.id, day));
        await lock.waitForWaiting(1 + queued(crowd.length));
        await lock.release();
        results = await Promise.allSettled(bookings);
      } else if (order === "bookings first") {
        // The reduction is sent first but waits (the test holds the unit as a booking does):
        // the crowd fills the day meanwhile, and the reduction is then refused.
        const lock = await lockUnit(unit.id, "FOR KEY SHARE");
        reduction = reduce();
        await lock.waitForBlockedByHolder(1);
        results = await Promise.allSettled(crowd.map((who) => book(who, unit.id, day)));
        expect(await stillPending(reduction)).toBe(true);
        await lock.release();
      } else {
        const bookings = crowd.map((who) => book(who, unit.id, day));
        await new Promise((resolve) => setTimeout(resolve, round * 15));
        reduction = reduce();
        results = await Promise.allSettled(bookings);
      }
      const outcome = await reduction;
      const booked = results.filter((result) => result.status === "fulfilled").length;
      for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(AppError);
      const row = await prisma().unitDay.findUniqueOrThrow({ where: { unitId_date: { unitId: unit.id, date: dayToDate(day) } } });
      const capacity = (await prisma().unit.findUniqueOrThrow({ where: { id: unit.id } })).capacity;
      expect(row.booked).toBe(booked);
      expect(await prisma().reservationDay.count({ where: { unitId: unit.id, status: { in: ["PENDING", "ACCEPTED"] } } })).toBe(
        booked,
      );
      if (order === "reduction first") expect([outcome, booked]).toEqual(["done", 10]);
      if (order === "bookings first")
        expect([outcome.match(/^Impossible : 30 places déjà réservées le mardi 8 décembre 2026\./) !== null, booked]).toEqual([
          true,
          30,
        ]);
      if (outcome === "done") {
        expect([capacity, row.capacity]).toEqual([10, 10]);
        expect(booked).toBeLessThanOrEqual(10);
      } else {
        expect(outcome).toMatch(/^Impossible : \d+ places déjà réservées le \w+ \d+ décembre 2026\./);
        expect([capacity, row.capacity, booked]).toEqual([30, 30, 30]);
      }
      expect(await broken()).toEqual([]);
    }
  }, 180_000);

  it("new counters created while the capacity changes all take the new capacity; a per-day capacity racing bookings never over-books", async () => {
    const unit = await createUnit(state.database.prisma, state.agent, {
      periodId: state.cantine.periodId,
      label: "NOUVEAUX COMPTEURS",
      startTime: "16:30",
      endTime: "17:00",
      capacity: 50,
      sortOrder: 9,
    });
    // Open days of January 2027, four families each: counters created lazily.
    const days = [
      "2027-01-04",
      "2027-01-05",
      "2027-01-07",
      "2027-01-08",
      "2027-01-11",
      "2027-01-12",
      "2027-01-14",
      "2027-01-15",
      "2027-01-18",
      "2027-01-19",
    ];
    const crowd = state.families.slice(0, 40);
    // The change holds the unit, the crowd queues right behind it: counters are created while it runs.
    const unitLock = await lockUnit(unit.id, "FOR UPDATE");
    const change = updateUnit(state.database.prisma, state.agent, {
      id: unit.id,
      label: "NOUVEAUX COMPTEURS",
      startTime: "16:30",
      endTime: "17:00",
      capacity: 20,
      sortOrder: 9,
    });
    await unitLock.waitForBlockedByHolder(1);
    const bookings = crowd.map((who, index) => book(who, unit.id, days[index % days.length]));
    await unitLock.waitForWaiting(1 + queued(crowd.length));
    await unitLock.release();
    await change;
    const results = await Promise.allSettled(bookings);
    expect(
      results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.message),
    ).toEqual([]);
    const counters = await prisma().unitDay.findMany({
      where: { unitId: unit.id },
      select: { date: true, capacity: true, booked: true },
    });
    expect(counters.map((row) => [dateToDay(row.date), row.capacity, row.booked]).sort()).toEqual(
      days.map((day) => [day, 20, 4]),
    );

    const setTo3 = (day: string) =>
      setDayCapacity(state.database.prisma, state.agent, { unitId: unit.id, dates: [day], capacity: 3 }).then(
        () => "done",
        (error: unknown) => (error as Error).message,
      );
    const counterOf = (day: string) =>
      prisma().unitDay.findUniqueOrThrow({ where: { unitId_date: { unitId: unit.id, date: dayToDate(day) } } });

    {
      // A per-day capacity of 3 first: the day has one booking, the test holds its counter; the
      // capacity change queues on it, then thirty bookings behind: two more get in.
      const day = "2027-01-21";
      await book(state.families[40], unit.id, day);
      const counterLock = await lockRows(`SELECT 1 FROM "UnitDay" WHERE "unitId" = $1 AND "date" = $2::date FOR UPDATE`, [
        unit.id,
        day,
      ]);
      const override = setTo3(day);
      await counterLock.waitForBlockedByHolder(1);
      const racing = state.families.slice(41, 71).map((who) => book(who, unit.id, day));
      await counterLock.waitForWaiting(1 + queued(30));
      await counterLock.release();
      const booked = 1 + (await Promise.allSettled(racing)).filter((result) => result.status === "fulfilled").length;
      expect([await override, booked]).toEqual(["done", 3]);
      expect(await counterOf(day)).toMatchObject({ capacity: 3, booked: 3, capacityOverridden: true });
    }
    {
      // The per-day capacity sent first but waiting (the test holds the unit against it, not
      // against bookings): thirty bookings fill the day's 20 places, and it is refused.
      const day = "2027-01-22";
      const lock = await lockUnit(unit.id, "FOR NO KEY UPDATE");
      const override = setTo3(day);
      await lock.waitForBlockedByHolder(1);
      const booked = (await Promise.allSettled(state.families.slice(71, 101).map((who) => book(who, unit.id, day)))).filter(
        (result) => result.status === "fulfilled",
      ).length;
      expect(await stillPending(override)).toBe(true);
      await lock.release();
      expect([await override, booked]).toEqual([
        expect.stringMatching(/^Impossible : 20 places déjà réservées le vendredi 22 janvier 2027\./),
        20,
      ]);
      expect(await counterOf(day)).toMatchObject({ capacity: 20, booked: 20, capacityOverridden: false });
    }
    {
      // Free: thirty bookings, the per-day capacity sent amid them.
      const day = "2027-01-25";
      const racing = state.families.slice(101, 131).map((who) => book(who, unit.id, day));
      await new Promise((resolve) => setTimeout(resolve, 10));
      const outcome = await setTo3(day);
      const booked = (await Promise.allSettled(racing)).filter((result) => result.status === "fulfilled").length;
      const row = await counterOf(day);
      expect(row.booked).toBe(booked);
      if (outcome === "done") expect([row.capacity, row.capacityOverridden, booked <= 3]).toEqual([3, true, true]);
      else expect(outcome).toMatch(/^Impossible : \d+ places déjà réservées le lundi 25 janvier 2027\./);
    }
    expect(await broken()).toEqual([]);
  }, 180_000);
});

import { dayToDate } from "@/lib/dates/calendar-day";
import { confirmBooking, copyReservation } from "@/lib/reservations/book-days";
import { queueReservationDecision } from "@/lib/reservations/reservation-mail";
import {
  getEligiblePeriods,
  getPlanning,
  getReservationDetail,
  getWizardChildren,
  listReservations,
} from "@/lib/reservations/reservations-query";
import { DEMO_IDS } from "@/prisma/seed";

import { expectCountersBalancedAfterEach } from "../helpers/counters";
import { deliverMails } from "../helpers/deliver-mails";
import { cantinePeriod, completeChildSheet, createCompleteFamilies, type FixtureFamily } from "../helpers/families";
import type { SmtpPeer } from "../helpers/smtp-peer";
import { testDatabaseKinds, withDemoDatabase, type TestDatabase } from "../helpers/test-db";

// Thursday 26 November 2026, 11:00 in Rodez: the week of 7 December is the next bookable one
// (deadline Tuesday 1 December, 23:59); the week of 30 November is past its deadline.
const NOW = new Date("2026-11-26T10:00:00Z");
const WEEK = ["2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11"];

describe.each(testDatabaseKinds())("booking on %s", (kind) => {
  let database: TestDatabase;
  let cantine: { periodId: string; unitId: string };
  let garderie: { periodId: string; matin: string; soir: string };
  let fochCantine: { periodId: string; unitId: string };
  let other: FixtureFamily;
  const demo = { familyId: DEMO_IDS.family, userId: "", email: "famille.test@demo.fr" };

  const booked = async (unitId: string, day: string) =>
    (
      await database.prisma.unitDay.findUnique({
        where: { unitId_date: { unitId, date: dayToDate(day) } },
        select: { booked: true },
      })
    )?.booked ?? 0;
  const julienDays = (days: string[], unitId = cantine.unitId) => days.map((date) => ({ unitId, date }));
  /** A booking request (by default Julien's, on the Cambon cantine), or with `replacesId` the change of one. */
  type RequestOptions = { childId?: string; replacesId?: string | null; periodId?: string; unitId?: string };
  const cantineRequest = (days: string[], options: RequestOptions = {}) => ({
    childId: options.childId ?? DEMO_IDS.julien,
    periodId: options.periodId ?? cantine.periodId,
    ...(options.replacesId !== undefined && { replacesId: options.replacesId }),
    days: julienDays(days, options.unitId),
  });
  /** Books `days` as the demo family (Julien on the Cambon cantine unless `options` say otherwise). */
  const book = (days: string[], options: RequestOptions = {}, now = NOW) =>
    confirmBooking(database.prisma, demo, cantineRequest(days, options), now);

  withDemoDatabase(kind, async (suite) => {
    database = suite.database;
    demo.userId = (
      await database.prisma.user.findUniqueOrThrow({ where: { email: "famille.test@demo.fr" }, select: { id: true } })
    ).id;
    cantine = await cantinePeriod(database.prisma, "CAMBON");
    fochCantine = await cantinePeriod(database.prisma, "FOCH");
    const garderiePeriod = await database.prisma.period.findFirstOrThrow({
      where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
      select: { id: true, units: { select: { id: true, label: true } } },
    });
    garderie = {
      periodId: garderiePeriod.id,
      matin: garderiePeriod.units.find((unit) => unit.label === "MATIN")!.id,
      soir: garderiePeriod.units.find((unit) => unit.label === "SOIR")!.id,
    };
    [other] = await createCompleteFamilies(database.prisma, 1);
  });
  expectCountersBalancedAfterEach(() => database.prisma);

  it("shows Julie as not bookable in step 1, with what is missing, and only eligible services to Julien", async () => {
    const children = await getWizardChildren(database.prisma, demo);
    expect(children.find((child) => child.id === DEMO_IDS.julien)).toMatchObject({ bookable: true, missing: [] });
    const julie = children.find((child) => child.id === DEMO_IDS.julie)!;
    expect(julie.bookable).toBe(false);
    expect(julie.missing).toContain("Carnet de vaccination (obligatoire) : à fournir");
    // « Compléter » goes to Julie's own sheet, not to /espace.
    expect(julie.complete).toEqual({ href: `/espace/enfants/${DEMO_IDS.julie}`, label: "Compléter la fiche de l'enfant" });
    // Eligibility by level (the guide): the seven schools' canteens and garderies, the elementary
    // leisure centre (Wednesdays and the Christmas holidays) and Sports Vacances — not the
    // maternelle's centre nor the Espace ados (collège and lycée).
    const eligible = await getEligiblePeriods(database.prisma, demo, DEMO_IDS.julien, NOW);
    const schools = ["CAMBON", "CARDAILLAC", "FLAUGERGUES", "FOCH", "GOURGAN", "MITTERRAND", "RAMADIER"];
    expect(eligible?.periods.map((period) => `${period.establishment} / ${period.name}`)).toEqual([
      "ACCUEIL DE LOISIRS SAINT-FELIX / MERCREDIS 2026-2027",
      "ACCUEIL DE LOISIRS SAINT-FELIX / VACANCES DE NOËL 2026",
      ...schools.map((school) => `CANTINE ELEMENTAIRE ${school} / CANTINE ELEMENTAIRE 2026-2027`),
      ...schools.map((school) => `GARDERIE ELEMENTAIRE ${school} / GARDERIE ELEMENTAIRE 2026-2027`),
      "SPORTS VACANCES COMPLEXE SPORTIF DE VABRE / VACANCES DE NOËL 2026",
    ]);
  });

  it("gives each planning cell its state: past deadline, bookable, closed, full", async () => {
    await database.prisma.unitDay.create({
      data: { unitId: cantine.unitId, date: dayToDate("2027-01-08"), capacity: 0, booked: 0, capacityOverridden: true },
    });
    const planning = await getPlanning(database.prisma, demo, { childId: DEMO_IDS.julien, periodId: cantine.periodId }, NOW);
    const state = (day: string) => planning!.rows.find((row) => row.day === day)?.cells[0].kind;
    expect([state("2026-12-03"), state("2026-12-07"), state("2026-12-21"), state("2027-01-08")]).toEqual([
      "past_deadline",
      "bookable",
      "closed",
      "full",
    ]);
    expect(planning!.rows.some((row) => row.day === "2026-12-09")).toBe(false); // Wednesdays closed
    expect(planning!.startMonth).toBe("2026-12");
  });

  it("books Julien's week at the cantine: accepted at once (AUTO), sequential number, counters taken", async () => {
    const result = await book(WEEK);
    expect(result.status).toBe("ACCEPTED");
    expect(result.number).toMatch(/^\d{6}$/);
    expect(result.days).toEqual(WEEK.map((date) => ({ date, unitLabel: "REPAS ENFANT", status: "ACCEPTED" })));
    expect(await booked(cantine.unitId, "2026-12-07")).toBe(1);

    const again = await book(["2026-12-14"]);
    expect(Number(again.number)).toBe(Number(result.number) + 1);
  });

  it("never books the same child twice on a unit and day", async () => {
    await expect(book(["2026-12-07"])).rejects.toThrow(
      "Réservation impossible le lun. 07/12/2026 (REPAS ENFANT) : TEST JULIEN y est déjà inscrit",
    );
  });

  it("is all or nothing: one day past its deadline refuses the whole request, naming the day", async () => {
    const before = await database.prisma.reservation.count();
    await expect(book(["2026-12-17", "2026-12-03"])).rejects.toThrow(
      "Réservation impossible le jeu. 03/12/2026 (REPAS ENFANT) : délai de réservation dépassé. Aucune journée n'a été réservée.",
    );
    expect(await database.prisma.reservation.count()).toBe(before);
    expect(await booked(cantine.unitId, "2026-12-17")).toBe(0);
  });

  it("refuses a closed day (Christmas holidays) and a day the service does not open", async () => {
    await expect(book(["2026-12-21"])).rejects.toThrow(
      "Réservation impossible le lun. 21/12/2026 (REPAS ENFANT) : fermé (Vacances de Noël). Aucune journée n'a été réservée.",
    );
    await expect(book(["2026-12-09"])).rejects.toThrow(/n'est pas ouvert/);
  });

  it("refuses a full day and leaves the other days untouched", async () => {
    await database.prisma.unitDay.upsert({
      where: { unitId_date: { unitId: cantine.unitId, date: dayToDate("2026-12-18") } },
      create: { unitId: cantine.unitId, date: dayToDate("2026-12-18"), capacity: 0, booked: 0, capacityOverridden: true },
      update: { capacity: 0 },
    });
    await expect(book(["2026-12-17", "2026-12-18"])).rejects.toThrow(
      "Réservation impossible le ven. 18/12/2026 (REPAS ENFANT) : plus de place disponible — contactez le service. Aucune journée n'a été réservée.",
    );
    expect(await booked(cantine.unitId, "2026-12-17")).toBe(0);
  });

  it("refuses an incomplete child (Julie) with what is missing, and a child of another school", async () => {
    await expect(book(["2026-12-17"], { childId: DEMO_IDS.julie })).rejects.toThrow(
      /le dossier de TEST JULIE est incomplet \(.*Carnet de vaccination/,
    );
    // A town can still narrow a period to its school's pupils (the demo's are open to every school).
    const foch = await database.prisma.school.findUniqueOrThrow({ where: { name: "Foch" }, select: { id: true } });
    await database.prisma.periodEligibleSchool.create({ data: { periodId: fochCantine.periodId, schoolId: foch.id } });
    try {
      await expect(book(["2026-12-17"], { periodId: fochCantine.periodId, unitId: fochCantine.unitId })).rejects.toThrow(
        /service réservé aux élèves d'une autre école/,
      );
    } finally {
      await database.prisma.periodEligibleSchool.deleteMany({ where: { periodId: fochCantine.periodId } });
    }
  });

  it("leaves manual periods (garderie) pending, one state per line", async () => {
    const result = await confirmBooking(
      database.prisma,
      demo,
      {
        childId: DEMO_IDS.julien,
        periodId: garderie.periodId,
        days: [
          { unitId: garderie.matin, date: "2026-12-07" },
          { unitId: garderie.soir, date: "2026-12-07" },
        ],
      },
      NOW,
    );
    expect(result.status).toBe("PENDING");
    expect(result.days.map((line) => line.status)).toEqual(["PENDING", "PENDING"]);
  });

  it("modifies a reservation: the old one becomes REPLACED, the new one references it, counters move atomically", async () => {
    const first = await book(["2027-01-04", "2027-01-05"]);
    const second = await book(["2027-01-05", "2027-01-07"], { replacesId: first.reservationId });
    expect(second.replacedId).toBe(first.reservationId);
    const old = await database.prisma.reservation.findUniqueOrThrow({
      where: { id: first.reservationId! },
      select: { status: true, days: { select: { status: true } } },
    });
    expect(old.status).toBe("REPLACED");
    expect(old.days.every((line) => line.status === "CANCELLED")).toBe(true);
    const created = await database.prisma.reservation.findUniqueOrThrow({
      where: { id: second.reservationId! },
      select: { replacesId: true },
    });
    expect(created.replacesId).toBe(first.reservationId);
    expect([
      await booked(cantine.unitId, "2027-01-04"),
      await booked(cantine.unitId, "2027-01-05"),
      await booked(cantine.unitId, "2027-01-07"),
    ]).toEqual([0, 1, 1]);

    // The replaced reservation cannot be replaced again.
    await expect(book([], { replacesId: first.reservationId })).rejects.toThrow(/déjà modifiée ou annulée/);

    // Cancelling every day is allowed.
    const cancelled = await book([], { replacesId: second.reservationId });
    expect(cancelled).toMatchObject({ reservationId: null, status: "CANCELLED" });
    expect(await booked(cantine.unitId, "2027-01-07")).toBe(0);
  });

  it("keeps days whose change deadline has passed: they cannot be removed", async () => {
    const earlier = new Date("2026-11-20T10:00:00Z");
    const first = await book(["2026-12-03", "2026-12-17"], {}, earlier);
    await expect(book(["2026-12-17"], { replacesId: first.reservationId })).rejects.toThrow(
      "Réservation impossible le jeu. 03/12/2026 (REPAS ENFANT) : le délai de modification est dépassé. Rien n'a été modifié.",
    );
    // Removing the other day keeps the locked one in the new reservation.
    const second = await book(["2026-12-03"], { replacesId: first.reservationId });
    expect(second.days.map((line) => line.date)).toEqual(["2026-12-03"]);
  });

  it("copies a reservation to another child: each day rechecked, the result says which were booked and why not", async () => {
    const source = await book(["2027-01-11", "2027-01-12"]);
    const refused = await copyReservation(
      database.prisma,
      demo,
      { reservationId: source.reservationId!, childId: DEMO_IDS.julie },
      NOW,
    );
    expect(refused.reservation).toBeNull();
    expect(refused.refused[0].reason).toMatch(/dossier de TEST JULIE est incomplet/);

    await completeChildSheet(database.prisma, DEMO_IDS.julie, { schoolName: "Cambon", schoolLevel: "CE1" });
    await database.prisma.unitDay.update({
      where: { unitId_date: { unitId: cantine.unitId, date: dayToDate("2027-01-12") } },
      data: { capacity: 1 },
    });
    const copy = await copyReservation(
      database.prisma,
      demo,
      { reservationId: source.reservationId!, childId: DEMO_IDS.julie },
      NOW,
    );
    expect(copy.reservation?.status).toBe("ACCEPTED");
    expect(copy.booked).toEqual([{ date: "2027-01-11", unitLabel: "REPAS ENFANT", status: "ACCEPTED" }]);
    expect(copy.refused).toEqual([
      { date: "2027-01-12", unitLabel: "REPAS ENFANT", reason: "plus de place disponible — contactez le service" },
    ]);
    await expect(
      copyReservation(database.prisma, demo, { reservationId: source.reservationId!, childId: DEMO_IDS.julien }, NOW),
    ).rejects.toThrow(/autre enfant/);
  });

  describe("another family's ids are refused and nothing changes", () => {
    let julienReservation: string;
    const snapshot = async () => ({
      reservations: await database.prisma.reservation.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
      days: await database.prisma.reservationDay.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
      counters: await database.prisma.unitDay.findMany({
        select: { unitId: true, date: true, booked: true },
        orderBy: [{ unitId: "asc" }, { date: "asc" }],
      }),
      mails: await database.prisma.outboxMail.count(), // a refused booking leaves no confirmation behind
    });
    const stranger = () => ({ familyId: other.familyId, userId: other.userId, email: other.email });

    beforeAll(async () => {
      julienReservation = (await book(["2027-01-14"])).reservationId!;
    });

    it("booking another family's child", async () => {
      const before = await snapshot();
      await expect(confirmBooking(database.prisma, stranger(), cantineRequest(["2027-01-15"]), NOW)).rejects.toThrow(
        "Enfant introuvable.",
      );
      expect(await snapshot()).toEqual(before);
    });

    it("modifying or cancelling another family's reservation", async () => {
      const before = await snapshot();
      await expect(
        confirmBooking(
          database.prisma,
          stranger(),
          cantineRequest([], { childId: other.childId, replacesId: julienReservation }),
          NOW,
        ),
      ).rejects.toThrow(/Réservation introuvable/);
      await expect(book(["2027-01-14"], { replacesId: julienReservation, unitId: "unknown-unit" })).rejects.toThrow(
        /aucune unité/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it("copying another family's reservation, or copying to another family's child", async () => {
      const before = await snapshot();
      await expect(
        copyReservation(database.prisma, stranger(), { reservationId: julienReservation, childId: other.childId }, NOW),
      ).rejects.toThrow("Réservation introuvable.");
      await expect(
        copyReservation(database.prisma, demo, { reservationId: julienReservation, childId: other.childId }, NOW),
      ).rejects.toThrow("Enfant introuvable.");
      expect(await snapshot()).toEqual(before);
    });

    it("an unknown period, or a unit of another period", async () => {
      const before = await snapshot();
      await expect(book(["2027-01-15"], { periodId: "00000000-0000-4000-8000-000000000999" })).rejects.toThrow(
        "Période introuvable.",
      );
      await expect(book(["2027-01-15"], { unitId: fochCantine.unitId })).rejects.toThrow(/aucune unité/);
      expect(await snapshot()).toEqual(before);
    });

    it("reading another family's reservation or listing finds nothing", async () => {
      const viewer = { familyId: other.familyId, userId: other.userId };
      expect(await getReservationDetail(database.prisma, viewer, julienReservation)).toBeNull();
      expect(
        await getPlanning(database.prisma, viewer, { childId: DEMO_IDS.julien, periodId: cantine.periodId }, NOW),
      ).toBeNull();
      expect(
        await getPlanning(
          database.prisma,
          viewer,
          { childId: other.childId, periodId: cantine.periodId, replacesId: julienReservation },
          NOW,
        ),
      ).toBeNull();
      expect(await getEligiblePeriods(database.prisma, viewer, DEMO_IDS.julien, NOW)).toBeNull();
      expect((await listReservations(database.prisma, viewer, {}, 1)).total).toBe(0);
      expect((await getReservationDetail(database.prisma, demo, julienReservation))?.number).toMatch(/^\d{6}$/);
    });
  });
});

describe("reservation e-mails", () => {
  let database: TestDatabase;
  let smtp: SmtpPeer;
  withDemoDatabase("pglite", (suite) => ({ database, smtp } = suite));

  it("confirms a booking with its days, and mails a staff decision to the family's parents", async () => {
    const userId = (
      await database.prisma.user.findUniqueOrThrow({ where: { email: "famille.test@demo.fr" }, select: { id: true } })
    ).id;
    const cantine = await cantinePeriod(database.prisma, "CAMBON");
    const owner = { familyId: DEMO_IDS.family, userId, email: "famille.test@demo.fr" };
    const result = await confirmBooking(
      database.prisma,
      owner,
      {
        childId: DEMO_IDS.julien,
        periodId: cantine.periodId,
        days: WEEK.slice(0, 2).map((date) => ({ unitId: cantine.unitId, date })),
      },
      NOW,
    );
    // The confirmation committed with the booking; delivery sends it.
    expect(await database.prisma.outboxMail.findMany({ select: { to: true, kind: true, status: true } })).toEqual([
      { to: "famille.test@demo.fr", kind: "reservation-confirmation", status: "PENDING" },
    ]);
    await deliverMails(database, smtp);
    const [confirmation] = await smtp.waitFor(1);
    expect(confirmation.subject).toBe(`Demande de réservation n° ${result.number} enregistrée – Réservation acceptée`);
    expect(confirmation.text).toContain("lun. 07/12/2026 – REPAS ENFANT : acceptée");
    expect(confirmation.text).toContain("mar. 08/12/2026 – REPAS ENFANT : acceptée");
    expect(confirmation.text).toContain("CANTINE ELEMENTAIRE CAMBON / RESTAURATION SCOLAIRE CANTINE ELEMENTAIRE 2026-2027");

    await database.prisma.reservationDay.updateMany({
      where: { reservationId: result.reservationId!, date: dayToDate("2026-12-08") },
      data: { status: "REFUSED", staffMessage: "Sortie scolaire" },
    });
    await database.prisma.$transaction((tx) => queueReservationDecision(tx, result.reservationId!));
    await deliverMails(database, smtp);
    const [, decision] = await smtp.waitFor(2);
    expect(decision.to).toEqual(["famille.test@demo.fr"]);
    expect(decision.subject).toBe(`Réservation n° ${result.number} : Partiellement acceptée (1 journée refusée)`);
    expect(decision.text).toContain("mar. 08/12/2026 – REPAS ENFANT : refusée (Sortie scolaire)");
  });
});

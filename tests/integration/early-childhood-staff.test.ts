// The staff side of petite enfance (issue #15 points 3 and 4), on both databases: the requests
// queue's filters, each one-off decision (state checks, a stale version refused, the family
// e-mailed once), the commission (places free, ranking by the criteria with ties, its decisions
// in ONE transaction, all or nothing), the waiting lists' positions kept 1..n, and who may do what.
// Requests are written straight with Prisma (the family's form is another engineer's part).
import type { StaffViewer, Viewer } from "@/lib/auth/session";
import { dayToDate } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { CrecheAgeGroup, EarlyChildhoodStatus } from "@/lib/db/generated/enums";
import {
  createCommissionSession,
  decideInCommission,
  getCommission,
  loadRankedCandidates,
} from "@/lib/early-childhood/commission";
import { DEFAULT_CRITERIA } from "@/lib/early-childhood/commission-ranking";
import { createCreche, listCreches, updateCreche } from "@/lib/early-childhood/creches";
import { ensureDefaultCriteria, listCriteria } from "@/lib/early-childhood/criteria";
import { offerPlace, putOnWaitingList, putUnderReview, refuseRequest } from "@/lib/early-childhood/staff-decisions";
import { ZCommissionStepSchema, ZOfferPlaceSchema } from "@/lib/early-childhood/staff-decisions.schema";
import { listRequestQueue, listWaitingList } from "@/lib/early-childhood/staff-requests";
import { ZCrecheSchema } from "@/lib/early-childhood/staff-settings.schema";
import { AppError } from "@/lib/errors";

import { createFamily, createStaffViewer } from "../helpers/admin-fixtures";
import { withStaffTestBed } from "../helpers/staff-test-bed";
import { itOnPostgres, testDatabaseKinds, type TestDatabase } from "../helpers/test-db";

// The tests' clock: Thursday 26 November 2026, 11:00 in Paris.
const PLANNING = [
  { weekday: 1, from: "08:30", to: "17:30" },
  { weekday: 2, from: "08:30", to: "17:30" },
];

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

const errorMessage = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
};

describe.each(testDatabaseKinds())("petite enfance, staff side, on %s", (kind) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let agent: StaffViewer;
  let admin: StaffViewer;
  let parent: Viewer;
  let serial = 0;

  withStaffTestBed(kind, async (suite) => {
    ({ database, agent } = suite);
    prisma = database.prisma;
    admin = await createStaffViewer(prisma, "ADMIN");
    const family = await createFamily(prisma, "PARENTE");
    parent = { userId: family.user.id, email: family.user.email, name: "Parent", role: "PARENT", familyId: family.id };
    await ensureDefaultCriteria(prisma);
  });

  async function creche(places: Partial<Record<CrecheAgeGroup, number>> = { BEBES: 2, MOYENS: 2, GRANDS: 2 }) {
    serial += 1;
    return prisma.creche.create({
      data: {
        name: `CRÈCHE ${kind} ${serial}`,
        code: `C${serial}`,
        capacities: {
          create: Object.entries(places).map(([ageGroup, count]) => ({ ageGroup: ageGroup as CrecheAgeGroup, places: count })),
        },
      },
      select: { id: true, name: true },
    });
  }

  async function family(
    name: string,
    options: { city?: string; situation?: "MARIES" | "CELIBATAIRE"; professions?: (string | null)[] } = {},
  ) {
    const created = await createFamily(prisma, name, { children: [] });
    await prisma.family.update({
      where: { id: created.id },
      data: {
        city: options.city ?? "Albi",
        situation: options.situation ?? "MARIES",
        guardians: {
          create: (options.professions ?? [null]).map((profession, index) => ({
            position: index + 1,
            firstName: `P${index + 1}`,
            lastName: name,
            profession,
          })),
        },
      },
    });
    return { id: created.id, email: created.user.email };
  }

  async function request(
    familyId: string,
    crecheIds: string[],
    options: {
      status?: EarlyChildhoodStatus;
      birth?: string;
      expected?: string;
      submittedAt?: string;
      wished?: string;
      waiting?: boolean;
    } = {},
  ) {
    const child = options.birth
      ? await prisma.child.create({
          data: { familyId, firstName: `Enfant${(serial += 1)}`, lastName: "X", birthDate: dayToDate(options.birth) },
          select: { id: true },
        })
      : null;
    const created = await prisma.earlyChildhoodRequest.create({
      data: {
        familyId,
        childId: child?.id,
        expectedBirthDate: child ? null : dayToDate(options.expected ?? "2027-02-15"),
        wishedStartDate: dayToDate(options.wished ?? "2027-09-01"),
        wishedSchedule: PLANNING,
        status: options.status ?? "SUBMITTED",
        submittedAt: options.status === "DRAFT" ? null : new Date(options.submittedAt ?? "2026-10-01T10:00:00Z"),
        choices: { create: crecheIds.map((crecheId, index) => ({ crecheId, rank: index + 1 })) },
      },
      select: { id: true, version: true },
    });
    if (options.waiting) {
      await prisma.$transaction(async (tx) => {
        await tx.earlyChildhoodRequest.update({ where: { id: created.id }, data: { status: "WAITING_LIST" } });
        const { appendToWaitingLists } = await import("@/lib/early-childhood/waiting-list");
        await appendToWaitingLists(tx, created.id);
      });
    }
    return prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, version: true } });
  }

  const positions = async (crecheId: string) =>
    (
      await prisma.earlyChildhoodChoice.findMany({
        where: { crecheId, waitingPosition: { not: null } },
        orderBy: { waitingPosition: "asc" },
        select: { requestId: true, waitingPosition: true },
      })
    ).map((entry) => [entry.requestId, entry.waitingPosition]);

  const mailsTo = (to: string) =>
    prisma.outboxMail.findMany({ where: { to, kind: "early-childhood-decision" }, select: { subject: true, text: true } });

  const offerInput = (target: { id: string; version: number }, crecheId: string, overrides: Record<string, string> = {}) =>
    ZOfferPlaceSchema.parse({
      ...target,
      crecheId,
      startDate: "2027-09-01",
      endDate: "2029-07-31",
      answerBy: "2026-12-15",
      absenceWeeks: "5",
      from1: "08:30",
      to1: "17:30",
      from4: "09:00",
      to4: "16:00",
      ...overrides,
    });

  describe("settings", () => {
    it("lets administrators create and edit a crèche with its places per age group; agents and parents are refused", async () => {
      const input = ZCrecheSchema.parse({
        name: `MULTI-ACCUEIL ${kind}`,
        code: `ma${kind}`.slice(0, 12),
        address: "1 rue du Foirail",
        opensAt: "07:30",
        closesAt: "18:30",
        regieId: "",
        placesBebes: "10",
        placesMoyens: "15",
        placesGrands: "15",
        sortOrder: "",
        active: "on",
      });
      expect(await code(createCreche(prisma, agent, input))).toBe("FORBIDDEN");
      expect(await code(createCreche(prisma, parent as StaffViewer, input))).toBe("FORBIDDEN");
      const { id } = await createCreche(prisma, admin, input);
      expect(await code(createCreche(prisma, admin, input))).toBe("TAKEN");
      await updateCreche(prisma, admin, id, { ...input, placesBebes: 12 });
      const listed = (await listCreches(prisma, admin)).find((entry) => entry.id === id);
      expect(listed?.places).toEqual({ BEBES: 12, MOYENS: 15, GRANDS: 15 });
      expect(listed?.code).toBe(`MA${kind}`.slice(0, 12).toUpperCase());
      expect(
        ZCrecheSchema.safeParse({ ...input, opensAt: "19:00", placesBebes: "-1" }).error?.issues.map((issue) => issue.message),
      ).toEqual(["Bébés : un nombre positif ou nul.", "L'heure de fermeture doit suivre l'heure d'ouverture."]);
    });

    it("seeds the default criteria once; agents read them, parents do not", async () => {
      await ensureDefaultCriteria(prisma);
      expect((await listCriteria(prisma, agent)).map((criterion) => criterion.code)).toEqual(
        DEFAULT_CRITERIA.map((entry) => entry.code),
      );
      expect(await code(listCriteria(prisma, parent as StaffViewer))).toBe("FORBIDDEN");
    });
  });

  describe("the requests queue", () => {
    it("filters by crèche among the choices, age group at the wished start, state and wished month; drafts never show", async () => {
      const [a, b] = [await creche(), await creche()];
      const f = await family("QUEUE");
      const baby = await request(f.id, [a.id], {
        birth: "2026-06-01",
        wished: "2027-01-04",
        submittedAt: "2026-09-01T10:00:00Z",
      }); // 7 months: bébés
      const middle = await request(f.id, [b.id, a.id], { birth: "2025-01-10", wished: "2027-01-15", status: "UNDER_REVIEW" }); // 24: moyens
      const unborn = await request(f.id, [b.id], { expected: "2027-03-01", wished: "2027-09-01" }); // bébés
      await request(f.id, [a.id], { status: "DRAFT", birth: "2026-01-01" });
      const ids = async (filter: Parameters<typeof listRequestQueue>[2]) =>
        (await listRequestQueue(prisma, agent, filter)).rows
          .map((row) => row.id)
          .filter((id) => [baby.id, middle.id, unborn.id].includes(id));
      expect(await ids({ crecheId: a.id })).toEqual([baby.id, middle.id]);
      expect(new Set(await ids({ crecheId: b.id }))).toEqual(new Set([middle.id, unborn.id]));
      expect(await ids({ crecheId: a.id, ageGroup: "MOYENS" })).toEqual([middle.id]);
      expect(new Set(await ids({ ageGroup: "BEBES", crecheId: b.id }))).toEqual(new Set([unborn.id]));
      expect(await ids({ status: "UNDER_REVIEW", crecheId: b.id })).toEqual([middle.id]);
      expect(await ids({ month: "2027-01", crecheId: a.id })).toHaveLength(2);
      expect(await ids({ month: "2027-09", crecheId: b.id })).toEqual([unborn.id]);
      const all = await listRequestQueue(prisma, agent, { crecheId: a.id });
      expect(all.total).toBe(2);
      expect(all.statusCounts.DRAFT).toBeUndefined();
      expect(await code(listRequestQueue(prisma, parent as StaffViewer, {}))).toBe("FORBIDDEN");
    });
  });

  describe("one-off decisions", () => {
    it("puts a request under review, then on the waiting lists; a second click or a stale page is refused; one mail each", async () => {
      const [a, b] = [await creche(), await creche()];
      const f = await family("ONEOFF");
      const first = await request(f.id, [a.id], { waiting: true, birth: "2026-05-01" });
      const target = await request(f.id, [a.id, b.id], { birth: "2026-04-01" });
      await putUnderReview(prisma, agent, target);
      expect(await code(putUnderReview(prisma, agent, { id: target.id, version: target.version + 1 }))).toBe("ALREADY_DECIDED");
      expect(await code(putOnWaitingList(prisma, agent, target))).toBe("STALE_VERSION");
      await putOnWaitingList(prisma, agent, { id: target.id, version: target.version + 1 });
      expect(await positions(a.id)).toEqual([
        [first.id, 1],
        [target.id, 2],
      ]);
      expect(await positions(b.id)).toEqual([[target.id, 1]]);
      const mails = await mailsTo(f.email);
      expect(mails.map((mail) => mail.subject)).toEqual([
        "Demande de place en crèche : en cours d'étude",
        "Demande de place en crèche : liste d'attente",
      ]);
      expect(mails[1].text).toContain(`${a.name}, position 2 ; ${b.name}, position 1`);
      const history = await prisma.earlyChildhoodDecision.findMany({
        where: { requestId: target.id },
        orderBy: { decidedAt: "asc" },
      });
      expect(history.map((entry) => entry.kind)).toEqual(["UNDER_REVIEW", "WAITING_LIST"]);
      expect(await code(putUnderReview(prisma, parent as StaffViewer, target))).toBe("FORBIDDEN");
    });

    it("offers a place only in a crèche chosen and while one is free; the lists behind close up", async () => {
      const a = await creche({ BEBES: 1 });
      const other = await creche();
      const f = await family("OFFER");
      const first = await request(f.id, [a.id], { waiting: true, birth: "2026-05-01" });
      const second = await request(f.id, [a.id], { waiting: true, birth: "2026-06-01" });
      const third = await request(f.id, [a.id], { waiting: true, birth: "2026-07-01" });
      expect(await code(offerPlace(prisma, agent, offerInput(second, other.id)))).toBe("INVALID");
      await offerPlace(prisma, agent, offerInput(second, a.id));
      expect(await positions(a.id)).toEqual([
        [first.id, 1],
        [third.id, 2],
      ]);
      const offered = await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: second.id } });
      expect(offered).toMatchObject({ status: "PLACE_OFFERED", offeredCrecheId: a.id, offeredAbsenceWeeks: 5 });
      expect(offered.offeredPlanning).toEqual([
        { weekday: 1, from: "08:30", to: "17:30" },
        { weekday: 4, from: "09:00", to: "16:00" },
      ]);
      // The one bébé place is now offered and not answered: none left.
      expect(await errorMessage(offerPlace(prisma, agent, offerInput(first, a.id)))).toBe(
        `Plus de place libre à « ${a.name} » pour les Bébés (moins de 18 mois) au 01/09/2027 : aucune décision n'a été enregistrée.`,
      );
      expect(await positions(a.id)).toHaveLength(2);
      await refuseRequest(prisma, agent, { ...first, reason: "Hors secteur" });
      expect(await positions(a.id)).toEqual([[third.id, 1]]);
      const mails = await mailsTo(f.email);
      expect(mails.map((mail) => mail.subject)).toEqual([
        "Demande de place en crèche : place proposée",
        "Demande de place en crèche : refusée",
      ]);
      expect(mails[1].text).toContain("Motif : Hors secteur");
      expect(
        ZOfferPlaceSchema.safeParse({
          ...second,
          crecheId: a.id,
          startDate: "2027-09-01",
          endDate: "2027-01-01",
          answerBy: "2026-12-01",
        }).success,
      ).toBe(false);
    });

    it("keeps positions 1..n across offers, refusals and a family's cancellation", async () => {
      const [a, b] = [await creche({ BEBES: 5 }), await creche({ BEBES: 5 })];
      const f = await family("SUITE");
      const entries: { id: string; version: number }[] = [];
      for (let index = 0; index < 5; index += 1)
        entries.push(await request(f.id, index % 2 === 0 ? [a.id, b.id] : [a.id], { waiting: true, birth: "2026-05-01" }));
      await offerPlace(prisma, agent, offerInput(entries[0], a.id));
      // The family cancels its request (the parent's side goes through the same waiting-list module).
      await prisma.$transaction(async (tx) => {
        await tx.earlyChildhoodRequest.update({ where: { id: entries[2].id }, data: { status: "CANCELLED" } });
        const { removeFromWaitingLists } = await import("@/lib/early-childhood/waiting-list");
        await removeFromWaitingLists(tx, entries[2].id);
      });
      await refuseRequest(prisma, agent, { ...entries[3], reason: "Déménagement" });
      expect(await positions(a.id)).toEqual([
        [entries[1].id, 1],
        [entries[4].id, 2],
      ]);
      expect(await positions(b.id)).toEqual([[entries[4].id, 1]]);
    });

    itOnPostgres(kind)("keeps positions 1..n when two agents decide on the same list at once", async () => {
      const a = await creche({ BEBES: 5 });
      const f = await family("RACE");
      const entries: { id: string; version: number }[] = [];
      for (let index = 0; index < 5; index += 1)
        entries.push(await request(f.id, [a.id], { waiting: true, birth: "2026-05-01" }));
      await Promise.all([
        refuseRequest(prisma, agent, { ...entries[1], reason: "Déménagement" }),
        offerPlace(prisma, admin, offerInput(entries[2], a.id)),
        refuseRequest(prisma, admin, { ...entries[0], reason: "Doublon" }),
      ]);
      expect(await positions(a.id)).toEqual([
        [entries[3].id, 1],
        [entries[4].id, 2],
      ]);
    });
  });

  describe("the commission", () => {
    it("counts the places free at its date: capacity − contracts in force in the group − places offered and not answered", async () => {
      const a = await creche({ BEBES: 3, MOYENS: 2, GRANDS: 1 });
      const f = await family("PLACES");
      const child = await prisma.child.create({
        data: { familyId: f.id, firstName: "Grand", lastName: "X", birthDate: dayToDate("2024-01-01") },
        select: { id: true },
      });
      // 2027-01-04: a child born 2024-01-01 is 36 months old (grands); a contract ended does not count.
      await prisma.childcareContract.create({
        data: {
          familyId: f.id,
          childId: child.id,
          crecheId: a.id,
          startDate: dayToDate("2025-09-01"),
          endDate: dayToDate("2027-07-31"),
          weeklyPlanning: PLANNING,
        },
      });
      await prisma.childcareContract.create({
        data: {
          familyId: f.id,
          childId: child.id,
          crecheId: a.id,
          startDate: dayToDate("2025-01-01"),
          endDate: dayToDate("2025-08-31"),
          weeklyPlanning: PLANNING,
        },
      });
      const offered = await request(f.id, [a.id], { birth: "2026-08-01" });
      await offerPlace(prisma, agent, offerInput(offered, a.id, { startDate: "2027-01-04" }));
      const session = await createCommissionSession(prisma, agent, { sessionDate: "2026-12-10", placesDate: "2027-01-04" });
      const commission = await getCommission(prisma, agent, session.id);
      const rows = commission!.places
        .filter((row) => row.crecheId === a.id)
        .map((row) => [row.ageGroup, row.capacity, row.taken, row.offered, row.free]);
      expect(rows).toEqual([
        ["BEBES", 3, 0, 1, 2],
        ["MOYENS", 2, 0, 0, 2],
        ["GRANDS", 1, 1, 0, 0],
      ]);
    });

    it("ranks the candidates by the active criteria, ties going to the request sent first", async () => {
      await prisma.townSettings.update({ where: { id: 1 }, data: { townName: "Ville de Rodez" } });
      const a = await creche();
      const resident = await family("RESIDENT", { city: "RODEZ", professions: ["Infirmière", "Sans profession"] });
      const working = await family("WORKING", { professions: ["Boulanger", "Professeure"] });
      const single = await family("SINGLE", { situation: "CELIBATAIRE", professions: ["Vendeuse"] });
      const late = await family("LATE", { professions: ["Boulanger", "Professeure"] });
      const r1 = await request(resident.id, [a.id], { submittedAt: "2026-09-30T10:00:00Z", birth: "2026-05-01" });
      const r2 = await request(working.id, [a.id], { submittedAt: "2026-10-20T10:00:00Z", birth: "2026-05-01" });
      const r3 = await request(single.id, [a.id], { submittedAt: "2026-10-20T10:00:00Z", birth: "2026-05-01" });
      const r4 = await request(late.id, [a.id], { submittedAt: "2026-10-25T10:00:00Z", birth: "2026-05-01" });
      const ranking = (await loadRankedCandidates(prisma, "2026-12-10")).filter((candidate) =>
        [r1.id, r2.id, r3.id, r4.id].includes(candidate.id),
      );
      // resident 30 + 2 months; working 15 + 1; single (one guardian working) 10 + 15 + 1; late 15 + 1, sent later.
      expect(ranking.map((candidate) => [candidate.id, candidate.score])).toEqual([
        [r1.id, 32],
        [r3.id, 26],
        [r2.id, 16],
        [r4.id, 16],
      ]);
      expect(ranking[0].detail.map((line) => line.label)).toEqual([
        "Famille domiciliée dans la commune",
        "Ancienneté de la demande (par mois) × 2 mois",
      ]);
      await prisma.admissionCriterion.update({ where: { code: "RESIDENT" }, data: { active: false } });
      try {
        const without = (await loadRankedCandidates(prisma, "2026-12-10")).filter((candidate) => candidate.id === r1.id);
        expect(without[0].score).toBe(2);
      } finally {
        await prisma.admissionCriterion.update({ where: { code: "RESIDENT" }, data: { active: true } });
      }
    });

    it("commits many decisions in one step, e-mails each family once and orders the waiting lists by the ranking", async () => {
      const a = await creche({ BEBES: 1 });
      const twins = await family("TWINS", { professions: ["Boulanger", "Professeure"] });
      const other = await family("OTHER");
      const third = await family("THIRD");
      const t1 = await request(twins.id, [a.id], { birth: "2026-05-01", submittedAt: "2026-09-01T10:00:00Z" });
      const t2 = await request(twins.id, [a.id], { birth: "2026-05-01", submittedAt: "2026-09-01T11:00:00Z" });
      // On the list first, but ranked after the twins' requests.
      const o = await request(other.id, [a.id], { waiting: true, birth: "2026-05-01", submittedAt: "2026-10-15T10:00:00Z" });
      const r = await request(third.id, [a.id], { birth: "2026-05-01", submittedAt: "2026-10-16T10:00:00Z" });
      const session = await createCommissionSession(prisma, agent, { sessionDate: "2026-12-10", placesDate: "2027-09-01" });
      const step = ZCommissionStepSchema.parse({
        sessionId: session.id,
        [`decision_${t1.id}`]: "OFFER",
        [`version_${t1.id}`]: String(t1.version),
        [`creche_${t1.id}`]: a.id,
        [`start_${t1.id}`]: "2027-09-01",
        [`decision_${t2.id}`]: "WAITING_LIST",
        [`version_${t2.id}`]: String(t2.version),
        [`decision_${o.id}`]: "",
        [`version_${o.id}`]: String(o.version),
        [`decision_${r.id}`]: "REFUSE",
        [`version_${r.id}`]: String(r.version),
        [`reason_${r.id}`]: "Dossier incomplet",
      });
      expect(await decideInCommission(prisma, agent, step)).toMatchObject({ decided: 3, families: 2 });
      expect(await positions(a.id)).toEqual([
        [t2.id, 1],
        [o.id, 2],
      ]);
      const twinsMails = await mailsTo(twins.email);
      expect(twinsMails).toHaveLength(1);
      expect(twinsMails[0].subject).toBe("Demandes de place en crèche : décisions de la commission");
      expect(await mailsTo(other.email)).toHaveLength(0);
      expect(await mailsTo(third.email)).toHaveLength(1);
      const offered = await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: t1.id } });
      expect(offered).toMatchObject({ status: "PLACE_OFFERED", offeredCrecheId: a.id });
      expect(offered.offeredEndDate).toEqual(dayToDate("2029-07-31"));
      const decisions = await prisma.earlyChildhoodDecision.findMany({ where: { sessionId: session.id } });
      expect(decisions).toHaveLength(3);
      expect(decisions.every((decision) => decision.score !== null)).toBe(true);
    });

    it("refuses the whole step when a place is offered beyond the places free: no decision, no mail, no position moved", async () => {
      const a = await creche({ BEBES: 1, MOYENS: 1 });
      const f1 = await family("FULL1");
      const f2 = await family("FULL2");
      const f3 = await family("FULL3");
      const waiting = await request(f3.id, [a.id], { waiting: true, birth: "2026-05-01", submittedAt: "2026-11-20T10:00:00Z" });
      const x = await request(f1.id, [a.id], { birth: "2026-05-01", submittedAt: "2026-09-01T10:00:00Z" });
      const y = await request(f2.id, [a.id], { birth: "2026-06-01", submittedAt: "2026-09-02T10:00:00Z" });
      const z = await request(f3.id, [a.id], { birth: "2026-06-01", submittedAt: "2026-09-03T10:00:00Z" });
      const session = await createCommissionSession(prisma, agent, { sessionDate: "2026-12-10", placesDate: "2027-09-01" });
      const before = await positions(a.id);
      const outboxBefore = await prisma.outboxMail.count();
      const step = ZCommissionStepSchema.parse({
        sessionId: session.id,
        [`decision_${x.id}`]: "WAITING_LIST",
        [`version_${x.id}`]: String(x.version),
        [`decision_${y.id}`]: "OFFER",
        [`version_${y.id}`]: String(y.version),
        [`creche_${y.id}`]: a.id,
        [`start_${y.id}`]: "2027-09-01",
        [`decision_${z.id}`]: "OFFER",
        [`version_${z.id}`]: String(z.version),
        [`creche_${z.id}`]: a.id,
        [`start_${z.id}`]: "2027-09-01",
      });
      expect(await errorMessage(decideInCommission(prisma, agent, step))).toBe(
        `Plus de place libre à « ${a.name} » pour les Bébés (moins de 18 mois) au 01/09/2027 : aucune décision n'a été enregistrée.`,
      );
      expect(await prisma.earlyChildhoodDecision.count({ where: { sessionId: session.id } })).toBe(0);
      expect(await prisma.earlyChildhoodDecision.count({ where: { requestId: { in: [x.id, y.id, z.id] } } })).toBe(0);
      expect(await prisma.outboxMail.count()).toBe(outboxBefore);
      expect(await positions(a.id)).toEqual(before);
      expect(before).toEqual([[waiting.id, 1]]);
      const states = await prisma.earlyChildhoodRequest.findMany({
        where: { id: { in: [x.id, y.id, z.id] } },
        select: { status: true },
      });
      expect(states.map((state) => state.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED"]);
      // A stale row refuses the step the same way.
      const stale = ZCommissionStepSchema.parse({
        sessionId: session.id,
        [`decision_${x.id}`]: "WAITING_LIST",
        [`version_${x.id}`]: String(x.version),
        [`decision_${y.id}`]: "REFUSE",
        [`version_${y.id}`]: String(y.version + 7),
        [`reason_${y.id}`]: "Motif",
      });
      expect(await code(decideInCommission(prisma, agent, stale))).toBe("STALE_VERSION");
      expect(await positions(a.id)).toEqual(before);
      expect(await code(decideInCommission(prisma, parent as StaffViewer, stale))).toBe("FORBIDDEN");
    });

    it("refuses a step without decision or with a refusal without reason", () => {
      const sessionId = "00000000-0000-4000-8000-000000000000";
      const id = "11111111-1111-4111-8111-111111111111";
      expect(
        ZCommissionStepSchema.safeParse({ sessionId, [`decision_${id}`]: "" }).error?.issues.map((issue) => issue.message),
      ).toEqual(["Aucune décision à enregistrer."]);
      expect(
        ZCommissionStepSchema.safeParse({
          sessionId,
          [`decision_${id}`]: "REFUSE",
          [`version_${id}`]: "1",
          [`reason_${id}`]: " ",
        }).error?.issues.map((issue) => issue.message),
      ).toEqual(["Le motif du refus est obligatoire."]);
    });
  });

  describe("waiting lists", () => {
    it("lists a crèche's waiting list in order, with the unborn child", async () => {
      const a = await creche();
      const f = await family("LISTE");
      const first = await request(f.id, [a.id], { waiting: true });
      const second = await request(f.id, [a.id], { waiting: true, birth: "2025-01-01" });
      const list = await listWaitingList(prisma, agent, a.id);
      expect(list.map((entry) => [entry.id, entry.position, entry.unborn, entry.childLabel])).toEqual([
        [first.id, 1, true, "l'enfant à naître"],
        [second.id, 2, false, expect.stringMatching(/^X ENFANT/)],
      ]);
      expect(await code(listWaitingList(prisma, parent as StaffViewer, a.id))).toBe("FORBIDDEN");
    });
  });
});

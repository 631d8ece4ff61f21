import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import * as clock from "@/lib/clock";
import { addDays, dateToDay, dayToDate, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db, Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import {
  defaultContractEnd,
  groupAt,
  isResident,
  isSingleParent,
  parentsWorking,
  rankCandidates,
  requestAgeMonths,
  scoreCandidate,
} from "./commission-ranking";
import { parseWeeklySchedule } from "./schedule";
import { queueFamilyDecisionMail, type DecisionNotice } from "./staff-decision-mail";
import { applyDecision, requestChildLabel, STALE_REQUEST, type StaffDecision } from "./staff-decisions";
import type { TCommissionSession, TCommissionStep } from "./staff-decisions.schema";
import { birthDayOf, loadPlacesFree, lockCreches } from "./staff-places";
import { reorderWaitingList } from "./waiting-list";

// The commission (SPEC §7, issue #15 point 3): a sitting with its date and the date places are
// counted at; the places free per crèche and age group; the candidates (« Demande envoyée »,
// « En cours d'étude », « Liste d'attente ») ranked by the active admission criteria (ties: the
// request sent first); and its decisions for many candidates in ONE transaction — all or nothing:
// a place offered beyond the places free refuses the whole step — each family e-mailed once, the
// waiting lists then ordered by the ranking.

const CANDIDATE_STATUSES = ["SUBMITTED", "UNDER_REVIEW", "WAITING_LIST"] as const;

/** Days a family has to answer a place offered by the commission. */
export const ANSWER_DAYS = 15;

export async function listCommissionSessions(db: Db, viewer: StaffViewer) {
  assertStaffViewer(viewer);
  return db.commissionSession.findMany({
    orderBy: [{ sessionDate: "desc" }, { createdAt: "desc" }],
    select: { id: true, sessionDate: true, placesDate: true, _count: { select: { decisions: true } } },
  });
}

export async function createCommissionSession(db: PrismaClient, viewer: StaffViewer, input: TCommissionSession) {
  assertStaffViewer(viewer);
  return db.$transaction(async (tx) => {
    const session = await tx.commissionSession.create({
      data: { sessionDate: dayToDate(input.sessionDate), placesDate: dayToDate(input.placesDate), byUserId: viewer.userId },
      select: { id: true },
    });
    return auditCreated(tx, viewer, session, { action: "commission.create", targetType: "CommissionSession", details: input });
  });
}

/** The candidates ranked at `atDay`: each with its score, the score's detail and its choices. */
export async function loadRankedCandidates(db: Db, atDay: CalendarDay) {
  const [requests, criteria, town] = await Promise.all([
    db.earlyChildhoodRequest.findMany({
      where: { status: { in: [...CANDIDATE_STATUSES] } },
      select: {
        id: true,
        version: true,
        status: true,
        submittedAt: true,
        familyId: true,
        childId: true,
        expectedBirthDate: true,
        unbornFirstName: true,
        wishedStartDate: true,
        wishedSchedule: true,
        child: { select: { firstName: true, lastName: true, birthDate: true } },
        family: {
          select: { name: true, city: true, postalCode: true, situation: true, guardians: { select: { profession: true } } },
        },
        choices: {
          orderBy: { rank: "asc" },
          select: { rank: true, crecheId: true, waitingPosition: true, creche: { select: { name: true } } },
        },
      },
    }),
    db.admissionCriterion.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { code: true, label: true, points: true, active: true },
    }),
    db.townSettings.findUnique({ where: { id: 1 }, select: { townName: true, guichetAddress: true } }),
  ]);
  const at = dayToDate(atDay);
  const contracts = await db.childcareContract.findMany({
    where: {
      familyId: { in: [...new Set(requests.map((request) => request.familyId))] },
      status: "ACTIVE",
      startDate: { lte: at },
      endDate: { gte: at },
    },
    select: { familyId: true, childId: true },
  });
  const scored = requests.map((request) => {
    const siblingInCreche = contracts.some(
      (contract) => contract.familyId === request.familyId && contract.childId !== request.childId,
    );
    const { score, detail } = scoreCandidate(criteria, {
      resident: town ? isResident(request.family, town) : false,
      siblingInCreche,
      parentsWorking: parentsWorking(request.family.guardians),
      singleParent: isSingleParent(request.family.situation),
      requestAgeMonths: requestAgeMonths(request.submittedAt ? parisToday(request.submittedAt) : null, atDay),
    });
    return { ...request, childLabel: requestChildLabel(request), birthDay: birthDayOf(request), score, detail };
  });
  return rankCandidates(scored);
}
export type RankedCandidate = Awaited<ReturnType<typeof loadRankedCandidates>>[number];

/** A sitting's page: its dates, the places free at its places date, the candidates ranked at its date. */
export async function getCommission(db: Db, viewer: StaffViewer, id: string) {
  assertStaffViewer(viewer);
  const session = await db.commissionSession.findUnique({
    where: { id },
    select: {
      id: true,
      sessionDate: true,
      placesDate: true,
      decisions: {
        orderBy: { decidedAt: "asc" },
        select: {
          id: true,
          kind: true,
          reason: true,
          startDate: true,
          score: true,
          creche: { select: { name: true } },
          request: {
            select: {
              id: true,
              unbornFirstName: true,
              child: { select: { firstName: true, lastName: true } },
              family: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!session) return null;
  const placesDay = dateToDay(session.placesDate);
  const [places, candidates] = await Promise.all([
    loadPlacesFree(db, placesDay),
    loadRankedCandidates(db, dateToDay(session.sessionDate)),
  ]);
  return {
    ...session,
    places,
    candidates: candidates.map((candidate, index) => ({
      ...candidate,
      rank: index + 1,
      ageGroup: groupAt(candidate.birthDay, placesDay),
      defaultStart: dateToDay(candidate.wishedStartDate) > placesDay ? dateToDay(candidate.wishedStartDate) : placesDay,
    })),
  };
}

function offerEnd(birthDay: CalendarDay | null, startDay: CalendarDay): CalendarDay {
  const end = birthDay ? defaultContractEnd(birthDay) : null;
  return end && end > startDay ? end : `${Number(startDay.slice(0, 4)) + 1}-07-31`;
}

/**
 * The commission's one step: every row's decision in ONE transaction. Any refusal (a stale
 * request, a state that no longer allows it, a place offered beyond the places free) rolls back
 * the whole step: no decision, no mail, no position moved.
 */
export async function decideInCommission(db: PrismaClient, viewer: StaffViewer, step: TCommissionStep) {
  assertStaffViewer(viewer);
  return db.$transaction(async (tx) => {
    const session = await tx.commissionSession.findUnique({
      where: { id: step.sessionId },
      select: { id: true, sessionDate: true, placesDate: true },
    });
    if (!session) throw new AppError("NOT_FOUND", "Commission introuvable.");
    // Every crèche, in id order: the step may move any waiting list (the ranking's order) and
    // count places anywhere; one-off decisions lock a subset in the same order, so none deadlocks.
    const creches = await tx.creche.findMany({ select: { id: true } });
    await lockCreches(
      tx,
      creches.map((creche) => creche.id),
    );

    const ranking = await loadRankedCandidates(tx, dateToDay(session.sessionDate));
    const rankOf = new Map(ranking.map((candidate, index) => [candidate.id, index]));
    const byId = new Map(ranking.map((candidate) => [candidate.id, candidate]));
    const rows = [...step.rows].sort((a, b) => (rankOf.get(a.requestId) ?? Infinity) - (rankOf.get(b.requestId) ?? Infinity));
    const placesDay = dateToDay(session.placesDate);
    const answerBy = addDays(clock.today(), ANSWER_DAYS);
    const notices = new Map<string, DecisionNotice[]>();
    let decided = 0;

    for (const row of rows) {
      const candidate = byId.get(row.requestId);
      if (row.decision === "WAITING_LIST" && candidate?.status === "WAITING_LIST") {
        // Already on the lists: nothing changes (its place follows the ranking below), unless the page was stale.
        if (candidate.version !== row.version) throw new AppError("STALE_VERSION", STALE_REQUEST);
        continue;
      }
      let decision: StaffDecision;
      if (row.decision === "OFFER") {
        const planning = parseWeeklySchedule(candidate?.wishedSchedule);
        decision = {
          kind: "PLACE_OFFERED",
          crecheId: row.crecheId,
          startDate: row.startDate,
          endDate: offerEnd(candidate?.birthDay ?? null, row.startDate),
          answerBy,
          planning,
          absenceWeeks: 0,
        };
      } else if (row.decision === "WAITING_LIST") decision = { kind: "WAITING_LIST" };
      else decision = { kind: "REFUSED", reason: row.reason };
      const { familyId, notice } = await applyDecision(tx, viewer, { id: row.requestId, version: row.version }, decision, {
        sessionId: session.id,
        score: candidate?.score,
        placesDay,
      });
      notices.set(familyId, [...(notices.get(familyId) ?? []), notice]);
      decided += 1;
    }

    await orderWaitingListsByRanking(
      tx,
      ranking.map((candidate) => candidate.id),
    );
    for (const [familyId, familyNotices] of notices) await queueFamilyDecisionMail(tx, familyId, familyNotices);
    await writeAudit(tx, viewer, {
      action: "commission.decide",
      targetType: "CommissionSession",
      targetId: session.id,
      details: { decided, rows: step.rows.map((row) => ({ requestId: row.requestId, decision: row.decision })) },
    });
    return { id: session.id, decided, families: notices.size };
  });
}

/** Every crèche's waiting list in the ranking's order (requests the ranking does not know keep their order, last). */
async function orderWaitingListsByRanking(tx: Tx, rankedIds: string[]) {
  const rankOf = new Map(rankedIds.map((id, index) => [id, index]));
  const entries = await tx.earlyChildhoodChoice.findMany({
    where: { waitingPosition: { not: null } },
    orderBy: [{ crecheId: "asc" }, { waitingPosition: "asc" }],
    select: { crecheId: true, requestId: true, waitingPosition: true },
  });
  const byCreche = new Map<string, { requestId: string; waitingPosition: number }[]>();
  for (const entry of entries)
    byCreche.set(entry.crecheId, [
      ...(byCreche.get(entry.crecheId) ?? []),
      { ...entry, waitingPosition: entry.waitingPosition! },
    ]);
  for (const [crecheId, list] of byCreche) {
    const ordered = [...list].sort(
      (a, b) =>
        (rankOf.get(a.requestId) ?? Infinity) - (rankOf.get(b.requestId) ?? Infinity) || a.waitingPosition - b.waitingPosition,
    );
    if (ordered.some((entry, index) => entry.requestId !== list[index].requestId))
      await reorderWaitingList(
        tx,
        crecheId,
        ordered.map((entry) => entry.requestId),
      );
  }
}

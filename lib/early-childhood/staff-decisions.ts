import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dayToDate, formatDay, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { EarlyChildhoodStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

import { AGE_GROUP_LABELS } from "./age-group";
import { groupAt } from "./commission-ranking";
import type { WeeklySchedule } from "./schedule";
import { queueFamilyDecisionMail, type DecisionNotice } from "./staff-decision-mail";
import type { TOfferPlace, TRefuseRequest, TRequestTarget } from "./staff-decisions.schema";
import { birthDayOf, loadPlacesFree, lockCreches } from "./staff-places";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "./status-labels";
import { appendToWaitingLists, removeFromWaitingLists } from "./waiting-list";

// Staff decisions on a crèche request (SPEC §7): « Mettre à l'étude », « Inscrire en liste
// d'attente », « Proposer une place », « Refuser » — one at a time from the request's page, or
// many at once by the commission (commission.ts). Each is checked against the state and the
// version the page showed, writes the decision's history row, moves the waiting lists
// (waiting-list.ts keeps positions 1..n), audits, and e-mails the family through the outbox — all
// in the caller's transaction. The crèches' rows are locked first, in id order, before the
// request is changed: the waiting lists and the places counted stay consistent under concurrent
// decisions, and two decisions never lock in opposite orders.

export type StaffDecision =
  | { kind: "UNDER_REVIEW" }
  | { kind: "WAITING_LIST" }
  | {
      kind: "PLACE_OFFERED";
      crecheId: string;
      startDate: CalendarDay;
      endDate: CalendarDay;
      answerBy: CalendarDay;
      planning: WeeklySchedule;
      absenceWeeks: number;
    }
  | { kind: "REFUSED"; reason: string };

/** The states each decision may start from. */
export const DECISION_FROM: Record<StaffDecision["kind"], EarlyChildhoodStatus[]> = {
  UNDER_REVIEW: ["SUBMITTED"],
  WAITING_LIST: ["SUBMITTED", "UNDER_REVIEW"],
  PLACE_OFFERED: ["SUBMITTED", "UNDER_REVIEW", "WAITING_LIST"],
  REFUSED: ["SUBMITTED", "UNDER_REVIEW", "WAITING_LIST"],
};

const DECISION_VERBS: Record<StaffDecision["kind"], string> = {
  UNDER_REVIEW: "la mettre à l'étude",
  WAITING_LIST: "l'inscrire en liste d'attente",
  PLACE_OFFERED: "proposer une place",
  REFUSED: "la refuser",
};

const AUDIT_ACTIONS = {
  UNDER_REVIEW: "early-childhood.under-review",
  WAITING_LIST: "early-childhood.waiting-list",
  PLACE_OFFERED: "early-childhood.offer",
  REFUSED: "early-childhood.refuse",
} as const;

export const STALE_REQUEST = "La demande a été modifiée entre-temps (par la famille ou un autre agent) : rechargez la page.";
const NOT_FOUND = "Demande introuvable.";

/** The request's label in mails and messages: « TEST LÉA », or « l'enfant à naître (Léa) ». */
export function requestChildLabel(request: {
  child: { firstName: string; lastName: string } | null;
  unbornFirstName: string | null;
}): string {
  if (request.child) return childName(request.child);
  return request.unbornFirstName ? `l'enfant à naître (${request.unbornFirstName})` : "l'enfant à naître";
}

export function noPlaceMessage(crecheName: string, ageGroup: keyof typeof AGE_GROUP_LABELS, day: CalendarDay): string {
  return `Plus de place libre à « ${crecheName} » pour les ${AGE_GROUP_LABELS[ageGroup]} au ${formatDay(day)} : aucune décision n'a été enregistrée.`;
}

type DecisionContext = {
  sessionId?: string;
  score?: number;
  /** The day places are counted at (the commission's); the offered start date otherwise. */
  placesDay?: CalendarDay;
};

/**
 * Applies one decision inside `tx` (no mail: the caller writes one per family). Returns what the
 * family's mail says of it.
 */
export async function applyDecision(
  tx: Tx,
  viewer: StaffViewer,
  target: TRequestTarget,
  decision: StaffDecision,
  context: DecisionContext = {},
): Promise<{ familyId: string; notice: DecisionNotice }> {
  const request = await tx.earlyChildhoodRequest.findUnique({
    where: { id: target.id },
    select: {
      id: true,
      familyId: true,
      childId: true,
      status: true,
      unbornFirstName: true,
      expectedBirthDate: true,
      child: { select: { firstName: true, lastName: true, birthDate: true } },
      choices: { select: { crecheId: true, creche: { select: { name: true } } } },
    },
  });
  if (!request || request.status === "DRAFT") throw new AppError("NOT_FOUND", NOT_FOUND);
  await lockCreches(
    tx,
    request.choices.map((choice) => choice.crecheId),
  );

  const now = clock.now();
  const child = requestChildLabel(request);
  let offeredCrecheName = "";
  if (decision.kind === "PLACE_OFFERED") {
    const choice = request.choices.find((entry) => entry.crecheId === decision.crecheId);
    if (!choice) throw new AppError("INVALID", "La place proposée doit l'être dans une des crèches demandées par la famille.");
    offeredCrecheName = choice.creche.name;
    if (decision.endDate <= decision.startDate) throw new AppError("INVALID", "La fin du contrat doit suivre la date d'entrée.");
    const placesDay = context.placesDay ?? decision.startDate;
    const group = groupAt(birthDayOf(request), placesDay);
    const [row] = (await loadPlacesFree(tx, placesDay, [decision.crecheId])).filter((entry) => entry.ageGroup === group);
    // This request may already hold an offered place here (a stale page): it is counted in `offered`.
    if (!row || row.free < 1) throw new AppError("FULL", noPlaceMessage(offeredCrecheName, group, placesDay));
  }

  const changed = await tx.earlyChildhoodRequest.updateMany({
    where: { id: request.id, version: target.version, status: { in: DECISION_FROM[decision.kind] } },
    data: {
      status: decision.kind,
      version: { increment: 1 },
      decidedAt: now,
      ...(decision.kind === "PLACE_OFFERED"
        ? {
            offeredCrecheId: decision.crecheId,
            offeredStartDate: dayToDate(decision.startDate),
            offeredEndDate: dayToDate(decision.endDate),
            offerAnswerBy: dayToDate(decision.answerBy),
            offeredPlanning: decision.planning,
            offeredAbsenceWeeks: decision.absenceWeeks,
          }
        : {}),
      ...(decision.kind === "REFUSED" ? { refusalReason: decision.reason } : {}),
    },
  });
  if (changed.count === 0) {
    const current = await tx.earlyChildhoodRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { status: true, version: true },
    });
    if (current.version !== target.version) throw new AppError("STALE_VERSION", STALE_REQUEST);
    throw new AppError(
      "ALREADY_DECIDED",
      `La demande pour ${child} est « ${EARLY_CHILDHOOD_STATUS_LABELS[current.status]} » : impossible de ${DECISION_VERBS[decision.kind]}.`,
    );
  }

  if (decision.kind === "WAITING_LIST") await appendToWaitingLists(tx, request.id);
  else await removeFromWaitingLists(tx, request.id);

  await tx.earlyChildhoodDecision.create({
    data: {
      requestId: request.id,
      sessionId: context.sessionId ?? null,
      kind: decision.kind,
      crecheId: decision.kind === "PLACE_OFFERED" ? decision.crecheId : null,
      startDate: decision.kind === "PLACE_OFFERED" ? dayToDate(decision.startDate) : null,
      reason: decision.kind === "REFUSED" ? decision.reason : null,
      score: context.score ?? null,
      decidedAt: now,
      byUserId: viewer.userId,
    },
  });
  await writeAudit(tx, viewer, {
    action: AUDIT_ACTIONS[decision.kind],
    familyId: request.familyId,
    childId: request.childId,
    targetType: "EarlyChildhoodRequest",
    targetId: request.id,
    details: { ...decision, sessionId: context.sessionId, score: context.score },
  });

  let notice: DecisionNotice;
  switch (decision.kind) {
    case "UNDER_REVIEW":
      notice = { kind: "UNDER_REVIEW", child };
      break;
    case "WAITING_LIST": {
      const positions = await tx.earlyChildhoodChoice.findMany({
        where: { requestId: request.id, waitingPosition: { not: null } },
        orderBy: { rank: "asc" },
        select: { waitingPosition: true, creche: { select: { name: true } } },
      });
      notice = {
        kind: "WAITING_LIST",
        child,
        positions: positions.map((entry) => ({ creche: entry.creche.name, position: entry.waitingPosition! })),
      };
      break;
    }
    case "PLACE_OFFERED":
      notice = {
        kind: "PLACE_OFFERED",
        child,
        creche: offeredCrecheName,
        startDay: decision.startDate,
        answerByDay: decision.answerBy,
      };
      break;
    case "REFUSED":
      notice = { kind: "REFUSED", child, reason: decision.reason };
      break;
  }
  return { familyId: request.familyId, notice };
}

async function decideOne(db: PrismaClient, viewer: StaffViewer, target: TRequestTarget, decision: StaffDecision) {
  assertStaffViewer(viewer);
  await db.$transaction(async (tx) => {
    const { familyId, notice } = await applyDecision(tx, viewer, target, decision);
    await queueFamilyDecisionMail(tx, familyId, [notice]);
  });
  return { id: target.id };
}

/** « Mettre à l'étude »: SUBMITTED → UNDER_REVIEW. */
export function putUnderReview(db: PrismaClient, viewer: StaffViewer, target: TRequestTarget) {
  return decideOne(db, viewer, target, { kind: "UNDER_REVIEW" });
}

/** « Inscrire en liste d'attente »: at the end of the list of each crèche chosen. */
export function putOnWaitingList(db: PrismaClient, viewer: StaffViewer, target: TRequestTarget) {
  return decideOne(db, viewer, target, { kind: "WAITING_LIST" });
}

/** « Proposer une place »: in a crèche the family chose, if a place is free in the child's group at the start date. */
export function offerPlace(db: PrismaClient, viewer: StaffViewer, input: TOfferPlace) {
  const { id, version, ...offer } = input;
  return decideOne(db, viewer, { id, version }, { kind: "PLACE_OFFERED", ...offer });
}

/** « Refuser », with the reason the family reads. */
export function refuseRequest(db: PrismaClient, viewer: StaffViewer, input: TRefuseRequest) {
  return decideOne(db, viewer, { id: input.id, version: input.version }, { kind: "REFUSED", reason: input.reason });
}

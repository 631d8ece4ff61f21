import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { dateToDay, parisToday } from "@/lib/dates/calendar-day";
import type { DbClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import type { TRequestStep } from "./family-request.schema";
import { REQUEST_NOT_FOUND, stepRequest } from "./family-requests";
import { parseWeeklySchedule } from "./schedule";
import { removeFromWaitingLists } from "./waiting-list";

// « Place proposée » (SPEC §7): the family accepts the place before offerAnswerBy — the request
// becomes « Acceptée » and the place offered becomes the child's ChildcareContract, in one
// transaction — or declines it (the request is closed). Both are refused on any other state or
// version than the page showed.

type Actor = Pick<ParentViewer, "familyId" | "userId">;

const ANSWER_PASSED = "Le délai pour répondre à cette proposition est dépassé : contactez le Guichet unique.";

async function openOffer(tx: Tx, viewer: Actor, step: TRequestStep, now: Date) {
  const request = await tx.earlyChildhoodRequest.findFirst({
    where: { id: step.id, familyId: viewer.familyId },
    select: {
      status: true,
      version: true,
      childId: true,
      offeredCrecheId: true,
      offeredStartDate: true,
      offeredEndDate: true,
      offeredPlanning: true,
      offeredAbsenceWeeks: true,
      offerAnswerBy: true,
    },
  });
  if (!request) throw new AppError("NOT_FOUND", REQUEST_NOT_FOUND);
  if (request.status === "PLACE_OFFERED" && request.version === step.version && request.offerAnswerBy) {
    if (dateToDay(request.offerAnswerBy) < parisToday(now)) throw new AppError("INVALID", ANSWER_PASSED);
  }
  return request;
}

/** « Accepter la place »: ACCEPTED, the family's answer recorded, off the waiting lists, and the contract. */
export async function acceptOffer(db: DbClient, viewer: Actor, step: TRequestStep, now: Date): Promise<{ contractId: string }> {
  return db.$transaction(async (tx) => {
    const request = await openOffer(tx, viewer, step, now);
    await stepRequest(tx, viewer, step, ["PLACE_OFFERED"], { status: "ACCEPTED", decidedAt: now });
    if (!request.childId) throw new AppError("INVALID", "Rattachez d'abord l'enfant né à cette demande pour accepter la place.");
    const planning = parseWeeklySchedule(request.offeredPlanning);
    if (!request.offeredCrecheId || !request.offeredStartDate || !request.offeredEndDate || planning.length === 0)
      throw new AppError("INVALID", "La proposition est incomplète : contactez le Guichet unique.");
    await tx.earlyChildhoodDecision.create({
      data: {
        requestId: step.id,
        kind: "ACCEPTED_BY_FAMILY",
        crecheId: request.offeredCrecheId,
        startDate: request.offeredStartDate,
        decidedAt: now,
        byUserId: viewer.userId,
      },
    });
    await removeFromWaitingLists(tx, step.id);
    const contract = await tx.childcareContract.create({
      data: {
        requestId: step.id,
        familyId: viewer.familyId,
        childId: request.childId,
        crecheId: request.offeredCrecheId,
        startDate: request.offeredStartDate,
        endDate: request.offeredEndDate,
        weeklyPlanning: planning,
        absenceWeeksPerYear: request.offeredAbsenceWeeks ?? 0,
        createdAt: now,
      },
      select: { id: true },
    });
    return { contractId: contract.id };
  });
}

/** « Refuser la place »: the family declines; the request is closed (« Close »). */
export async function declineOffer(db: DbClient, viewer: Actor, step: TRequestStep, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await openOffer(tx, viewer, step, now);
    await stepRequest(tx, viewer, step, ["PLACE_OFFERED"], { status: "CLOSED", decidedAt: now });
    await tx.earlyChildhoodDecision.create({
      data: {
        requestId: step.id,
        kind: "DECLINED_BY_FAMILY",
        crecheId: request.offeredCrecheId,
        decidedAt: now,
        byUserId: viewer.userId,
      },
    });
    await removeFromWaitingLists(tx, step.id);
  });
}

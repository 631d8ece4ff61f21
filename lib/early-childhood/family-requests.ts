import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { dateToDay, dayToDate, formatDay, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { DbClient, Tx } from "@/lib/db/client";
import type { EarlyChildhoodStatus, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { queueAcknowledgmentMail } from "./family-mails";
import {
  bornNearExpected,
  confirmationDeadline,
  startDateProblem,
  unbornDateProblem,
  waitingPositionLabel,
} from "./family-request-rules";
import type { TAttachChild, TFamilyRequest, TRequestStep } from "./family-request.schema";
import { fitsOpeningHours, formatWeeklySchedule, parseWeeklySchedule, type WeeklySchedule } from "./schedule";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "./status-labels";
import { removeFromWaitingLists } from "./waiting-list";

// The family's crèche requests (SPEC §7, « Nouvelle demande d'inscription »): every query is
// scoped to the viewer's family in its `where`, so another family's request id finds nothing
// (« Demande introuvable. »), and every state change is an update guarded by the state and the
// version the page showed: a stale or forged action changes nothing.

type FamilyScope = Pick<ParentViewer, "familyId">;
type Actor = Pick<ParentViewer, "familyId" | "userId">;

export const REQUEST_NOT_FOUND = "Demande introuvable.";
export const REQUEST_STALE = "Cette demande a changé depuis l'affichage de la page : rechargez la page et recommencez.";
export const REQUEST_ALREADY_SENT = "Cette demande a déjà été envoyée : elle ne peut plus être modifiée.";

/** A request not yet final: the family may still cancel it. */
export const CANCELLABLE_STATUSES: EarlyChildhoodStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "WAITING_LIST",
  "PLACE_OFFERED",
];

/** « Enfant à naître (Léa) » */
export function unbornLabel(firstName: string | null): string {
  return firstName ? `Enfant à naître (${firstName})` : "Enfant à naître";
}

export function requestChildLabel(request: {
  child: { firstName: string; lastName: string } | null;
  unbornFirstName: string | null;
}): string {
  return request.child ? childName(request.child) : unbornLabel(request.unbornFirstName);
}

// ─── The form ───────────────────────────────────────────────────────────────────────────────

export type CrecheOption = { id: string; name: string; opensAt: string; closesAt: string };
export type RequestFormChoices = { children: { id: string; name: string }[]; creches: CrecheOption[] };

/** The family's children and the active crèches, for the request form. */
export async function getRequestFormChoices(db: DbClient | Tx, viewer: FamilyScope): Promise<RequestFormChoices> {
  const [children, creches] = await Promise.all([
    db.child.findMany({
      where: { familyId: viewer.familyId },
      orderBy: [{ birthDate: "desc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true },
    }),
    db.creche.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, opensAt: true, closesAt: true },
    }),
  ]);
  return { children: children.map((child) => ({ id: child.id, name: childName(child) })), creches };
}

/** What the form shows again when a draft is edited (its version posted back). */
export type RequestFormValues = {
  id: string;
  version: number;
  child: string;
  expectedBirthDate: string;
  unbornFirstName: string;
  wishedStartDate: string;
  crecheIds: string[];
  schedule: WeeklySchedule;
  comments: string;
};

/** A draft of the family as its form reads it; null when it is not the family's or no longer a draft. */
export async function getDraftForEdit(db: DbClient, viewer: FamilyScope, id: string): Promise<RequestFormValues | null> {
  const request = await db.earlyChildhoodRequest.findFirst({
    where: { id, familyId: viewer.familyId, status: "DRAFT" },
    select: {
      id: true,
      version: true,
      childId: true,
      expectedBirthDate: true,
      unbornFirstName: true,
      wishedStartDate: true,
      wishedSchedule: true,
      comments: true,
      choices: { orderBy: { rank: "asc" }, select: { crecheId: true } },
    },
  });
  if (!request) return null;
  return {
    id: request.id,
    version: request.version,
    child: request.childId ?? "a-naitre",
    expectedBirthDate: request.expectedBirthDate ? dateToDay(request.expectedBirthDate) : "",
    unbornFirstName: request.unbornFirstName ?? "",
    wishedStartDate: dateToDay(request.wishedStartDate),
    crecheIds: request.choices.map((choice) => choice.crecheId),
    schedule: parseWeeklySchedule(request.wishedSchedule),
    comments: request.comments ?? "",
  };
}

/** « 7h30 » */
const hour = (time: string) => time.replace(":", "h").replace(/^0/, "");

/** The checks that need today, the family's children and the crèches; the crèches' names in order. */
async function checkRequest(tx: Tx, viewer: FamilyScope, input: TFamilyRequest, today: CalendarDay): Promise<string[]> {
  if (input.childId) {
    const child = await tx.child.findFirst({ where: { id: input.childId, familyId: viewer.familyId }, select: { id: true } });
    if (!child) throw new AppError("NOT_FOUND", "Choisissez l'un de vos enfants ou « Enfant à naître ».");
  } else {
    const problem = unbornDateProblem(input.expectedBirthDate!, today);
    if (problem) throw new AppError("INVALID", problem);
  }
  const startProblem = startDateProblem(input.wishedStartDate, today, input.expectedBirthDate);
  if (startProblem) throw new AppError("INVALID", startProblem);
  const creches = await tx.creche.findMany({
    where: { id: { in: input.crecheIds }, active: true },
    select: { id: true, name: true, opensAt: true, closesAt: true },
  });
  const ordered = input.crecheIds.map((id) => creches.find((creche) => creche.id === id));
  if (ordered.some((creche) => !creche)) throw new AppError("NOT_FOUND", "Crèche introuvable : rechargez la page.");
  for (const creche of ordered) {
    if (!fitsOpeningHours(input.schedule, creche!.opensAt, creche!.closesAt)) {
      throw new AppError(
        "INVALID",
        `Les horaires demandés sortent des heures d'ouverture de ${creche!.name} (${hour(creche!.opensAt)}–${hour(creche!.closesAt)}).`,
      );
    }
  }
  return ordered.map((creche) => creche!.name);
}

/**
 * « Enregistrer le brouillon » or « Envoyer la demande »: creates the request or rewrites the
 * family's draft (at the version the form loaded), its crèches in order of preference. Sending
 * sets « Demande envoyée » and writes the acknowledgment mail in the same transaction.
 */
export async function saveFamilyRequest(
  db: DbClient,
  viewer: Actor,
  input: TFamilyRequest,
  now: Date,
): Promise<{ id: string; status: EarlyChildhoodStatus }> {
  const today = parisToday(now);
  const send = input.intent === "send";
  return db.$transaction(async (tx) => {
    const fields = {
      childId: input.childId,
      expectedBirthDate: input.expectedBirthDate ? dayToDate(input.expectedBirthDate) : null,
      unbornFirstName: input.unbornFirstName || null,
      wishedStartDate: dayToDate(input.wishedStartDate),
      wishedSchedule: input.schedule,
      comments: input.comments || null,
      ...(send ? { status: "SUBMITTED" as const, submittedAt: now } : {}),
    };
    let id: string;
    if (input.id) {
      const { count } = await tx.earlyChildhoodRequest.updateMany({
        where: { id: input.id, familyId: viewer.familyId, status: "DRAFT", version: input.version },
        data: { ...fields, version: { increment: 1 } },
      });
      if (count === 0) await refuseStep(tx, viewer, input.id, ["DRAFT"]);
      id = input.id;
      await tx.earlyChildhoodChoice.deleteMany({ where: { requestId: id } });
    } else {
      ({ id } = await tx.earlyChildhoodRequest.create({ data: { ...fields, familyId: viewer.familyId }, select: { id: true } }));
    }
    // Checked after the guarded update: a request no longer a draft says so first (and the
    // transaction undoes the update when a check refuses).
    const crecheNames = await checkRequest(tx, viewer, input, today);
    await tx.earlyChildhoodChoice.createMany({
      data: input.crecheIds.map((crecheId, index) => ({ requestId: id, crecheId, rank: index + 1 })),
    });
    if (send) await acknowledge(tx, viewer, id, crecheNames, today);
    return { id, status: send ? "SUBMITTED" : "DRAFT" };
  });
}

async function acknowledge(tx: Tx, viewer: FamilyScope, id: string, crecheNames: string[], today: CalendarDay) {
  const request = await tx.earlyChildhoodRequest.findUniqueOrThrow({
    where: { id },
    select: { unbornFirstName: true, child: { select: { firstName: true, lastName: true } } },
  });
  await queueAcknowledgmentMail(tx, {
    requestId: id,
    familyId: viewer.familyId,
    childLabel: requestChildLabel(request),
    creches: crecheNames,
    submittedOn: today,
  });
}

/**
 * Why a guarded update changed nothing, as a French refusal: not the family's (or unknown),
 * no longer in a state that allows it, or changed since the page was shown.
 */
async function refuseStep(tx: Tx, viewer: FamilyScope, id: string, allowed: EarlyChildhoodStatus[]): Promise<never> {
  const request = await tx.earlyChildhoodRequest.findFirst({
    where: { id, familyId: viewer.familyId },
    select: { status: true },
  });
  if (!request) throw new AppError("NOT_FOUND", REQUEST_NOT_FOUND);
  if (!allowed.includes(request.status)) {
    if (allowed.length === 1 && allowed[0] === "DRAFT") throw new AppError("INVALID", REQUEST_ALREADY_SENT);
    throw new AppError(
      "INVALID",
      `Cette action n'est plus possible : la demande est « ${EARLY_CHILDHOOD_STATUS_LABELS[request.status]} ». Rechargez la page.`,
    );
  }
  throw new AppError("STALE_VERSION", REQUEST_STALE);
}

/**
 * Moves the family's request from one of `allowed` to `data` at the version the page showed, in
 * the caller's transaction; otherwise refuses (and nothing changes).
 */
export async function stepRequest(
  tx: Tx,
  viewer: FamilyScope,
  step: TRequestStep,
  allowed: EarlyChildhoodStatus[],
  data: Prisma.EarlyChildhoodRequestUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.earlyChildhoodRequest.updateMany({
    where: { id: step.id, familyId: viewer.familyId, version: step.version, status: { in: allowed } },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) await refuseStep(tx, viewer, step.id, allowed);
}

/** « Envoyer la demande » from a draft's page (the draft as saved). */
export async function submitFamilyRequest(db: DbClient, viewer: Actor, step: TRequestStep, now: Date): Promise<void> {
  const today = parisToday(now);
  await db.$transaction(async (tx) => {
    const draft = await tx.earlyChildhoodRequest.findFirst({
      where: { id: step.id, familyId: viewer.familyId },
      select: {
        childId: true,
        expectedBirthDate: true,
        unbornFirstName: true,
        wishedStartDate: true,
        wishedSchedule: true,
        comments: true,
        choices: { orderBy: { rank: "asc" }, select: { crecheId: true } },
      },
    });
    if (!draft) throw new AppError("NOT_FOUND", REQUEST_NOT_FOUND);
    const crecheNames = await checkRequest(
      tx,
      viewer,
      {
        id: step.id,
        version: step.version,
        childId: draft.childId,
        expectedBirthDate: draft.expectedBirthDate ? dateToDay(draft.expectedBirthDate) : null,
        unbornFirstName: draft.unbornFirstName ?? "",
        wishedStartDate: dateToDay(draft.wishedStartDate),
        crecheIds: draft.choices.map((choice) => choice.crecheId),
        schedule: parseWeeklySchedule(draft.wishedSchedule),
        comments: draft.comments ?? "",
        intent: "send",
      },
      today,
    );
    await stepRequest(tx, viewer, step, ["DRAFT"], { status: "SUBMITTED", submittedAt: now });
    await acknowledge(tx, viewer, step.id, crecheNames, today);
  });
}

/** « Annuler la demande » while it is not final: off every waiting list, the family's answer recorded. */
export async function cancelFamilyRequest(db: DbClient, viewer: Actor, step: TRequestStep, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await stepRequest(tx, viewer, step, CANCELLABLE_STATUSES, {
      status: "CANCELLED",
      decidedAt: now,
      confirmationRequestedAt: null,
    });
    await removeFromWaitingLists(tx, step.id);
    await tx.earlyChildhoodDecision.create({
      data: { requestId: step.id, kind: "CANCELLED_BY_FAMILY", decidedAt: now, byUserId: viewer.userId },
    });
  });
}

/** « Je confirme ma demande »: the request stays on the waiting lists, asked again in 3 months. */
export async function confirmFamilyRequest(db: DbClient, viewer: Actor, step: TRequestStep, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.earlyChildhoodRequest.updateMany({
      where: {
        id: step.id,
        familyId: viewer.familyId,
        version: step.version,
        status: "WAITING_LIST",
        confirmationRequestedAt: { not: null },
      },
      data: { lastConfirmedAt: now, confirmationRequestedAt: null, version: { increment: 1 } },
    });
    if (count === 0) {
      const request = await tx.earlyChildhoodRequest.findFirst({
        where: { id: step.id, familyId: viewer.familyId, status: "WAITING_LIST", version: step.version },
        select: { id: true },
      });
      if (request) throw new AppError("INVALID", "Aucune confirmation n'est demandée pour cette demande.");
      await refuseStep(tx, viewer, step.id, ["WAITING_LIST"]);
    }
    await tx.earlyChildhoodDecision.create({
      data: { requestId: step.id, kind: "CONFIRMED_BY_FAMILY", decidedAt: now, byUserId: viewer.userId },
    });
  });
}

/** « Rattacher l'enfant né »: the unborn child's request now follows a child of the family born near the expected date. */
export async function attachBornChild(db: DbClient, viewer: Actor, input: TAttachChild): Promise<void> {
  await db.$transaction(async (tx) => {
    const [request, child] = await Promise.all([
      tx.earlyChildhoodRequest.findFirst({
        where: { id: input.id, familyId: viewer.familyId },
        select: { childId: true, expectedBirthDate: true },
      }),
      tx.child.findFirst({ where: { id: input.childId, familyId: viewer.familyId }, select: { birthDate: true } }),
    ]);
    if (!request) throw new AppError("NOT_FOUND", REQUEST_NOT_FOUND);
    if (request.childId || !request.expectedBirthDate) throw new AppError("INVALID", "Cette demande concerne déjà un enfant né.");
    if (!child) throw new AppError("NOT_FOUND", "Choisissez l'un de vos enfants.");
    if (!bornNearExpected(dateToDay(child.birthDate), dateToDay(request.expectedBirthDate)))
      throw new AppError("INVALID", "La date de naissance de cet enfant est trop éloignée de la naissance prévue.");
    await stepRequest(tx, viewer, input, CANCELLABLE_STATUSES, { childId: input.childId });
  });
}

// ─── What the family reads ──────────────────────────────────────────────────────────────────

const REQUEST_VIEW = {
  id: true,
  version: true,
  status: true,
  childId: true,
  child: { select: { firstName: true, lastName: true } },
  expectedBirthDate: true,
  unbornFirstName: true,
  wishedStartDate: true,
  wishedSchedule: true,
  comments: true,
  submittedAt: true,
  createdAt: true,
  offeredCreche: { select: { name: true } },
  offeredStartDate: true,
  offerAnswerBy: true,
  offeredEndDate: true,
  offeredPlanning: true,
  offeredAbsenceWeeks: true,
  refusalReason: true,
  confirmationRequestedAt: true,
  choices: {
    orderBy: { rank: "asc" },
    select: { rank: true, waitingPosition: true, creche: { select: { name: true } } },
  },
  contract: {
    select: { startDate: true, endDate: true, weeklyPlanning: true, status: true, creche: { select: { name: true } } },
  },
} satisfies Prisma.EarlyChildhoodRequestSelect;

export type FamilyRequestView = {
  id: string;
  version: number;
  status: EarlyChildhoodStatus;
  statusLabel: string;
  childLabel: string;
  unborn: boolean;
  expectedBirthOn: string | null;
  wishedStartOn: string;
  wishedPlanning: string;
  comments: string | null;
  submittedOn: string | null;
  choices: { rank: number; creche: string; position: number | null; positionLabel: string | null }[];
  offer: {
    creche: string;
    startOn: string;
    endOn: string | null;
    planning: string;
    absenceWeeks: number | null;
    answerBy: string | null;
    /** Still open to an answer (the date not passed). */
    open: boolean;
  } | null;
  refusalReason: string | null;
  contract: { creche: string; startOn: string; endOn: string; planning: string } | null;
  /** « Je confirme ma demande » is asked, to answer before this date. */
  confirmationDeadline: string | null;
  cancellable: boolean;
  /** Children of the family born near the expected date (« Rattacher l'enfant né »). */
  birthCandidates: { id: string; name: string }[];
};

/** A request of the family, as its page shows it; null when it is not the family's. */
export async function getFamilyRequest(
  db: DbClient,
  viewer: FamilyScope,
  id: string,
  today: CalendarDay,
): Promise<FamilyRequestView | null> {
  const request = await db.earlyChildhoodRequest.findFirst({ where: { id, familyId: viewer.familyId }, select: REQUEST_VIEW });
  if (!request) return null;
  const expected = request.expectedBirthDate ? dateToDay(request.expectedBirthDate) : null;
  const open = CANCELLABLE_STATUSES.includes(request.status);
  const candidates =
    expected && !request.childId && open
      ? await db.child.findMany({
          where: { familyId: viewer.familyId },
          orderBy: { birthDate: "desc" },
          select: { id: true, firstName: true, lastName: true, birthDate: true },
        })
      : [];
  const answerBy = request.offerAnswerBy ? dateToDay(request.offerAnswerBy) : null;
  return {
    id: request.id,
    version: request.version,
    status: request.status,
    statusLabel: EARLY_CHILDHOOD_STATUS_LABELS[request.status],
    childLabel: requestChildLabel(request),
    unborn: !request.childId,
    expectedBirthOn: expected ? formatDay(expected) : null,
    wishedStartOn: formatDay(dateToDay(request.wishedStartDate)),
    wishedPlanning: formatWeeklySchedule(parseWeeklySchedule(request.wishedSchedule)),
    comments: request.comments,
    submittedOn: request.submittedAt ? formatDay(parisToday(request.submittedAt)) : null,
    choices: request.choices.map((choice) => ({
      rank: choice.rank,
      creche: choice.creche.name,
      position: choice.waitingPosition,
      positionLabel:
        request.status === "WAITING_LIST" && choice.waitingPosition
          ? waitingPositionLabel(choice.waitingPosition, choice.creche.name)
          : null,
    })),
    offer:
      request.status === "PLACE_OFFERED" && request.offeredCreche && request.offeredStartDate
        ? {
            creche: request.offeredCreche.name,
            startOn: formatDay(dateToDay(request.offeredStartDate)),
            endOn: request.offeredEndDate ? formatDay(dateToDay(request.offeredEndDate)) : null,
            planning: formatWeeklySchedule(parseWeeklySchedule(request.offeredPlanning)),
            absenceWeeks: request.offeredAbsenceWeeks,
            answerBy: answerBy ? formatDay(answerBy) : null,
            open: answerBy === null || answerBy >= today,
          }
        : null,
    refusalReason: request.status === "REFUSED" ? request.refusalReason : null,
    contract: request.contract
      ? {
          creche: request.contract.creche.name,
          startOn: formatDay(dateToDay(request.contract.startDate)),
          endOn: formatDay(dateToDay(request.contract.endDate)),
          planning: formatWeeklySchedule(parseWeeklySchedule(request.contract.weeklyPlanning)),
        }
      : null,
    confirmationDeadline:
      request.status === "WAITING_LIST" && request.confirmationRequestedAt
        ? formatDay(confirmationDeadline(parisToday(request.confirmationRequestedAt)))
        : null,
    cancellable: open,
    birthCandidates: candidates
      .filter((child) => bornNearExpected(dateToDay(child.birthDate), expected!))
      .map((child) => ({ id: child.id, name: childName(child) })),
  };
}

export type FamilyRequestListItem = {
  id: string;
  childLabel: string;
  status: EarlyChildhoodStatus;
  statusLabel: string;
  creches: string[];
  wishedStartOn: string;
  detail: string | null;
};

/** « Mes demandes d'inscription en crèche »: every request of the family, newest first. */
export async function listFamilyRequests(db: DbClient, viewer: FamilyScope): Promise<FamilyRequestListItem[]> {
  const requests = await db.earlyChildhoodRequest.findMany({
    where: { familyId: viewer.familyId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      unbornFirstName: true,
      wishedStartDate: true,
      confirmationRequestedAt: true,
      child: { select: { firstName: true, lastName: true } },
      offeredCreche: { select: { name: true } },
      choices: {
        orderBy: { rank: "asc" },
        select: { waitingPosition: true, creche: { select: { name: true } } },
      },
    },
  });
  return requests.map((request) => ({
    id: request.id,
    childLabel: requestChildLabel(request),
    status: request.status,
    statusLabel: EARLY_CHILDHOOD_STATUS_LABELS[request.status],
    creches: request.choices.map((choice) => choice.creche.name),
    wishedStartOn: formatDay(dateToDay(request.wishedStartDate)),
    detail:
      request.status === "WAITING_LIST"
        ? [
            ...request.choices
              .filter((choice) => choice.waitingPosition)
              .map((choice) => waitingPositionLabel(choice.waitingPosition!, choice.creche.name)),
            ...(request.confirmationRequestedAt ? ["Confirmation demandée"] : []),
          ].join(" ; ")
        : request.status === "PLACE_OFFERED" && request.offeredCreche
          ? `Place proposée à ${request.offeredCreche.name}`
          : null,
  }));
}

/** « Une demande attend votre confirmation » on the dashboard: the family's requests asked to confirm. */
export async function requestsAwaitingConfirmation(
  db: DbClient,
  viewer: FamilyScope,
): Promise<{ id: string; childLabel: string; deadline: string }[]> {
  const requests = await db.earlyChildhoodRequest.findMany({
    where: { familyId: viewer.familyId, status: "WAITING_LIST", confirmationRequestedAt: { not: null } },
    orderBy: { confirmationRequestedAt: "asc" },
    select: {
      id: true,
      unbornFirstName: true,
      confirmationRequestedAt: true,
      child: { select: { firstName: true, lastName: true } },
    },
  });
  return requests.map((request) => ({
    id: request.id,
    childLabel: requestChildLabel(request),
    deadline: formatDay(confirmationDeadline(parisToday(request.confirmationRequestedAt!))),
  }));
}

// The daily confirmation of waiting requests (SPEC §7, lib/jobs/job-runtime.ts): every 3 months a
// request on « Liste d'attente » asks the family to confirm it is still wanted (e-mail, and the
// notice on the dashboard and the request's page); 30 days after an unanswered ask it closes and
// leaves the waiting lists. Each request moves in its own transaction, guarded by its version, so
// a family answering at the same moment wins or loses cleanly and every mail is written once.
//
// No "server-only": the worker (scripts/worker.ts) runs it outside Next.
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { dateToDay, parisToday } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";

import { queueClosedMail, queueConfirmationAskMail } from "./family-mails";
import { confirmationDeadline, confirmationStep } from "./family-request-rules";
import { removeFromWaitingLists } from "./waiting-list";

export type ConfirmationReport = { asked: number; closed: number };

export async function runWaitingConfirmations(db: PrismaClient, now = clock.now()): Promise<ConfirmationReport> {
  const today = parisToday(now);
  const waiting = await db.earlyChildhoodRequest.findMany({
    where: { status: "WAITING_LIST" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      familyId: true,
      version: true,
      submittedAt: true,
      createdAt: true,
      lastConfirmedAt: true,
      confirmationRequestedAt: true,
      unbornFirstName: true,
      child: { select: { firstName: true, lastName: true } },
      decisions: { where: { kind: "WAITING_LIST" }, orderBy: { decidedAt: "desc" }, take: 1, select: { decidedAt: true } },
    },
  });
  const report: ConfirmationReport = { asked: 0, closed: 0 };
  for (const request of waiting) {
    // The 3 months run from the last confirmation, or from when it joined the list (or was sent).
    const since = [request.lastConfirmedAt, request.decisions[0]?.decidedAt, request.submittedAt ?? request.createdAt]
      .filter((date): date is Date => date != null)
      .map(parisToday)
      .sort()
      .at(-1)!;
    const requestedOn = request.confirmationRequestedAt ? parisToday(request.confirmationRequestedAt) : null;
    const step = confirmationStep({ since, requestedOn }, today);
    if (!step) continue;
    const subject = {
      requestId: request.id,
      familyId: request.familyId,
      childLabel: request.child
        ? childName(request.child)
        : request.unbornFirstName
          ? `Enfant à naître (${request.unbornFirstName})`
          : "votre enfant à naître",
    };
    await db.$transaction(async (tx) => {
      const guard = { id: request.id, version: request.version, status: "WAITING_LIST" as const };
      if (step === "ask") {
        const { count } = await tx.earlyChildhoodRequest.updateMany({
          where: { ...guard, confirmationRequestedAt: null },
          data: { confirmationRequestedAt: now, version: { increment: 1 } },
        });
        if (count === 0) return;
        await queueConfirmationAskMail(tx, { ...subject, deadline: confirmationDeadline(today) });
        report.asked += 1;
      } else {
        const { count } = await tx.earlyChildhoodRequest.updateMany({
          where: { ...guard, confirmationRequestedAt: { not: null } },
          data: { status: "CLOSED", decidedAt: now, confirmationRequestedAt: null, version: { increment: 1 } },
        });
        if (count === 0) return;
        await removeFromWaitingLists(tx, request.id);
        await tx.earlyChildhoodDecision.create({
          data: { requestId: request.id, kind: "CLOSED", reason: "Demande non confirmée dans les 30 jours.", decidedAt: now },
        });
        await queueClosedMail(tx, subject);
        report.closed += 1;
      }
    });
  }
  return report;
}

export function describeWaitingConfirmations(report: ConfirmationReport): string {
  return `${report.asked} demande(s) de confirmation envoyée(s), ${report.closed} demande(s) close(s) sans réponse.`;
}

/** For tests and logs: the day a request's confirmation is due. */
export const confirmationDay = (date: Date) => dateToDay(date);

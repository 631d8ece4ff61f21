import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { StaffOfferForm, StaffRefuseForm, StaffSimpleDecision } from "@/components/early-childhood/staff-decision-forms";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { currentViewer, isStaff, staffPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { addDays, dateToDay, formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { AGE_GROUP_LABELS } from "@/lib/early-childhood/age-group";
import { ANSWER_DAYS } from "@/lib/early-childhood/commission";
import { defaultContractEnd } from "@/lib/early-childhood/commission-ranking";
import { formatWeeklySchedule } from "@/lib/early-childhood/schedule";
import { DECISION_FROM } from "@/lib/early-childhood/staff-decisions";
import { getStaffRequest } from "@/lib/early-childhood/staff-requests";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "@/lib/early-childhood/status-labels";
import { staffEarlyChildhoodRequestTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { offerPlaceAction, refuseRequestAction, underReviewAction, waitingListAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

const DECISION_LABELS = {
  UNDER_REVIEW: "Mise à l'étude",
  PLACE_OFFERED: "Place proposée",
  WAITING_LIST: "Inscription en liste d'attente",
  REFUSED: "Refus",
  ACCEPTED_BY_FAMILY: "Place acceptée par la famille",
  DECLINED_BY_FAMILY: "Place refusée par la famille",
  CANCELLED_BY_FAMILY: "Demande annulée par la famille",
  CONFIRMED_BY_FAMILY: "Demande confirmée par la famille",
  CLOSED: "Demande close",
} as const;

const DOCUMENT_STATES = { SUBMITTED: "À valider", ACCEPTED: "Accepté", REFUSED: "Refusé" } as Record<string, string>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await currentViewer();
  const id = parseId((await params).id);
  const title = id && isStaff(viewer) ? await staffEarlyChildhoodRequestTitle(getDb(), viewer, id) : null;
  return { title: title ?? "Demande de place en crèche" };
}

function DocumentList({
  documents,
}: {
  documents: { id: string; name: string; status: string; uploadedAt: Date; type: { label: string } }[];
}) {
  if (documents.length === 0) return <p className="text-muted">Aucun document.</p>;
  return (
    <ul className="list-disc space-y-1 pl-6">
      {documents.map((document) => (
        <li key={document.id}>
          <Link href={`/admin/documents/${document.id}`} className="text-brand underline hover:no-underline">
            {document.type.label} – « {document.name} »
          </Link>{" "}
          ({DOCUMENT_STATES[document.status] ?? document.status}, transmis le {formatDateTime(document.uploadedAt)})
        </li>
      ))}
    </ul>
  );
}

export default async function StaffRequestPage({ params }: Props) {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  const request = id ? await getStaffRequest(getDb(), viewer, id) : null;
  if (!request) notFound();
  const target = { id: request.id, version: request.version };
  const can = (kind: keyof typeof DECISION_FROM) => DECISION_FROM[kind].includes(request.status);
  const wished = dateToDay(request.wishedStartDate);
  const today = clock.today();
  const title = `Demande de place en crèche – ${request.childLabel}`;

  return (
    <div className="space-y-6">
      <PageHeader title={title} back={{ href: "/admin/petite-enfance/demandes", label: "Demandes d'inscription en crèche" }} />
      <p className="text-lg">
        État : <strong>{EARLY_CHILDHOOD_STATUS_LABELS[request.status]}</strong>
        {request.submittedAt ? ` – envoyée le ${formatDateTime(request.submittedAt)}` : ""}
      </p>
      <Panel title="Demande">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Famille</dt>
          <dd>
            <Link href={`/admin/familles/${request.family.id}`} className="text-brand underline hover:no-underline">
              {request.family.name}
            </Link>
            {request.family.city ? ` – ${[request.family.postalCode, request.family.city].filter(Boolean).join(" ")}` : ""}
            <span className="block text-muted">
              {request.family.guardians
                .map(
                  (guardian) =>
                    `${guardian.firstName} ${guardian.lastName} (${guardian.profession || "profession non renseignée"})`,
                )
                .join(" ; ")}
            </span>
          </dd>
          <dt className="font-semibold">Enfant</dt>
          <dd>
            {request.child
              ? `${request.childLabel}, né(e) le ${formatDay(dateToDay(request.child.birthDate))}`
              : `Enfant à naître${request.unbornFirstName ? ` (${request.unbornFirstName})` : ""}, naissance prévue le ${
                  request.birthDay ? formatDay(request.birthDay) : "?"
                }`}
          </dd>
          <dt className="font-semibold">Entrée souhaitée</dt>
          <dd>
            {formatDay(wished)} ({AGE_GROUP_LABELS[request.ageGroup]})
          </dd>
          <dt className="font-semibold">Crèches demandées</dt>
          <dd>
            <ol className="list-decimal pl-5">
              {request.choices.map((choice) => (
                <li key={choice.creche.id}>
                  {choice.creche.name}
                  {choice.waitingPosition ? ` – liste d'attente, position ${choice.waitingPosition}` : ""}
                </li>
              ))}
            </ol>
          </dd>
          <dt className="font-semibold">Planning souhaité</dt>
          <dd>{formatWeeklySchedule(request.schedule) || "Non renseigné"}</dd>
          <dt className="font-semibold">Commentaires</dt>
          <dd className="whitespace-pre-line">{request.comments || "Aucun"}</dd>
          {request.status === "PLACE_OFFERED" || request.status === "ACCEPTED" ? (
            <>
              <dt className="font-semibold">Place proposée</dt>
              <dd>
                {request.offeredCreche?.name} du {request.offeredStartDate ? formatDay(dateToDay(request.offeredStartDate)) : "?"}{" "}
                au {request.offeredEndDate ? formatDay(dateToDay(request.offeredEndDate)) : "?"} –{" "}
                {formatWeeklySchedule(request.offeredSchedule)} – {request.offeredAbsenceWeeks ?? 0} semaine(s) d&apos;absence
                {request.offerAnswerBy ? ` – réponse avant le ${formatDay(dateToDay(request.offerAnswerBy))}` : ""}
              </dd>
            </>
          ) : null}
          {request.refusalReason && request.status === "REFUSED" ? (
            <>
              <dt className="font-semibold">Motif du refus</dt>
              <dd>{request.refusalReason}</dd>
            </>
          ) : null}
        </dl>
      </Panel>
      <Panel title="Documents">
        <h3 className="mb-2 font-semibold">Transmis avec la demande</h3>
        <DocumentList documents={request.documents} />
        <h3 className="mt-4 mb-2 font-semibold">Autres documents de la famille</h3>
        <DocumentList documents={request.familyDocuments} />
      </Panel>
      {can("UNDER_REVIEW") || can("WAITING_LIST") || can("PLACE_OFFERED") || can("REFUSED") ? (
        <Panel title="Décisions">
          <div className="space-y-6">
            <div className="flex flex-wrap gap-4">
              {can("UNDER_REVIEW") ? (
                <StaffSimpleDecision
                  action={underReviewAction}
                  target={target}
                  label="Mettre à l'étude"
                  success="La demande est en cours d'étude."
                />
              ) : null}
              {can("WAITING_LIST") ? (
                <StaffSimpleDecision
                  action={waitingListAction}
                  target={target}
                  label="Inscrire en liste d'attente"
                  success="La demande est inscrite en liste d'attente ; la famille est prévenue par e-mail."
                />
              ) : null}
            </div>
            {can("PLACE_OFFERED") ? (
              <section aria-labelledby="offer-title" className="space-y-2">
                <h3 id="offer-title" className="font-semibold">
                  Proposer une place
                </h3>
                <StaffOfferForm
                  action={offerPlaceAction}
                  target={target}
                  creches={request.choices.map((choice) => choice.creche)}
                  defaults={{
                    startDate: wished,
                    endDate: request.birthDay ? defaultContractEnd(request.birthDay) : "",
                    answerBy: addDays(today, ANSWER_DAYS),
                    planning: request.schedule,
                  }}
                />
              </section>
            ) : null}
            {can("REFUSED") ? (
              <section aria-labelledby="refuse-title" className="space-y-2">
                <h3 id="refuse-title" className="font-semibold">
                  Refuser la demande
                </h3>
                <StaffRefuseForm action={refuseRequestAction} target={target} />
              </section>
            ) : null}
          </div>
        </Panel>
      ) : null}
      <Panel title="Historique">
        {request.decisions.length === 0 ? (
          <p className="text-muted">Aucune décision pour l&apos;instant.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {request.decisions.map((decision) => (
              <li key={decision.id}>
                {formatDateTime(decision.decidedAt)} – {DECISION_LABELS[decision.kind]}
                {decision.creche ? ` – ${decision.creche.name}` : ""}
                {decision.startDate ? ` au ${formatDay(dateToDay(decision.startDate))}` : ""}
                {decision.reason ? ` – motif : ${decision.reason}` : ""}
                {decision.sessionId ? (
                  <>
                    {" "}
                    (
                    <Link href={`/admin/petite-enfance/commission/${decision.sessionId}`} className="underline">
                      commission
                    </Link>
                    {decision.score !== null ? `, ${decision.score} points` : ""})
                  </>
                ) : null}
                {decision.by ? ` – ${decision.by.firstName ?? ""} ${decision.by.lastName ?? ""}`.trimEnd() : ""}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DocumentStatus } from "@/components/documents/document-status";
import { UploadDocumentForm } from "@/components/documents/upload-document-form";
import { AttachChildForm, RequestStepButton } from "@/components/early-childhood/family-request-actions";
import { FamilyRequestForm } from "@/components/early-childhood/family-request-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getUploadChoices } from "@/lib/documents/family-documents";
import { loadRequestDocuments } from "@/lib/early-childhood/family-request-documents";
import { getDraftForEdit, getFamilyRequest, getRequestFormChoices } from "@/lib/early-childhood/family-requests";
import { familyEarlyChildhoodRequestTitle } from "@/lib/http/page-titles";
import { parseId, requireId, type TSearchParams } from "@/lib/http/url-params";

import {
  acceptOfferAction,
  attachChildAction,
  cancelRequestAction,
  confirmRequestAction,
  declineOfferAction,
  saveRequestAction,
} from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const title = id ? await familyEarlyChildhoodRequestTitle(getDb(), await parentPage(), id) : null;
  return { title: title ?? "Demande d'inscription en crèche" };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="sm:flex sm:gap-2">
      <dt className="font-semibold">{label} :</dt>
      <dd>{children}</dd>
    </div>
  );
}

// A crèche request of the family (SPEC §7): its state and details, the answer to a place offered,
// the 3-monthly confirmation, the documents to join, « Annuler la demande »; a draft is edited
// here. Another family's id answers 404, as an unknown one.
export default async function FamilyRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const viewer = await parentPage();
  const id = requireId((await params).id);
  const query = await searchParams;
  const db = getDb();
  const request = await getFamilyRequest(db, viewer, id, clock.today());
  if (!request) notFound();
  const [draft, formChoices, documents, uploadChoices] = await Promise.all([
    request.status === "DRAFT" ? getDraftForEdit(db, viewer, id) : null,
    request.status === "DRAFT" ? getRequestFormChoices(db, viewer) : null,
    loadRequestDocuments(db, viewer, { id, unborn: request.unborn }),
    getUploadChoices(db, viewer),
  ]);
  const step = { id: request.id, version: request.version };
  const requestUploadChoices = {
    ...uploadChoices,
    types: uploadChoices.types.filter((type) => documents.typeIds.includes(type.id)),
  };
  const missing = documents.required.filter((document) => document.missing);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Demande d'inscription en crèche – ${request.childLabel}`}
        back={{ href: "/espace/petite-enfance", label: "Mes demandes en crèche" }}
      />
      <div role="status" aria-live="polite">
        {query.envoyee ? (
          <p className="rounded bg-green-100 p-3 font-semibold text-green-900">
            Votre demande a bien été envoyée. Un e-mail de confirmation vous a été adressé.
          </p>
        ) : query.enregistree && request.status === "DRAFT" ? (
          <p className="rounded bg-green-100 p-3 font-semibold text-green-900">
            Votre brouillon est enregistré : vous pouvez le compléter puis l&apos;envoyer.
          </p>
        ) : null}
      </div>

      {request.confirmationDeadline ? (
        <section aria-labelledby="confirmation-title" className="space-y-3 rounded border-2 border-accent bg-amber-50 p-4">
          <h2 id="confirmation-title" className="text-lg font-bold">
            Confirmez votre demande
          </h2>
          <p>
            Votre demande est sur liste d&apos;attente. Confirmez qu&apos;elle vous intéresse toujours avant le{" "}
            {request.confirmationDeadline} : sans réponse, elle sera close.
          </p>
          <RequestStepButton
            action={confirmRequestAction}
            request={step}
            label="Je confirme ma demande"
            successMessage="Merci : votre demande reste sur liste d'attente."
          />
        </section>
      ) : null}

      <Panel title="La demande">
        <dl className="space-y-1">
          <Fact label="État">
            <span className="font-bold">{request.statusLabel}</span>
          </Fact>
          <Fact label="Enfant">{request.childLabel}</Fact>
          {request.expectedBirthOn ? <Fact label="Naissance prévue le">{request.expectedBirthOn}</Fact> : null}
          <Fact label="Date d'entrée souhaitée">{request.wishedStartOn}</Fact>
          <Fact label="Planning souhaité">{request.wishedPlanning}</Fact>
          {request.submittedOn ? <Fact label="Envoyée le">{request.submittedOn}</Fact> : null}
          {request.comments ? <Fact label="Commentaires">{request.comments}</Fact> : null}
        </dl>
        <h3 className="mt-4 font-semibold">Crèches souhaitées, par ordre de préférence</h3>
        <ol className="mt-1 list-decimal space-y-1 pl-6">
          {request.choices.map((choice) => (
            <li key={choice.rank}>
              {choice.creche}
              {choice.positionLabel ? (
                <span className="font-semibold"> — Liste d&apos;attente : {choice.positionLabel}</span>
              ) : null}
            </li>
          ))}
        </ol>
        {request.status === "REFUSED" ? (
          <p className="mt-4 rounded bg-red-50 p-3">
            <span className="font-semibold">Demande refusée.</span>{" "}
            {request.refusalReason ? `Motif : ${request.refusalReason}` : null}
          </p>
        ) : null}
        {request.contract ? (
          <p className="mt-4 rounded bg-green-50 p-3">
            <span className="font-semibold">Place acceptée</span> à {request.contract.creche} du {request.contract.startOn} au{" "}
            {request.contract.endOn} : {request.contract.planning}.
          </p>
        ) : null}
      </Panel>

      {request.offer ? (
        <Panel title="Place proposée">
          <dl className="space-y-1">
            <Fact label="Crèche">{request.offer.creche}</Fact>
            <Fact label="Date d'entrée">{request.offer.startOn}</Fact>
            {request.offer.endOn ? <Fact label="Fin du contrat">{request.offer.endOn}</Fact> : null}
            <Fact label="Planning">{request.offer.planning}</Fact>
            {request.offer.absenceWeeks !== null ? (
              <Fact label="Semaines d'absence prévues par an">{request.offer.absenceWeeks}</Fact>
            ) : null}
            {request.offer.answerBy ? <Fact label="Répondre avant le">{request.offer.answerBy}</Fact> : null}
          </dl>
          {request.offer.open ? (
            <div className="mt-4 flex flex-wrap gap-4">
              <RequestStepButton
                action={acceptOfferAction}
                request={step}
                label="Accepter la place"
                confirmMessage={`Accepter la place à ${request.offer.creche} à partir du ${request.offer.startOn} ? Le contrat d'accueil sera établi.`}
              />
              <RequestStepButton
                action={declineOfferAction}
                request={step}
                variant="danger"
                label="Refuser la place"
                confirmMessage={`Refuser la place à ${request.offer.creche} ? Votre demande sera close et retirée des listes d'attente.`}
              />
            </div>
          ) : (
            <p className="mt-4 font-semibold">Le délai de réponse est dépassé : contactez le Guichet unique.</p>
          )}
        </Panel>
      ) : null}

      {request.unborn && request.cancellable ? (
        <Panel title="Naissance de l'enfant">
          {request.birthCandidates.length > 0 ? (
            <div className="space-y-3">
              <p>Votre enfant est né ? Rattachez-le à la demande : elle le suivra.</p>
              <AttachChildForm action={attachChildAction} request={step} candidates={request.birthCandidates} />
            </div>
          ) : (
            <p>
              Votre enfant est né ? Ajoutez-le à votre famille depuis{" "}
              <Link href="/espace/famille" className="text-brand underline">
                ma fiche famille
              </Link>{" "}
              (ou demandez-le au Guichet unique), puis revenez ici pour le rattacher à la demande.
            </p>
          )}
        </Panel>
      ) : null}

      {draft && formChoices ? (
        <Panel title="Modifier le brouillon">
          <FamilyRequestForm action={saveRequestAction} choices={formChoices} draft={draft} />
        </Panel>
      ) : null}

      <Panel title="Pièces à joindre">
        <div className="space-y-4">
          <ul className="space-y-2">
            {documents.required.map((document) => (
              <li key={document.key} className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{document.label} :</span>
                {document.coveredBy ? (
                  <span>{document.coveredBy}</span>
                ) : document.sent ? (
                  <>
                    <span>{document.sent.name}</span>
                    <DocumentStatus status={document.sent.status} refusalReason={document.sent.refusalReason} />
                  </>
                ) : (
                  <span className="font-semibold text-accent-dark">À fournir</span>
                )}
              </li>
            ))}
          </ul>
          {missing.length > 0 ? (
            <p className="rounded bg-amber-50 p-3">
              {missing.length === 1 ? "Il manque une pièce" : `Il manque ${missing.length} pièces`} : vous pouvez envoyer votre
              demande et les joindre ensuite.
            </p>
          ) : null}
          {requestUploadChoices.types.length > 0 ? (
            <>
              <h3 className="font-semibold">Ajouter une pièce à la demande</h3>
              <UploadDocumentForm
                choices={requestUploadChoices}
                earlyChildhoodRequestId={request.id}
                transport={process.env.UPLOADTHING_TOKEN ? "uploadthing" : "local"}
              />
            </>
          ) : null}
        </div>
      </Panel>

      {request.cancellable ? (
        <RequestStepButton
          action={cancelRequestAction}
          request={step}
          variant="danger"
          label="Annuler la demande"
          confirmMessage="Annuler cette demande d'inscription en crèche ? Elle sera retirée des listes d'attente ; cette action est définitive."
        />
      ) : null}
    </div>
  );
}

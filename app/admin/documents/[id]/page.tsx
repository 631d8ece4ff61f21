import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { DocumentStatus } from "@/components/documents/document-status";
import { ReviewDocumentForm } from "@/components/documents/review-document-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { getDocumentForReview } from "@/lib/documents/review-documents";
import { staffDocumentTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { reviewDocumentAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffDocumentTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Examiner un document – ${subject}` : "Examiner un document" };
}

export default async function ReviewDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const db = getDb();
  const id = parseId((await params).id);
  const document = id ? await getDocumentForReview(db, viewer, id) : null;
  if (!document) notFound();
  const source = `/api/documents/${document.id}`;
  const title = `${document.typeLabel} – ${document.folder} (famille ${document.familyName})`;

  return (
    <div className="space-y-6">
      <PageHeader title={title} back={{ href: "/admin/documents", label: "Retour à la file d'attente" }} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Panel title="Document">
            {/* Each load of the file is written to the audit log by the download route. */}
            {document.mimeType === "application/pdf" ? (
              <iframe src={source} title={`Aperçu : ${title}`} className="h-[70vh] w-full rounded border border-gray-300" />
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- a private file served by our route, not an optimisable asset
              <img
                src={source}
                alt={`Aperçu : ${title}`}
                className="mx-auto max-h-[70vh] max-w-full rounded border border-gray-300"
              />
            )}
            <p className="mt-3">
              <a href={source} target="_blank" rel="noopener" className="text-brand underline hover:no-underline">
                Ouvrir dans un nouvel onglet
              </a>
              {" · "}
              <a href={`${source}?telecharger`} className="text-brand underline hover:no-underline">
                Télécharger
              </a>
            </p>
          </Panel>
        </div>
        <Panel title="Décision">
          <dl className="mb-4 space-y-1 text-sm">
            <div>
              <dt className="inline font-semibold">Transmis le : </dt>
              <dd className="inline">{formatDateTime(document.uploadedAt)}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">Nom donné par la famille : </dt>
              <dd className="inline break-all">{document.name}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">Fichier : </dt>
              <dd className="inline break-all">
                {document.originalName} ({Math.ceil(document.size / 1024)} Ko)
              </dd>
            </div>
            <div>
              <dt className="inline font-semibold">État : </dt>
              <dd className="inline">
                <DocumentStatus status={document.status} refusalReason={document.refusalReason} />
              </dd>
            </div>
          </dl>
          {document.status === "SUBMITTED" ? (
            <ReviewDocumentForm documentId={document.id} action={reviewDocumentAction} />
          ) : (
            <p className="text-muted">
              Ce document a déjà été traité{document.reviewedAt ? ` le ${formatDateTime(document.reviewedAt)}` : ""}.
            </p>
          )}
        </Panel>
      </div>
    </div>
  );
}

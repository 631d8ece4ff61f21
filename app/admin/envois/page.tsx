import type { Metadata } from "next";
import Link from "next/link";

import { MailFailureAlert } from "@/components/admin/mail-failure-alert";
import { Pagination, queryString } from "@/components/admin/pagination";
import { OutboxAnnouncer, ResendMailForm } from "@/components/admin/resend-mail-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseChoice, parsePage, parseText, type TSearchParams } from "@/lib/http/url-params";
import { mailKindLabel } from "@/lib/mail/kind-labels";
import { jobRunsOverview, listOutbox, mailFailureAlert, outboxSummary } from "@/lib/mail/outbox-admin";
import { formatDuration, mailStateLabel, OUTBOX_VIEW_LABELS, OUTBOX_VIEWS, type TOutboxView } from "@/lib/mail/outbox-labels";

import { resendMailAction } from "./actions";

export const metadata: Metadata = { title: "Envois" };

type Props = { searchParams: Promise<TSearchParams> };

const MAX_ERROR = 300;
const shorten = (text: string) => (text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text);

const EMPTY: Record<TOutboxView | "tous", string> = {
  tous: "Aucun e-mail n'a encore été écrit par le portail.",
  "en-attente": "Aucun e-mail en attente d'envoi.",
  "en-echec": "Aucun e-mail en échec.",
  envoyes: "Aucun e-mail envoyé.",
};

export default async function OutboxPage({ searchParams }: Props) {
  const viewer = await adminPage();
  const db = getDb();
  const query = await searchParams;
  const filter = {
    view: parseChoice(query.etat, OUTBOX_VIEWS),
    recipient: parseText(query.q, 200),
    page: parsePage(query.page),
  };
  const [summary, alert, result, jobs] = await Promise.all([
    outboxSummary(db, viewer),
    mailFailureAlert(db, viewer),
    listOutbox(db, viewer, filter),
    jobRunsOverview(db, viewer),
  ]);
  const href = (params: { etat?: string | null; q?: string | null; page?: number }) => `/admin/envois${queryString(params)}`;
  const pageHref = (page: number) => href({ etat: filter.view, q: filter.recipient, page });
  const counts = [
    { view: "en-attente", label: "En attente", count: summary.pending },
    { view: "en-echec", label: "En échec", count: summary.retrying + summary.failed },
    { view: "envoyes", label: "Envoyés", count: summary.sent },
  ] as const;

  return (
    <div className="space-y-6">
      <PageHeader title="Envois" />
      <p className="text-muted">
        Les e-mails du portail partent en arrière-plan : un envoi en échec est réessayé pendant 48 heures (d&apos;abord au bout
        d&apos;une minute, puis de plus en plus espacé), puis abandonné. « Renvoyer » le remet en file pour un nouvel essai
        immédiat.
      </p>
      <MailFailureAlert count={alert.count} since={alert.since} role={viewer.role} showLink={false} />

      <section aria-labelledby="envois-resume" className="space-y-2">
        <h2 id="envois-resume" className="text-lg font-semibold text-brand">
          Résumé
        </h2>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {counts.map((entry) => (
            <li key={entry.view} className="rounded bg-white p-3 shadow">
              <Link href={href({ etat: entry.view })} className="block underline-offset-2 hover:underline">
                <span className="block text-sm text-muted">{entry.label}</span>
                <span className="text-2xl font-bold text-brand">{entry.count}</span>
                {entry.view === "en-echec" && summary.failed > 0 ? (
                  <span className="block text-sm">dont {summary.failed} abandonné(s) après 48 heures</span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
        {summary.oldestFailure ? (
          <p className="text-sm">
            Échec le plus ancien : e-mail écrit le {formatDateTime(summary.oldestFailure.createdAt)} pour{" "}
            {summary.oldestFailure.to}
            {summary.oldestFailure.lastError ? ` (${shorten(summary.oldestFailure.lastError)})` : ""}.
          </p>
        ) : (
          <p className="text-sm">Aucun e-mail en échec.</p>
        )}
      </section>

      <Panel title="E-mails">
        <div className="space-y-4">
          <FilterForm action="/admin/envois" role="search">
            <SelectField
              id="envois-etat"
              label="État"
              name="etat"
              defaultValue={filter.view ?? ""}
              placeholder="Tous"
              options={OUTBOX_VIEWS.map((view) => ({ value: view, label: OUTBOX_VIEW_LABELS[view] }))}
            />
            <TextField
              id="envois-destinataire"
              label="Destinataire"
              name="q"
              type="search"
              defaultValue={filter.recipient ?? ""}
            />
          </FilterForm>
          <p aria-live="polite">
            {result.total} e-mail(s){filter.view ? ` – ${OUTBOX_VIEW_LABELS[filter.view].toLowerCase()}` : ""}
            {filter.recipient ? ` pour « ${filter.recipient} »` : ""}
          </p>
          <OutboxAnnouncer>
            {result.mails.length === 0 ? (
              <p className="text-muted">
                {filter.recipient ? "Aucun e-mail ne correspond à cette recherche." : EMPTY[filter.view ?? "tous"]}
              </p>
            ) : (
              <div role="region" aria-label="Tableau des e-mails" tabIndex={0} className="relative overflow-x-auto">
                <DataTable
                  className="w-full min-w-[56rem] text-left text-sm"
                  look="boxed"
                  caption="E-mails du portail, du plus récent au plus ancien"
                  columns={[
                    "Écrit le",
                    "Destinataire",
                    "Objet",
                    "Type",
                    "État",
                    "Essais",
                    "Prochain essai",
                    "Dernière erreur",
                    "Action",
                  ]}
                >
                  {result.mails.map((mail) => (
                    <tr key={mail.id} className="border-t border-gray-200 align-top">
                      <td className="p-2 whitespace-nowrap">{formatDateTime(mail.createdAt)}</td>
                      <td className="p-2 break-all">{mail.to}</td>
                      <td className="p-2">{mail.subject}</td>
                      <td className="p-2">{mailKindLabel(mail.kind)}</td>
                      <td className="p-2">
                        {mailStateLabel(mail)}
                        {mail.status === "SENT" && mail.sentAt ? (
                          <span className="block text-xs text-muted">le {formatDateTime(mail.sentAt)}</span>
                        ) : null}
                      </td>
                      <td className="p-2">{mail.attempts}</td>
                      <td className="p-2">{mail.status === "PENDING" ? formatDateTime(mail.nextAttemptAt) : "—"}</td>
                      <td className="p-2 break-words">
                        {mail.lastError ? (
                          <>
                            {mail.lastAttemptAt ? (
                              <span className="block text-xs text-muted">le {formatDateTime(mail.lastAttemptAt)}</span>
                            ) : null}
                            {shorten(mail.lastError)}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="p-2">
                        {mail.resendable ? (
                          <ResendMailForm action={resendMailAction} id={mail.id} to={mail.to} subject={mail.subject} />
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
          </OutboxAnnouncer>
          <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} />
        </div>
      </Panel>

      <Panel title="Tâches planifiées">
        <div role="region" aria-label="Tableau des tâches planifiées" tabIndex={0} className="relative overflow-x-auto">
          <DataTable
            className="w-full min-w-[48rem] text-left text-sm"
            look="boxed"
            caption="Tâches d'arrière-plan : dernière exécution et dernier échec de chacune"
            columns={["Tâche", "Dernière exécution", "Durée", "Résultat", "Résumé", "Instance", "Dernier échec"]}
          >
            {jobs.map(({ job, label, lastRun, lastFailure }) => (
              <tr key={job} className="border-t border-gray-200 align-top">
                <th scope="row" className="p-2 text-left font-semibold">
                  {label}
                  <span className="block text-xs font-normal text-muted">{job}</span>
                </th>
                {lastRun ? (
                  <>
                    <td className="p-2 whitespace-nowrap">{formatDateTime(lastRun.startedAt)}</td>
                    <td className="p-2">{lastRun.durationMs === null ? "—" : formatDuration(lastRun.durationMs)}</td>
                    <td className="p-2">{lastRun.ok === null ? "En cours" : lastRun.ok ? "Réussie" : "Échec"}</td>
                    <td className="p-2 break-words">{lastRun.summary ? shorten(lastRun.summary) : "—"}</td>
                    <td className="p-2 break-all">{lastRun.instance || "—"}</td>
                  </>
                ) : (
                  <td className="p-2 text-muted" colSpan={5}>
                    Jamais exécutée
                  </td>
                )}
                <td className="p-2 break-words">
                  {lastFailure ? (
                    <>
                      <span className="block">{formatDateTime(lastFailure.startedAt)}</span>
                      {lastFailure.summary ? shorten(lastFailure.summary) : null}
                    </>
                  ) : (
                    "Aucun"
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Panel>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { BackOfficeSearch } from "@/components/admin/back-office-search";
import { MailFailureAlert } from "@/components/admin/mail-failure-alert";
import { queryString } from "@/components/admin/pagination";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { mailFailureAlert } from "@/lib/mail/outbox-admin";
import { backOfficeTodo } from "@/lib/staff/back-office-home";
import { STAFF_ROLE_LABELS } from "@/lib/staff/role-labels";

export const metadata: Metadata = { title: "Accueil" };

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

export default async function AdminHomePage() {
  const viewer = await staffPage();
  const db = getDb();
  const today = clock.today();
  const [alert, todo] = await Promise.all([mailFailureAlert(db, viewer), backOfficeTodo(db, viewer, today)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Administration</h1>
      <MailFailureAlert count={alert.count} since={alert.since} role={viewer.role} />
      <p>
        Bonjour {viewer.name} ({STAFF_ROLE_LABELS[viewer.role]}).
      </p>
      <BackOfficeSearch />
      <div className="grid gap-6 lg:grid-cols-3">
        <Panel title={`Documents à valider (${todo.documents})`}>
          <p>
            {todo.documents === 0
              ? "Aucune pièce justificative n'attend de vérification."
              : `${plural(todo.documents, "pièce justificative attend", "pièces justificatives attendent")} une vérification.`}
          </p>
          <p className="mt-3">
            <Link href="/admin/documents" className="font-semibold text-brand underline">
              Vérifier les pièces justificatives
            </Link>
          </p>
        </Panel>
        <Panel title={`Demandes en attente (${todo.pendingReservations})`}>
          <p>
            {todo.pendingReservations === 0
              ? "Aucune demande de réservation n'attend de réponse."
              : `${plural(todo.pendingReservations, "réservation", "réservations")} (${plural(
                  todo.pendingLines,
                  "ligne",
                  "lignes",
                )}) ${todo.pendingReservations > 1 ? "attendent" : "attend"} une réponse.`}
          </p>
          {todo.oldestPendingAt ? <p>La plus ancienne date du {formatDateTime(todo.oldestPendingAt)}.</p> : null}
          <p className="mt-3 flex flex-wrap gap-x-4">
            <Link href="/admin/reservations" className="font-semibold text-brand underline">
              Traiter les demandes
            </Link>
            <Link href="/admin/reservations/toutes" className="font-semibold text-brand underline">
              Toutes les réservations
            </Link>
          </p>
        </Panel>
        <Panel title="Listes d'aujourd'hui">
          <p>{formatDay(today)}</p>
          {todo.today.length === 0 ? (
            <p className="text-muted">Aucun enfant inscrit aujourd&apos;hui.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {todo.today.map((establishment) => (
                <li key={establishment.id}>
                  <Link
                    href={`/admin/listes${queryString({ date: today, establishmentId: establishment.id })}`}
                    className="text-brand underline"
                  >
                    {establishment.name}
                  </Link>{" "}
                  : {plural(establishment.lines, "inscription", "inscriptions")}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link href="/admin/listes" className="font-semibold text-brand underline">
              Ouvrir les listes (autres jours, cuisine)
            </Link>
          </p>
        </Panel>
      </div>
    </div>
  );
}

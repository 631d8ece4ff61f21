import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DayCancellationForm } from "@/components/admin/day-cancellation-form";
import { DecisionForms } from "@/components/admin/decision-form";
import { PlacesLeft } from "@/components/admin/reservation-cells";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import * as clock from "@/lib/clock";
import { formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { getReservationForStaff } from "@/lib/reservations/staff-reservations";
import { reservationStateFromLines } from "@/lib/reservations/status";
import { DAY_STATUS_LABELS, STAFF_STATUS_LABELS, stateLabel } from "@/lib/reservations/status-labels";

import { cancelDaysAction, decideReservationAction } from "../actions";

// The title names the reservation (RGAA 8.6); the page reads it again (React's cache does not span the two).
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  const reservation = id ? await getReservationForStaff(getDb(), viewer, id) : null;
  if (!reservation) return { title: "Réservation introuvable" };
  return {
    title: `Réservation n° ${formatReservationNumber(reservation.number)} – ${childName(reservation.child)}`,
  };
}

export default async function StaffReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await staffPage();
  const id = parseId((await params).id);
  if (!id) notFound();
  const reservation = await getReservationForStaff(getDb(), viewer, id);
  if (!reservation) notFound();
  const number = formatReservationNumber(reservation.number);
  const child = childName(reservation.child);
  const today = clock.today();
  const cancellable = reservation.days.filter((line) => line.cancellable && line.day >= today);
  const hasPending = reservation.days.some((line) => line.status === "PENDING");
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Réservation n° ${number} – ${child}`}
        back={{ href: `/admin/familles/${reservation.family.id}`, label: `Famille ${reservation.family.name}` }}
      />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded bg-white p-4 shadow">
        <dt className="font-semibold">Famille</dt>
        <dd>
          <Link href={`/admin/familles/${reservation.family.id}`} className="text-brand underline">
            {reservation.family.name}
          </Link>
        </dd>
        <dt className="font-semibold">Enfant</dt>
        <dd>{child}</dd>
        <dt className="font-semibold">Activité</dt>
        <dd>{reservation.periodTitle}</dd>
        <dt className="font-semibold">État</dt>
        <dd>
          {stateLabel(
            reservationStateFromLines(
              reservation.status,
              reservation.days.map((line) => line.status),
            ),
            STAFF_STATUS_LABELS,
          )}
        </dd>
        <dt className="font-semibold">Demandée</dt>
        <dd>
          le {formatDateTime(reservation.createdAt)} par {reservation.createdBy}
        </dd>
        <LinkedReservation term="Remplace" reservation={reservation.replaces} />
        <LinkedReservation term="Remplacée par" reservation={reservation.replacedBy} />
      </dl>
      <Panel title="Journées">
        <DataTable
          className="w-full text-left"
          caption={`Journées de la réservation n° ${number}`}
          look="ruled"
          columns={["Date", "Unité", "État", "Places libres", "Décision", "Message ou motif"]}
        >
          {reservation.days.map((line) => (
            <tr key={line.id} className="border-b border-gray-200 align-top">
              <td className="py-2 pr-3">{formatDay(line.day)}</td>
              <td className="py-2 pr-3">{line.unit}</td>
              <td className="py-2 pr-3">{DAY_STATUS_LABELS[line.status]}</td>
              <td className="py-2 pr-3">
                <PlacesLeft places={line.places} />
              </td>
              <td className="py-2 pr-3">
                {line.decidedAt ? `le ${formatDateTime(line.decidedAt)}${line.decidedBy ? ` par ${line.decidedBy}` : ""}` : "–"}
              </td>
              <td className="py-2">{line.staffMessage ?? ""}</td>
            </tr>
          ))}
        </DataTable>
        {hasPending ? (
          <div className="mt-4">
            <DecisionForms action={decideReservationAction} reservationId={reservation.id} label="toute la réservation" />
          </div>
        ) : null}
      </Panel>
      <Panel title="Annuler des journées pour la famille">
        <DayCancellationForm
          action={cancelDaysAction}
          reservationId={reservation.id}
          days={cancellable.map((line) => ({
            id: line.id,
            label: `${formatDay(line.day)} – ${line.unit} (${DAY_STATUS_LABELS[line.status]})`,
          }))}
        />
      </Panel>
      <Panel title="Historique des décisions">
        {reservation.history.length === 0 ? (
          <p className="text-muted">Aucune décision du guichet pour l&apos;instant.</p>
        ) : (
          <ol className="space-y-2">
            {reservation.history.map((entry) => (
              <li key={entry.id}>
                <span className="font-semibold">
                  {formatDateTime(entry.at)} – {entry.label}
                </span>{" "}
                par {entry.by}
                {entry.days.length ? ` : ${entry.days.join(", ")}` : ""}
                {entry.message ? ` – « ${entry.message} »` : ""}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}

/** A `dt`/`dd` pair naming another reservation with a link to its page (none when there is none). */
function LinkedReservation({ term, reservation }: { term: string; reservation: { id: string; number: number } | null }) {
  if (!reservation) return null;
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>
        <Link href={`/admin/reservations/${reservation.id}`} className="text-brand underline">
          la réservation n° {formatReservationNumber(reservation.number)}
        </Link>
      </dd>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { DecisionForms } from "@/components/admin/decision-form";
import { Pagination, queryString } from "@/components/admin/pagination";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { ZQueueFilterSchema } from "@/lib/reservations/decision.schema";
import { listPendingLines, listQueueFilters } from "@/lib/reservations/decisions";

import { decideReservationAction } from "./actions";

export const metadata: Metadata = { title: "Réservations en attente" };

export default async function ReservationQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await staffPage();
  const db = getDb();
  const filter = ZQueueFilterSchema.parse(searchParamsText(await searchParams));
  const [queue, options] = await Promise.all([listPendingLines(db, viewer, filter), listQueueFilters(db)]);
  const reservations = new Map<string, typeof queue.lines>();
  for (const line of queue.lines) reservations.set(line.reservation.id, [...(reservations.get(line.reservation.id) ?? []), line]);
  const pageHref = (page: number) => `/admin/reservations${queryString({ ...filter, page })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Réservations en attente de traitement</h1>
      <FilterForm action="/admin/reservations" className="no-print">
        <SelectField
          id="queue-establishment"
          label="Établissement"
          name="establishmentId"
          defaultValue={filter.establishmentId}
          placeholder="Tous"
          options={options.establishments.map((establishment) => ({ value: establishment.id, label: establishment.name }))}
        />
        <SelectField
          id="queue-period"
          label="Période"
          name="periodId"
          defaultValue={filter.periodId}
          placeholder="Toutes"
          options={options.periods.map((period) => ({
            value: period.id,
            label: `${period.establishment.name} – ${period.name}`,
          }))}
        />
        <TextField id="queue-date" label="Date" name="date" type="date" defaultValue={filter.date} />
      </FilterForm>
      <p aria-live="polite">{queue.total} ligne(s) en attente</p>
      {reservations.size === 0 ? <p className="text-muted">Aucune demande en attente.</p> : null}
      <ul className="space-y-4">
        {[...reservations.values()].map((lines) => {
          const reservation = lines[0].reservation;
          return (
            <li key={reservation.id} className="rounded bg-white p-4 shadow">
              <h2 className="text-lg font-bold">
                Réservation n° {formatReservationNumber(reservation.number)} –{" "}
                <Link href={`/admin/familles/${reservation.family.id}`} className="underline">
                  famille {reservation.family.name}
                </Link>{" "}
                – {childName(lines[0].child)}
              </h2>
              <p className="text-muted">
                {reservation.period.activity.name} – {reservation.period.establishment.name} ({reservation.period.name})
              </p>
              <DecisionForms action={decideReservationAction} reservationId={reservation.id} label="toute la réservation" />
              <table className="mt-3 w-full text-left">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Unité</th>
                    <th scope="col">Décision</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.id} className="border-t border-gray-200 align-top">
                      <td className="py-2">{formatDay(line.day)}</td>
                      <td className="py-2">{line.unit.label}</td>
                      <td className="py-2">
                        <DecisionForms
                          action={decideReservationAction}
                          dayId={line.id}
                          label={`le ${formatDay(line.day)} ${line.unit.label}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ul>
      <Pagination page={queue.page} pageCount={queue.pageCount} href={pageHref} />
    </div>
  );
}

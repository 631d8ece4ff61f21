import type { Metadata } from "next";
import Link from "next/link";

import { EstablishmentPeriodFields } from "@/components/admin/establishment-period-fields";
import { Pagination, queryString } from "@/components/admin/pagination";
import { DayRange, ReservationNumberLink } from "@/components/admin/reservation-cells";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { ZReservationSearchSchema } from "@/lib/reservations/staff-reservation.schema";
import { listReservationFilters, listReservationsForStaff } from "@/lib/reservations/staff-reservations";
import { STAFF_STATUS_LABELS, stateLabel } from "@/lib/reservations/status-labels";

export const metadata: Metadata = { title: "Toutes les réservations" };

export default async function AllReservationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await staffPage();
  const db = getDb();
  const filter = ZReservationSearchSchema.parse(searchParamsText(await searchParams));
  const [list, options] = await Promise.all([listReservationsForStaff(db, viewer, filter), listReservationFilters(db)]);
  const pageHref = (page: number) => `/admin/reservations/toutes${queryString({ ...filter, page })}`;
  return (
    <div className="space-y-4">
      <PageHeader title="Toutes les réservations" back={{ href: "/admin/reservations", label: "Demandes en attente" }} />
      <FilterForm action="/admin/reservations/toutes" role="search" className="no-print">
        <TextField
          id="all-number"
          label="N° de réservation"
          name="number"
          inputMode="numeric"
          defaultValue={filter.number}
          className="w-40"
        />
        <EstablishmentPeriodFields
          idPrefix="all"
          options={options}
          establishmentId={filter.establishmentId}
          periodId={filter.periodId}
        />
        <SelectField
          id="all-status"
          label="État"
          name="status"
          defaultValue={filter.status}
          placeholder="Tous"
          options={Object.entries(STAFF_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField id="all-date" label="Un jour réservé le" name="date" type="date" defaultValue={filter.date} />
        <TextField id="all-from" label="Jours du" name="from" type="date" defaultValue={filter.from} />
        <TextField id="all-to" label="au" name="to" type="date" defaultValue={filter.to} />
      </FilterForm>
      <p aria-live="polite">{list.total} réservation(s)</p>
      {list.rows.length === 0 ? (
        <p className="text-muted">Aucune réservation ne correspond à ces critères.</p>
      ) : (
        <DataTable
          className="w-full border-collapse bg-white text-left shadow"
          headClassName="bg-gray-100"
          caption="Réservations, la plus récente d'abord"
          look="boxed"
          columns={["N°", "Famille", "Enfant", "Activité", "Dates", "État"]}
        >
          {list.rows.map((row) => (
            <tr key={row.id} className="border-t border-gray-200">
              <td className="p-2">
                <ReservationNumberLink id={row.id} number={formatReservationNumber(row.number)} />
              </td>
              <td className="p-2">
                <Link href={`/admin/familles/${row.family.id}`} className="underline">
                  {row.family.name}
                </Link>
              </td>
              <td className="p-2">{childName(row.child)}</td>
              <td className="p-2">{row.periodTitle}</td>
              <td className="p-2">
                <DayRange
                  first={row.firstDay ? formatDay(row.firstDay) : null}
                  last={row.lastDay && row.lastDay !== row.firstDay ? formatDay(row.lastDay) : null}
                />{" "}
                ({row.dayCount} ligne
                {row.dayCount > 1 ? "s" : ""})
              </td>
              <td className="p-2">{stateLabel(row.state, STAFF_STATUS_LABELS)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} />
    </div>
  );
}

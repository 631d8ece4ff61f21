import type { Metadata } from "next";
import Link from "next/link";

import { BulkDecisionTable } from "@/components/admin/bulk-decision-table";
import { EstablishmentPeriodFields } from "@/components/admin/establishment-period-fields";
import { Pagination, queryString } from "@/components/admin/pagination";
import { FilterForm } from "@/components/ui/filter-form";
import { TextField } from "@/components/ui/form/text-field";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { ZQueueFilterSchema } from "@/lib/reservations/decision.schema";
import { listPendingLines, listQueueFilters } from "@/lib/reservations/decisions";
import { periodTitle } from "@/lib/reservations/period-rules";

import { decideLinesAction } from "./actions";

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
  const pageHref = (page: number) => `/admin/reservations${queryString({ ...filter, page })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Réservations en attente de traitement</h1>
      <FilterForm action="/admin/reservations" className="no-print">
        <EstablishmentPeriodFields
          idPrefix="queue"
          options={options}
          establishmentId={filter.establishmentId}
          periodId={filter.periodId}
        />
        <TextField id="queue-date" label="Date" name="date" type="date" defaultValue={filter.date} />
      </FilterForm>
      <p aria-live="polite">
        {queue.total} ligne(s) en attente.{" "}
        <Link href="/admin/reservations/toutes" className="text-brand underline">
          Toutes les réservations
        </Link>
      </p>
      {/* Always mounted: the summary of a decision stays on screen when it emptied the queue. */}
      <BulkDecisionTable
        action={decideLinesAction}
        lines={queue.lines.map((line) => ({
          id: line.id,
          day: formatDay(line.day),
          unit: line.unit.label,
          reservationId: line.reservation.id,
          reservationNumber: formatReservationNumber(line.reservation.number),
          familyId: line.reservation.family.id,
          familyName: line.reservation.family.name,
          childName: childName(line.child),
          activity: periodTitle(line.reservation.period),
          places: line.places,
        }))}
      />
      <Pagination page={queue.page} pageCount={queue.pageCount} href={pageHref} />
    </div>
  );
}

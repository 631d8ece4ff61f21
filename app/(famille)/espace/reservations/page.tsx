import type { Metadata } from "next";
import Link from "next/link";

import { ReservationSearchForm } from "@/components/reservations/reservation-search-form";
import { ReservationsTable } from "@/components/reservations/reservations-table";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readPageSize } from "@/lib/http/page-size";
import { parseChoice, parseId, parsePage, parseText, type TSearchParams } from "@/lib/http/url-params";
import { listReservations, reservationSearchOptions } from "@/lib/reservations/reservations-query";
import { STATUS_LABELS, type ReservationStateName } from "@/lib/reservations/status-labels";

export const metadata: Metadata = { title: "Mes réservations" };

// CONSULTATION DES RÉSERVATIONS: the search form and the whole table, 5, 10 or 25 per page (the session's choice). A filter
// that is not one (a malformed id, an unknown status) is left out, as if absent.
export default async function ReservationsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await parentPage();
  const query = await searchParams;
  const search = {
    enfant: parseId(query.enfant) ?? undefined,
    etablissement: parseId(query.etablissement) ?? undefined,
    periode: parseText(query.periode) ?? undefined,
    etat: parseChoice(query.etat, Object.keys(STATUS_LABELS) as ReservationStateName[]) ?? undefined,
  };
  const filters = {
    childId: search.enfant,
    establishmentId: search.etablissement,
    periodName: search.periode,
    status: search.etat,
  };
  const db = getDb();
  const pageSize = await readPageSize();
  const [list, options] = await Promise.all([
    listReservations(db, viewer, filters, parsePage(query.page), pageSize),
    reservationSearchOptions(db, viewer),
  ]);
  const searchQuery = (page?: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) {
      if (value) params.set(key, value);
    }
    if (page) params.set("page", String(page));
    return params.toString();
  };
  const pageHref = (page: number) => `/espace/reservations?${searchQuery(page)}`;
  const returnTo = searchQuery() ? `/espace/reservations?${searchQuery()}` : "/espace/reservations";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Mes réservations</h1>
      <Panel
        title="Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances"
        actions={
          <Link href="/espace/reservations/nouvelle" className="rounded bg-white px-3 py-1 text-sm font-bold text-brand">
            Nouvelle réservation
          </Link>
        }
      >
        <div className="space-y-4">
          <ReservationSearchForm options={options} values={search} />
          <ReservationsTable {...list} pageHref={pageHref} returnTo={returnTo} />
        </div>
      </Panel>
      <Link href="/espace" className="inline-block rounded border border-brand px-5 py-2 font-bold text-brand">
        Retour à mon espace
      </Link>
    </div>
  );
}

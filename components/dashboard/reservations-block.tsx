import Link from "next/link";

import { ReservationsTable } from "@/components/reservations/reservations-table";
import { Panel } from "@/components/ui/panel";
import type { ReservationList } from "@/lib/reservations/reservations-query";

/** ACCUEIL DE LOISIRS / PÉRISCOLAIRE / RESTAURATION / JEUNESSE / SPORTS VACANCES: the latest reservations, as many as the session's « Afficher [n] éléments / page » (the page loads them). */
export function ReservationsBlock({ list }: { list: ReservationList }) {
  return (
    <Panel
      title="Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances"
      actions={
        <span className="flex flex-wrap gap-2">
          <Link href="/espace/reservations/nouvelle" className="rounded bg-white px-3 py-1 text-sm font-bold text-brand">
            Nouvelle réservation
          </Link>
          <Link href="/espace/reservations" className="rounded border border-white px-3 py-1 text-sm font-bold text-white">
            Rechercher
          </Link>
        </span>
      }
    >
      <ReservationsTable {...list} pageHref={(page) => `/espace/reservations?page=${page}`} returnTo="/espace" />
    </Panel>
  );
}

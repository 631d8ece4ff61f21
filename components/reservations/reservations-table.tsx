import Link from "next/link";

import { CardCell, cardLinkClassName, CardRow } from "@/components/ui/card-table";
import { PagedCardTable } from "@/components/ui/paged-card-table";
import type { ReservationListItem } from "@/lib/reservations/reservations-query";

import { StateBadge } from "./status-icon";

type Props = {
  items: ReservationListItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** Builds the link of another page (keeps the search). */
  pageHref: (page: number) => string;
  /** The page the « Afficher [n] éléments / page » choice goes back to (its search kept). */
  returnTo: string;
};

const COLUMNS = ["N°", "Référent", "Établissement / Période", "Créé le ... Réservation du ... au ...", "État", "Voir"];

/** The guide's table (one card per reservation on a phone, the state first, the whole card the link to it): N°, Référent, Établissement / Période, Créé le … / Réservation du … au …, État, Voir. */
export function ReservationsTable({ items, total, page, pages, pageSize, pageHref, returnTo }: Props) {
  return (
    <PagedCardTable
      list={{ total, page, pages, pageSize, shown: items.length }}
      empty="Aucune réservation."
      label="Tableau des réservations"
      navLabel="Pages des réservations"
      caption="Vos réservations, de la plus récente à la plus ancienne"
      columns={COLUMNS}
      tableClassName="sm:min-w-[40rem]"
      pageHref={pageHref}
      returnTo={returnTo}
    >
      {items.map((item) => (
        <CardRow key={item.id}>
          <CardCell label="N°" className="font-mono">
            {item.number}
          </CardCell>
          <CardCell label="Référent">{item.childName}</CardCell>
          <CardCell label="Établissement / Période">
            {item.establishment} / {item.periodLabel}
          </CardCell>
          <CardCell label="Créé le">
            {item.createdAt}
            {item.firstDate ? (
              <>
                <br />
                Du {item.firstDate} au {item.lastDate}
              </>
            ) : null}
          </CardCell>
          <CardCell label="État" first>
            <StateBadge state={item.state} />
          </CardCell>
          <CardCell>
            <Link
              href={`/espace/reservations/${item.id}`}
              className={`text-brand underline ${cardLinkClassName}`}
              aria-label={`Voir la réservation n° ${item.number}`}
            >
              <span aria-hidden="true">🔍 </span>Voir
            </Link>
          </CardCell>
        </CardRow>
      ))}
    </PagedCardTable>
  );
}

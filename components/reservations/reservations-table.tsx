import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { PageLinks } from "@/components/ui/page-links";
import type { ReservationListItem } from "@/lib/reservations/reservations-query";

import { StatusIcon } from "./status-icon";

type Props = {
  items: ReservationListItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** Builds the link of another page (keeps the search). */
  pageHref: (page: number) => string;
};

/** The guide's table: N°, Référent, Établissement / Période, Créé le … / Réservation du … au …, État, Voir. */
export function ReservationsTable({ items, total, page, pages, pageSize, pageHref }: Props) {
  if (total === 0) return <p className="text-muted">Aucune réservation.</p>;
  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  return (
    <div className="space-y-3">
      <div role="region" aria-label="Tableau des réservations" tabIndex={0} className="relative overflow-x-auto">
        <DataTable
          className="w-full min-w-[40rem] border-collapse text-left text-sm"
          caption="Vos réservations, de la plus récente à la plus ancienne"
          look="brand"
          columns={["N°", "Référent", "Établissement / Période", "Créé le ... Réservation du ... au ...", "État", "Voir"]}
        >
          {items.map((item) => (
            <tr key={item.id} className="border-b border-gray-200 align-top">
              <td className="px-2 py-2 font-mono">{item.number}</td>
              <td className="px-2 py-2">{item.childName}</td>
              <td className="px-2 py-2">
                {item.establishment} / {item.periodLabel}
              </td>
              <td className="px-2 py-2">
                {item.createdAt}
                {item.firstDate ? (
                  <>
                    <br />
                    Du {item.firstDate} au {item.lastDate}
                  </>
                ) : null}
              </td>
              <td className="px-2 py-2 text-center">
                <StatusIcon status={item.status} />
              </td>
              <td className="px-2 py-2">
                <Link
                  href={`/espace/reservations/${item.id}`}
                  className="text-brand underline"
                  aria-label={`Voir la réservation n° ${item.number}`}
                >
                  <span aria-hidden="true">🔍 </span>Voir
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      <nav aria-label="Pages des réservations" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          Afficher {pageSize} éléments / page (de {from} à {to} sur {total} éléments)
        </p>
        {pages > 1 ? (
          <p className="flex gap-3">
            <PageLinks page={page} pageCount={pages} href={pageHref} linkClassName="text-brand underline" />
          </p>
        ) : null}
      </nav>
    </div>
  );
}

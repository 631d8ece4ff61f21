import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { BackOfficeSearch } from "@/components/admin/back-office-search";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { STAFF_STATUS_LABELS, stateLabel } from "@/lib/reservations/status-labels";
import { searchBackOffice } from "@/lib/staff/back-office-home";

export const metadata: Metadata = { title: "Recherche – Administration" };

export default async function BackOfficeSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await staffPage();
  const query = (searchParamsText(await searchParams).q ?? "").slice(0, 100);
  const found = await searchBackOffice(getDb(), viewer, query);
  const total = found.reservations.length + found.families.length + found.children.length;
  return (
    <div className="space-y-4">
      <PageHeader title="Recherche" back={{ href: "/admin", label: "Retour à l'accueil de l'administration" }} />
      <BackOfficeSearch query={query} />
      <p aria-live="polite">{query ? `${total} résultat(s) pour « ${query} »` : "Saisissez un nom ou un numéro."}</p>
      <ResultPanel
        title="Réservations"
        items={found.reservations}
        render={(reservation) => (
          <>
            <Link href={`/admin/reservations/${reservation.id}`} className="font-semibold text-brand underline">
              Réservation n° {formatReservationNumber(reservation.number)}
            </Link>{" "}
            – famille {reservation.family.name} – {childName(reservation.child)} –{" "}
            {stateLabel(reservation.state, STAFF_STATUS_LABELS)}
          </>
        )}
      />
      <ResultPanel
        title="Familles"
        items={found.families}
        render={(family) => (
          <>
            <Link href={`/admin/familles/${family.id}`} className="font-semibold text-brand underline">
              Famille {family.name}
            </Link>
            {family.city ? ` – ${family.city}` : ""}
          </>
        )}
      />
      <ResultPanel
        title="Enfants"
        items={found.children}
        render={(child) => (
          <>
            <Link href={`/admin/familles/${child.family.id}`} className="font-semibold text-brand underline">
              {childName(child)}
            </Link>{" "}
            – famille {child.family.name}
          </>
        )}
      />
      {query && total === 0 ? (
        <p className="text-muted">
          Aucun résultat. Essayez le nom de la famille, le prénom ou le nom de l&apos;enfant, ou le numéro de réservation.{" "}
          <Link href="/admin/familles" className="underline">
            Recherche avancée des familles
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** One kind of result in its panel, one line each (nothing when none was found). */
function ResultPanel<T extends { id: string }>({
  title,
  items,
  render,
}: {
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Panel title={title}>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.id}>{render(item)}</li>
        ))}
      </ul>
    </Panel>
  );
}

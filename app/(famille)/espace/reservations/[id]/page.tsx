import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ReservationFacts } from "@/components/reservations/reservation-facts";
import { DayStatus, StateBadge } from "@/components/reservations/status-icon";
import { WizardSteps } from "@/components/reservations/wizard-steps";
import { DataTable } from "@/components/ui/data-table";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { familyReservationTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";
import { dayLabel } from "@/lib/reservations/booking-rules";
import { getReservationDetail } from "@/lib/reservations/reservations-query";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const reservation = id ? await familyReservationTitle(getDb(), await parentPage(), id) : null;
  return { title: reservation ? `${reservation}` : "Réservation" };
}

const button = "inline-block rounded px-5 py-2 font-bold";

// "Voir" from the table, and step 6 of the wizard (?enregistree=1): Demande de réservation
// enregistrée, with the number, date and time, and one state per line.
export default async function ReservationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistree?: string; annulee?: string }>;
}) {
  const viewer = await parentPage();
  const [{ id: idParam }, { enregistree, annulee }] = await Promise.all([params, searchParams]);
  const id = requireId(idParam);
  const reservation = await getReservationDetail(getDb(), viewer, id);
  if (!reservation) notFound();
  const justSaved = enregistree === "1";
  // « Confirmer l'annulation » (every day unticked in Modifier / Annuler) ends here.
  const justCancelled = annulee === "1" && reservation.status === "CANCELLED";

  return (
    <div className="space-y-4">
      {justSaved ? (
        <WizardSteps current={6} selection={`${reservation.period.establishment} / ${reservation.period.name}`} />
      ) : null}
      <h1 className="text-2xl font-bold text-brand">
        {justSaved
          ? "Demande de réservation enregistrée"
          : justCancelled
            ? "Réservation annulée"
            : `Réservation n° ${reservation.number}`}
      </h1>
      {justCancelled ? (
        <p role="status">La réservation n° {reservation.number} a été annulée : toutes ses journées ont été libérées.</p>
      ) : null}
      <ReservationFacts childName={reservation.child.name} period={reservation.period}>
        <li>
          N° de la réservation : <strong>{reservation.number}</strong> (du {reservation.createdAt})
        </li>
        <li>
          État de la réservation : <StateBadge state={reservation.state} />
        </li>
        {reservation.replaces ? (
          <li>
            Remplace la réservation{" "}
            <Link href={`/espace/reservations/${reservation.replaces.id}`} className="text-brand underline">
              n° {reservation.replaces.number}
            </Link>
          </li>
        ) : null}
        {reservation.replacedBy ? (
          <li>
            Remplacée par la réservation{" "}
            <Link href={`/espace/reservations/${reservation.replacedBy.id}`} className="text-brand underline">
              n° {reservation.replacedBy.number}
            </Link>
          </li>
        ) : null}
      </ReservationFacts>
      <DataTable
        className="w-full border-collapse text-left text-sm sm:w-auto"
        caption="Les journées de la réservation et leur état"
        look="brand"
        columns={["Date", "Votre demande", "État"]}
      >
        {reservation.days.map((line) => (
          <tr key={`${line.date}-${line.unitLabel}`} className="border-b border-gray-200">
            <td className="px-2 py-2">{dayLabel(line.date)}</td>
            <td className="px-2 py-2">
              {line.unitLabel} <span className="text-muted">({line.hours})</span>
            </td>
            <td className="px-2 py-2">
              <DayStatus status={line.status} />
              {line.staffMessage ? <span className="block text-xs text-muted">{line.staffMessage}</span> : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {justSaved ? (
        <>
          <p role="status">Votre demande de réservation a bien été prise en compte. Merci.</p>
          {reservation.status === "PENDING" ? (
            <p className="text-sm">La demande de réservation est transmise au service concerné pour validation.</p>
          ) : null}
          <Link
            href={`/espace/reservations/${reservation.id}/terminee`}
            className={`${button} bg-accent text-white hover:bg-accent-dark`}
          >
            Terminer
          </Link>
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Link href="/espace" className={`${button} bg-accent text-white hover:bg-accent-dark`}>
            Retour à mon espace
          </Link>
          {reservation.modifiable ? (
            <>
              <Link
                href={`/espace/reservations/${reservation.id}/modifier`}
                className={`${button} border border-brand text-brand`}
              >
                Modifier / Annuler la réservation
              </Link>
              <Link
                href={`/espace/reservations/${reservation.id}/terminee`}
                className={`${button} border border-brand text-brand`}
              >
                Copier la réservation pour un autre enfant
              </Link>
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}

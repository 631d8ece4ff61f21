import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { familyReservationTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";
import { getReservationDetail } from "@/lib/reservations/reservations-query";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const reservation = id ? await familyReservationTitle(getDb(), await parentPage(), id) : null;
  return { title: reservation ? `Modifier / Annuler – ${reservation}` : "Modifier / Annuler la réservation" };
}

export default async function ModifyReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await parentPage();
  const id = requireId((await params).id);
  const reservation = await getReservationDetail(getDb(), viewer, id);
  if (!reservation) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Modifier / Annuler la réservation n° {reservation.number}</h1>
      <p>
        {reservation.child.name} – {reservation.period.title}
      </p>
      {reservation.modifiable ? (
        <>
          <p role="note" className="rounded border border-amber-600 bg-amber-50 px-3 py-2">
            Si vous poursuivez cette étape, l&apos;ancienne réservation sera automatiquement annulée et remplacée par la nouvelle.
            Vous reviendrez au planning, où vous pourrez modifier ou annuler vos choix en cochant les cases du tableau.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/espace/reservations/${reservation.id}`}
              className="rounded border border-brand px-5 py-2 font-bold text-brand"
            >
              Retour
            </Link>
            <Link
              href={`/espace/reservations/nouvelle/planning?remplace=${reservation.id}`}
              className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark"
            >
              Continuer
            </Link>
          </div>
        </>
      ) : (
        <p>Cette réservation ne peut plus être modifiée (elle est déjà remplacée, annulée ou refusée).</p>
      )}
    </div>
  );
}

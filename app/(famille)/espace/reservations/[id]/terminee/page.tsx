import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CopyForm } from "@/components/reservations/copy-form";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { familyReservationTitle } from "@/lib/http/page-titles";
import { parseId, requireId } from "@/lib/http/url-params";
import { getReservationDetail, reservationSearchOptions } from "@/lib/reservations/reservations-query";

import { copyReservationAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const reservation = id ? await familyReservationTitle(getDb(), await parentPage(), id) : null;
  return { title: reservation ? `Copier pour un autre enfant – ${reservation}` : "Copier la réservation pour un autre enfant" };
}

// After Terminer: "Une fois l'inscription d'un de vos enfants terminée, vous avez la
// possibilité d'effectuer une copie pour un autre enfant."
export default async function FinishedReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await parentPage();
  const id = requireId((await params).id);
  const [reservation, options] = await Promise.all([
    getReservationDetail(getDb(), viewer, id),
    reservationSearchOptions(getDb(), viewer),
  ]);
  if (!reservation) notFound();
  const others = options.children.filter((child) => child.id !== reservation.child.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Réservation n° {reservation.number} terminée</h1>
      <p>
        {reservation.child.name} – {reservation.period.title}
      </p>
      <Panel title="Copier la réservation pour un autre enfant">
        <p className="mb-3">
          Vous avez la possibilité d&apos;effectuer une copie de cette réservation pour un autre enfant : mêmes établissement,
          période et journées ; chaque journée est vérifiée à nouveau pour cet enfant.
        </p>
        <CopyForm reservationId={reservation.id} otherChildren={others} action={copyReservationAction} />
      </Panel>
      <Link href="/espace" className="inline-block rounded border border-brand px-5 py-2 font-bold text-brand">
        Retour à mon espace
      </Link>
    </div>
  );
}

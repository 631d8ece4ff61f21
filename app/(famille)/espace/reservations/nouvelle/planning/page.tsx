import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { BookingWizard } from "@/components/reservations/booking-wizard";
import { parentPage } from "@/lib/auth/session";
import { loadEstimatePricing } from "@/lib/billing/estimate-pricing";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { familyPlanningSubject, familyReservationTitle } from "@/lib/http/page-titles";
import { parseId, type TSearchParams } from "@/lib/http/url-params";
import { toWire } from "@/lib/reservations/planning-wire";
import { getPlanning } from "@/lib/reservations/reservations-query";

import { confirmBookingAction } from "../../actions";

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParams> }): Promise<Metadata> {
  const query = await searchParams;
  const [enfant, periode, remplace] = [parseId(query.enfant), parseId(query.periode), parseId(query.remplace)];
  const viewer = await parentPage();
  if (remplace) {
    const reservation = await familyReservationTitle(getDb(), viewer, remplace);
    return {
      title: reservation ? `Planning – modification de la ${reservation.replace("Réservation", "réservation")}` : "Planning",
    };
  }
  const subject = enfant && periode ? await familyPlanningSubject(getDb(), viewer, { childId: enfant, periodId: periode }) : null;
  return { title: subject ? `Planning – ${subject} – Nouvelle réservation` : "Planning – Nouvelle réservation" };
}

// Step 4 (and 5): the planning of a child on a period, or of the reservation being modified.
export default async function PlanningPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await parentPage();
  const query = await searchParams;
  const [enfant, periode, remplace] = [parseId(query.enfant), parseId(query.periode), parseId(query.remplace)];
  if (query.remplace && !remplace) notFound();
  if (!remplace && (!enfant || !periode)) notFound();
  const db = getDb();
  const planning = await getPlanning(
    db,
    viewer,
    { childId: enfant ?? "", periodId: periode ?? "", replacesId: remplace ?? null },
    clock.now(),
  );
  if (!planning) notFound();
  const pricing = await loadEstimatePricing(db, viewer, planning.period.id);
  const backHref = planning.replaces
    ? `/espace/reservations/${planning.replaces.id}/modifier`
    : `/espace/reservations/nouvelle?enfant=${planning.child.id}`;
  return (
    <BookingWizard
      key={`${planning.child.id}-${planning.period.id}-${remplace ?? ""}`}
      planning={toWire(planning)}
      confirm={confirmBookingAction}
      backHref={backHref}
      pricing={pricing}
    />
  );
}

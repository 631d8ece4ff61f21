import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { WizardSteps } from "@/components/reservations/wizard-steps";
import { parentPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { familyChildName, familyPlanningSubject } from "@/lib/http/page-titles";
import { parseId, requireId, type TSearchParams } from "@/lib/http/url-params";
import { getEligiblePeriods, getPeriodSummary, getWizardChildren } from "@/lib/reservations/reservations-query";

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParams> }): Promise<Metadata> {
  const query = await searchParams;
  const [enfant, periode] = [parseId(query.enfant), parseId(query.periode)];
  if (!enfant) return { title: "Choix de l'enfant – Nouvelle réservation" };
  const viewer = await parentPage();
  if (!periode) {
    const child = await familyChildName(getDb(), viewer, enfant);
    return { title: `Choix de l'établissement et de la période${child ? ` – ${child}` : ""} – Nouvelle réservation` };
  }
  const subject = await familyPlanningSubject(getDb(), viewer, { childId: enfant, periodId: periode });
  return { title: `Votre sélection${subject ? ` – ${subject}` : ""} – Nouvelle réservation` };
}

const TITLE = "Nouvelle réservation - Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports Vacances";
const button = "inline-block rounded px-5 py-2 font-bold";

// Steps 1 to 3 of the guide's wizard, driven by the URL (enfant, periode) so that the
// browser's back button and the Retour links keep the choices made. A child or a period that
// is given but is not an id answers 404, as another family's child does.
export default async function NewReservationPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await parentPage();
  const query = await searchParams;
  const now = clock.now();
  const db = getDb();

  if (!query.enfant) {
    const children = await getWizardChildren(db, viewer);
    return (
      <div className="space-y-4">
        <WizardSteps current={1} />
        <h1 className="text-2xl font-bold text-brand">{TITLE}</h1>
        <p>Choisissez l&apos;enfant concerné par cette inscription.</p>
        {children.length === 0 ? <p className="text-muted">Aucun enfant n&apos;est rattaché à votre famille.</p> : null}
        <ul className="space-y-3">
          {children.map((child) => (
            <li key={child.id} className="rounded-lg bg-white p-4 shadow">
              {child.bookable ? (
                <Link
                  href={`/espace/reservations/nouvelle?enfant=${child.id}`}
                  className="text-lg font-bold text-brand underline"
                >
                  {child.name}
                </Link>
              ) : (
                <div>
                  <p className="text-lg font-bold">{child.name}</p>
                  <p className="text-accent-dark">Réservation impossible : le dossier est incomplet. Il manque :</p>
                  <ul className="list-disc pl-5 text-sm">
                    {child.missing.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                  <Link href={child.complete.href} className="text-sm text-brand underline">
                    {child.complete.label}
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ul>
        <Link href="/espace" className={`${button} border border-brand text-brand`}>
          Retour
        </Link>
      </div>
    );
  }

  const enfant = requireId(query.enfant);

  if (!query.periode) {
    const eligible = await getEligiblePeriods(db, viewer, enfant, now);
    if (!eligible) notFound();
    return (
      <div className="space-y-4">
        <WizardSteps current={2} selection={eligible.child.name} />
        <h1 className="text-2xl font-bold text-brand">Choix de l&apos;établissement et de la période</h1>
        <p>
          Choisissez l&apos;établissement et la période en cliquant sur le service. Seuls les services accessibles à cet enfant
          vous seront proposés.
        </p>
        {eligible.periods.length === 0 ? (
          <p className="rounded bg-white p-4 shadow">
            Aucun service n&apos;est ouvert aux réservations pour {eligible.child.name} en ce moment.
          </p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg bg-white shadow">
            {eligible.periods.map((period) => (
              <li key={period.id}>
                <Link
                  href={`/espace/reservations/nouvelle?enfant=${enfant}&periode=${period.id}`}
                  className="block px-4 py-3 hover:bg-blue-50"
                >
                  <span className="font-bold text-brand underline">{period.establishment}</span>
                  <span className="block text-sm">
                    {period.activity} – {period.name}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Link href="/espace/reservations/nouvelle" className={`${button} border border-brand text-brand`}>
          Retour
        </Link>
      </div>
    );
  }

  const periode = requireId(query.periode);

  const summary = await getPeriodSummary(db, viewer, enfant, periode, now);
  if (!summary) notFound();
  return (
    <div className="space-y-4">
      <WizardSteps current={3} selection={summary.child.name} />
      <h1 className="text-2xl font-bold text-brand">Votre sélection</h1>
      <div className="space-y-2 rounded-lg bg-white p-4 shadow">
        <p className="font-bold">
          {summary.establishment} {summary.activity}
        </p>
        <p>{summary.name}</p>
        <p>
          Du {summary.from} au {summary.to}
        </p>
        <p>Jours d&apos;ouverture : {summary.openWeekdays}</p>
        <p className="font-semibold">Vous avez jusqu&apos;au {summary.lastBookingDay} pour valider vos réservations</p>
        <p>{summary.bookingRule}</p>
        <p>Heure limite : {summary.timeLimit}</p>
        <p className="text-sm text-muted">
          Modification ou annulation : {summary.changeRule.replace("Vous devez ", "")} (heure limite : {summary.changeTimeLimit}).
        </p>
      </div>
      <p>Vous aurez à préciser les dates par la suite.</p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/espace/reservations/nouvelle?enfant=${enfant}`} className={`${button} border border-brand text-brand`}>
          Retour
        </Link>
        <Link
          href={`/espace/reservations/nouvelle/planning?enfant=${enfant}&periode=${periode}`}
          className={`${button} bg-accent text-white hover:bg-accent-dark`}
        >
          Continuer
        </Link>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { ClosureForm } from "@/components/admin/closure-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { getPeriod } from "@/lib/catalogue/catalogue";
import { listClosures } from "@/lib/catalogue/closures";
import { VALIDATION_MODE_DETAIL_LABELS } from "@/lib/catalogue/validation-mode-labels";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { staffPeriodTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";
import { DAY_PART_LABELS } from "@/lib/reservations/day-parts";

import { addClosuresAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffPeriodTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Période ${subject}` : "Période" };
}

const WEEKDAYS = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const euros = (cents: number) => `${(cents / 100).toFixed(2).replace(".", ",")} €`;

export default async function PeriodPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, viewer, id, record: period } = await loadStaffRecord(params, getPeriod);
  const closures = await listClosures(db, viewer, id);
  const ruleText = (rule: typeof period.bookingRule) =>
    rule.kind === "WEEKDAY_OF_PREVIOUS_WEEK"
      ? `avant le ${WEEKDAYS[rule.weekday ?? 1]} de la semaine précédente, ${time(rule.timeOfDay)}`
      : `${rule.daysBefore} jour(s) avant, ${time(rule.timeOfDay)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">
        {period.establishment.name} – {period.name}
      </h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          title="Période"
          actions={
            <Link
              href={`/admin/catalogue/periodes/${period.id}/modifier`}
              className="inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50"
            >
              Modifier la période
            </Link>
          }
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Activité</dt>
            <dd>{period.activity.name}</dd>
            <dt className="font-semibold">Dates</dt>
            <dd>
              {formatDay(dateToDay(period.startDate))} → {formatDay(dateToDay(period.endDate))}
            </dd>
            <dt className="font-semibold">Jours d&apos;ouverture</dt>
            <dd>{period.openWeekdays.map((day) => WEEKDAYS[day]).join(", ")}</dd>
            <dt className="font-semibold">Dernière date de réservation</dt>
            <dd>{period.lastBookingDate ? formatDay(dateToDay(period.lastBookingDate)) : "—"}</dd>
            <dt className="font-semibold">Délai de réservation</dt>
            <dd>{ruleText(period.bookingRule)}</dd>
            <dt className="font-semibold">Délai de modification</dt>
            <dd>{ruleText(period.changeRule)}</dd>
            <dt className="font-semibold">Validation</dt>
            <dd>{VALIDATION_MODE_DETAIL_LABELS[period.validationMode]}</dd>
            <dt className="font-semibold">État</dt>
            <dd>{period.active ? "Active" : "Inactive (non proposée aux familles)"}</dd>
            <dt className="font-semibold">Éligibilité</dt>
            <dd>
              {[
                period.schoolLevels.join(", "),
                period.eligibleSchools.map((entry) => entry.school.name).join(", "),
                period.minAgeYears !== null ? `dès ${period.minAgeYears} ans` : "",
                period.maxAgeYears !== null ? `jusqu'à ${period.maxAgeYears} ans` : "",
              ]
                .filter(Boolean)
                .join(" – ") || "Tous"}
            </dd>
          </dl>
        </Panel>
        <Panel title="Unités et tarifs">
          {period.units.length === 0 ? (
            <p className="text-muted">Aucune unité : les familles ne peuvent rien réserver sur cette période.</p>
          ) : null}
          <ul className="space-y-3">
            {period.units.map((unit) => (
              <li key={unit.id}>
                <p className="font-semibold">
                  <Link href={`/admin/catalogue/unites/${unit.id}`} className="underline">
                    {unit.label}
                  </Link>{" "}
                  ({unit.startTime} – {unit.endTime}) – {unit.capacity} places par jour
                  {unit.dayPart ? ` – ${DAY_PART_LABELS[unit.dayPart].toLowerCase()}` : ""}
                </p>
                <p className="text-sm">
                  {unit.tariffs.map((tariff) => `${tariff.bracket.label} : ${euros(tariff.priceCents)}`).join(" ; ") ||
                    "Aucun tarif"}
                </p>
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-wrap gap-4">
            <Link
              href={`/admin/catalogue/unites/nouvelle?periode=${period.id}`}
              className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-blue-900"
            >
              Ajouter une unité
            </Link>
            <Link href="/admin/catalogue/tranches" className="self-center underline">
              Tranches de quotient familial
            </Link>
          </div>
          <p className="mt-2 text-sm text-muted">
            Cliquez sur une unité pour modifier ses horaires, sa capacité (y compris jour par jour) et ses tarifs.
          </p>
        </Panel>
      </div>
      <Panel title="Fermetures">
        <div className="grid gap-6 lg:grid-cols-2">
          <ClosureForm periodId={period.id} action={addClosuresAction} />
          <div>
            <h3 className="font-semibold">{closures.length} jour(s) de fermeture</h3>
            {closures.length === 0 ? <p className="text-muted">Aucune fermeture.</p> : null}
            <ul className="max-h-96 overflow-y-auto text-sm">
              {closures.map((closure) => (
                <li key={closure.id}>
                  {formatDay(closure.day)} – {closure.reason}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Panel>
    </div>
  );
}

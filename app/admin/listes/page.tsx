import type { Metadata } from "next";
import Link from "next/link";

import { AttendanceButtons } from "@/components/admin/attendance/attendance-buttons";
import { DailyListDateForm, DailyListTitleBar, InvalidDateAlert } from "@/components/admin/daily-list-toolbar";
import { queryString } from "@/components/admin/pagination";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/form/select-field";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-labels";
import { canMarkAttendance } from "@/lib/attendance/correction-window";
import { staffPage } from "@/lib/auth/session";
import { listOpenEstablishments } from "@/lib/catalogue/catalogue";
import * as clock from "@/lib/clock";
import { addDays, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseDay, searchParamsText, type TSearchParams } from "@/lib/http/url-params";
import { classLabel } from "@/lib/lists/class-label";
import { dailyList, dailyListSummary, WHOLE_TOWN_LIST_LIMIT, type DailyListSummary } from "@/lib/lists/daily-list";
import { dietLabel } from "@/lib/lists/list-csv";
import { ZDailyListQuerySchema } from "@/lib/lists/list.schema";

import { markAttendanceAction } from "./actions";

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParams> }): Promise<Metadata> {
  return { title: `Listes du jour – ${formatDay(parseDay((await searchParams).date) ?? clock.today())}` };
}

const listHref = (date: string, establishmentId: string | undefined) => `/admin/listes${queryString({ date, establishmentId })}`;

const leaveAloneLabel = (leaveAlone: boolean | null) => (leaveAlone === null ? "Non renseigné" : leaveAlone ? "Oui" : "Non");

export default async function DailyListsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await staffPage();
  const db = getDb();
  const params = searchParamsText(await searchParams);
  // A date typed by hand in the address that is not one shows today's list, and says so.
  const asked = ZDailyListQuerySchema.safeParse({
    date: params.date || clock.today(),
    establishmentId: params.establishmentId || undefined,
  });
  const query = asked.success ? asked.data : ZDailyListQuerySchema.parse({ date: clock.today(), establishmentId: undefined });
  const [summary, establishments] = await Promise.all([dailyListSummary(db, viewer, query), listOpenEstablishments(db)]);
  const countsOnly = !query.establishmentId && summary.totalAccepted + summary.totalPending > WHOLE_TOWN_LIST_LIMIT;
  const list = countsOnly ? null : await dailyList(db, viewer, query);
  const csvHref = `/api/admin/listes${queryString({ vue: "presence", date: query.date, establishmentId: query.establishmentId })}`;
  const dayHref = (date: string) => listHref(date, query.establishmentId);
  const marking = canMarkAttendance(viewer.role, query.date, clock.today());
  return (
    <div className="space-y-4">
      {asked.success ? null : <InvalidDateAlert />}
      <DailyListTitleBar title={`Listes du jour – ${formatDay(summary.date)}`} csvHref={csvHref}>
        <Link
          href={`/admin/listes/cuisine${queryString({ date: query.date })}`}
          className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
        >
          Repas pour la cuisine
        </Link>
      </DailyListTitleBar>
      <nav aria-label="Autres jours" className="no-print flex flex-wrap gap-3">
        <Link
          href={dayHref(addDays(query.date, -1))}
          className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
        >
          <span aria-hidden="true">← </span>Jour précédent<span className="sr-only"> ({formatDay(addDays(query.date, -1))})</span>
        </Link>
        <Link href={dayHref(clock.today())} className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand">
          Aujourd&apos;hui
        </Link>
        <Link
          href={dayHref(addDays(query.date, 1))}
          className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
        >
          Jour suivant<span className="sr-only"> ({formatDay(addDays(query.date, 1))})</span>
          <span aria-hidden="true"> →</span>
        </Link>
      </nav>
      <DailyListDateForm action="/admin/listes" idPrefix="list" date={query.date}>
        <SelectField
          id="list-establishment"
          label="Établissement"
          name="establishmentId"
          defaultValue={query.establishmentId}
          placeholder="Tous"
          options={establishments.map((establishment) => ({ value: establishment.id, label: establishment.name }))}
        />
      </DailyListDateForm>
      <p>
        Total : <strong>{summary.totalAccepted}</strong> enfant(s) attendu(s)
        {summary.totalPending ? `, ${summary.totalPending} demande(s) en attente de validation (non comptées)` : ""}.
      </p>
      {list ? null : <TownCounts summary={summary} dayHref={(establishmentId) => listHref(query.date, establishmentId)} />}
      <p className="no-print text-sm text-muted">
        Régime et indicateur allergie/PAI seulement ; le détail médical se consulte depuis la fiche famille (consultation
        journalisée).{" "}
        {marking
          ? "Pointez chaque enfant : présent, absent ou absent excusé."
          : query.date > clock.today()
            ? "Le pointage sera possible le jour même."
            : "Le pointage de ce jour ne peut plus être corrigé que par un administrateur."}
      </p>
      {list && list.units.length === 0 ? <p className="text-muted">Aucun enfant inscrit ce jour.</p> : null}
      {list?.units.map((unit) => (
        <section
          key={unit.unitId}
          className="break-inside-avoid rounded bg-white p-4 shadow print:shadow-none"
          aria-labelledby={`unit-${unit.unitId}`}
        >
          <h2 id={`unit-${unit.unitId}`} className="text-lg font-bold">
            {unit.establishment} – {unit.activity} – {unit.label} ({unit.hours})
          </h2>
          <p>
            {unit.accepted.length} / {unit.capacity} place(s)
          </p>
          <DataTable
            className="mt-2 w-full text-left text-sm"
            look="compact"
            columns={[
              "Enfant",
              "Classe",
              "Régime",
              "Allergie / PAI",
              ...(unit.isMeal ? [] : ["Peut récupérer l'enfant", "Part seul"]),
              "Personnes à prévenir",
              { key: "Pointage", label: "Pointage", className: "no-print py-1 pr-2" },
              { key: "Présent", label: "Présent", className: "hidden py-1 pr-2 print:table-cell" },
            ]}
          >
            {unit.accepted.map((child) => (
              <tr key={child.childId} className="border-t border-gray-200 align-top">
                <td className="py-1 pr-2">
                  <Link href={`/admin/reservations/${child.reservationId}`} className="text-brand underline print:no-underline">
                    {child.name}
                  </Link>
                </td>
                <td className="py-1 pr-2">{classLabel(child.schoolLevel, child.schoolClass)}</td>
                <td className="py-1 pr-2">{dietLabel(child.diet)}</td>
                <td className="py-1 pr-2">{child.allergyOrPai ? <strong>⚠ Oui</strong> : "Non"}</td>
                {unit.isMeal ? null : (
                  <>
                    <td className="py-1 pr-2">
                      {child.guardians ? <span className="block">Responsables : {child.guardians}</span> : null}
                      {child.authorisedPersons ? <span className="block">Autorisés : {child.authorisedPersons}</span> : null}
                      {!child.guardians && !child.authorisedPersons ? "Non renseigné" : null}
                    </td>
                    <td className="py-1 pr-2">
                      {child.leaveAlone ? (
                        <strong>{leaveAloneLabel(child.leaveAlone)}</strong>
                      ) : (
                        leaveAloneLabel(child.leaveAlone)
                      )}
                    </td>
                  </>
                )}
                <td className="py-1 pr-2">{child.emergencyContacts}</td>
                <td className="no-print py-1 pr-2">
                  {marking ? (
                    <AttendanceButtons
                      reservationDayId={child.reservationDayId}
                      childName={child.name}
                      status={child.attendance}
                      action={markAttendanceAction}
                    />
                  ) : child.attendance ? (
                    ATTENDANCE_LABELS[child.attendance]
                  ) : (
                    "Non pointé"
                  )}
                </td>
                <td className="hidden py-1 pr-2 print:table-cell">
                  {child.attendance ? ATTENDANCE_LABELS[child.attendance] : <span aria-hidden="true">☐</span>}
                </td>
              </tr>
            ))}
          </DataTable>
          {unit.pending.length ? (
            <>
              <h3 className="mt-3 font-semibold">En attente de validation ({unit.pending.length})</h3>
              <ul className="text-sm">
                {unit.pending.map((child) => (
                  <li key={child.childId}>
                    <Link href={`/admin/reservations/${child.reservationId}`} className="text-brand underline">
                      {child.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}

/** The whole town's day in counts, one row per unit, each establishment a link to its lists. */
function TownCounts({ summary, dayHref }: { summary: DailyListSummary; dayHref: (establishmentId: string) => string }) {
  return (
    <section className="rounded bg-white p-4 shadow print:shadow-none" aria-labelledby="town-counts">
      <h2 id="town-counts" className="text-lg font-bold">
        Effectifs par unité
      </h2>
      <p className="no-print mt-1">
        Plus de {WHOLE_TOWN_LIST_LIMIT} enfants ce jour dans l&apos;ensemble des établissements : choisissez un établissement pour
        afficher ses listes nominatives et pointer. L&apos;export CSV contient toutes les listes.
      </p>
      <DataTable
        className="mt-2 w-full text-left text-sm"
        look="compact"
        columns={["Établissement", "Activité", "Unité", "Attendus / places", "En attente"]}
      >
        {summary.units.map((unit) => (
          <tr key={unit.unitId} className="border-t border-gray-200 align-top">
            <td className="py-1 pr-2">
              <Link href={dayHref(unit.establishmentId)} className="text-brand underline print:no-underline">
                {unit.establishment}
              </Link>
            </td>
            <td className="py-1 pr-2">{unit.activity}</td>
            <td className="py-1 pr-2">
              {unit.label} ({unit.hours})
            </td>
            <td className="py-1 pr-2">
              {unit.accepted} / {unit.capacity}
            </td>
            <td className="py-1 pr-2">{unit.pending}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

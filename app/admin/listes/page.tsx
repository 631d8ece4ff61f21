import type { Metadata } from "next";
import Link from "next/link";

import { DailyListDateForm, DailyListTitleBar, InvalidDateAlert } from "@/components/admin/daily-list-toolbar";
import { queryString } from "@/components/admin/pagination";
import { SelectField } from "@/components/ui/form/select-field";
import { staffPage } from "@/lib/auth/session";
import { listOpenEstablishments } from "@/lib/catalogue/catalogue";
import * as clock from "@/lib/clock";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseDay, searchParamsText, type TSearchParams } from "@/lib/http/url-params";
import { dailyList } from "@/lib/lists/daily-list";
import { dietLabel } from "@/lib/lists/list-csv";
import { ZDailyListQuerySchema } from "@/lib/lists/list.schema";

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParams> }): Promise<Metadata> {
  return { title: `Listes du jour – ${formatDay(parseDay((await searchParams).date) ?? clock.today())}` };
}

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
  const [list, establishments] = await Promise.all([dailyList(db, viewer, query), listOpenEstablishments(db)]);
  const csvHref = `/api/admin/listes${queryString({ vue: "presence", date: query.date, establishmentId: query.establishmentId })}`;
  return (
    <div className="space-y-4">
      {asked.success ? null : <InvalidDateAlert />}
      <DailyListTitleBar title={`Listes du jour – ${formatDay(list.date)}`} csvHref={csvHref}>
        <Link
          href={`/admin/listes/cuisine${queryString({ date: query.date })}`}
          className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
        >
          Repas pour la cuisine
        </Link>
      </DailyListTitleBar>
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
        Total : <strong>{list.totalAccepted}</strong> enfant(s) attendu(s)
        {list.totalPending ? `, ${list.totalPending} demande(s) en attente de validation (non comptées)` : ""}.
      </p>
      <p className="text-sm text-muted">
        Régime et indicateur allergie/PAI seulement ; le détail médical se consulte depuis la fiche famille (consultation
        journalisée).
      </p>
      {list.units.length === 0 ? <p className="text-muted">Aucun enfant inscrit ce jour.</p> : null}
      {list.units.map((unit) => (
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
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Enfant</th>
                <th scope="col">Classe</th>
                <th scope="col">Régime</th>
                <th scope="col">Allergie / PAI</th>
                <th scope="col">Personnes à prévenir</th>
              </tr>
            </thead>
            <tbody>
              {unit.accepted.map((child) => (
                <tr key={child.childId} className="border-t border-gray-200">
                  <td>{child.name}</td>
                  <td>{[child.schoolLevel, child.schoolClass].filter(Boolean).join(" ")}</td>
                  <td>{dietLabel(child.diet)}</td>
                  <td>{child.allergyOrPai ? <strong>⚠ Oui</strong> : "Non"}</td>
                  <td>{child.emergencyContacts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {unit.pending.length ? (
            <>
              <h3 className="mt-3 font-semibold">En attente de validation ({unit.pending.length})</h3>
              <ul className="text-sm">
                {unit.pending.map((child) => (
                  <li key={child.childId}>{child.name}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { loadStaffRecord } from "@/app/admin/load-staff-record";
import { ActionForm } from "@/components/admin/action-form";
import { DayCapacityForm } from "@/components/admin/day-capacity-form";
import { TariffsForm } from "@/components/admin/tariffs-form";
import { DeleteUnitForm, EditUnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listQfBrackets } from "@/lib/catalogue/qf-brackets";
import { bracketRangeLabel, formatEuros, longDayLabel } from "@/lib/catalogue/unit-rules";
import { getUnitForStaff } from "@/lib/catalogue/units";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { staffUnitTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";

import { deleteUnitAction, resetDayCapacityAction, saveTariffsAction, setDayCapacityAction, updateUnitAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffUnitTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `Unité ${subject}` : "Unité" };
}

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, viewer, record: unit } = await loadStaffRecord(params, getUnitForStaff);
  const brackets = await listQfBrackets(db, viewer);
  const prices = new Map(unit.tariffs.map((tariff) => [tariff.bracketId, tariff.priceCents]));
  const periodTitle = `${unit.period.establishment.name} – ${unit.period.name}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Unité ${unit.label} (${unit.startTime} – ${unit.endTime})`}
        back={{ href: `/admin/catalogue/periodes/${unit.period.id}`, label: periodTitle }}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Unité">
          <EditUnitForm
            action={updateUnitAction}
            unit={{
              id: unit.id,
              label: unit.label,
              startTime: unit.startTime,
              endTime: unit.endTime,
              capacity: unit.capacity,
              sortOrder: unit.sortOrder,
              dayPart: unit.dayPart,
            }}
          />
        </Panel>
        <Panel title="Tarifs par tranche de quotient familial">
          {brackets.length === 0 ? (
            <p className="text-muted">
              Aucune tranche de quotient familial n&apos;est définie.{" "}
              <Link href="/admin/catalogue/tranches" className="underline">
                Créer les tranches
              </Link>
            </p>
          ) : (
            <div className="space-y-3">
              <TariffsForm
                action={saveTariffsAction}
                unitId={unit.id}
                brackets={brackets.map((bracket) => ({
                  id: bracket.id,
                  label: bracket.label,
                  range: `QF ${bracketRangeLabel(bracket)}`,
                  price: prices.has(bracket.id) ? formatEuros(prices.get(bracket.id)!) : "",
                }))}
              />
              <p className="text-sm">
                <Link href="/admin/catalogue/tranches" className="underline">
                  Modifier les tranches de quotient familial
                </Link>
              </p>
            </div>
          )}
        </Panel>
      </div>
      <Panel title="Capacité par jour">
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-3">
            <p>
              Capacité habituelle : <strong>{unit.capacity} place(s) par jour</strong>. Fixez ici une autre capacité pour certains
              jours (sortie, effectif réduit…) ; elle ne peut pas descendre sous le nombre de places déjà réservées.
            </p>
            <DayCapacityForm
              action={setDayCapacityAction}
              unitId={unit.id}
              periodLabel={`du ${formatDay(unit.period.startDay)} au ${formatDay(unit.period.endDay)}`}
            />
          </div>
          <div>
            <h3 className="font-semibold">Jours à capacité particulière</h3>
            {unit.overriddenDays.length === 0 ? (
              <p className="text-muted">Aucun : chaque jour suit la capacité de l&apos;unité.</p>
            ) : (
              <div className="max-h-[32rem] overflow-y-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Jours à capacité particulière de l&apos;unité {unit.label}</caption>
                  <thead className="bg-gray-100">
                    <tr>
                      <th scope="col" className="p-2">
                        Date
                      </th>
                      <th scope="col" className="p-2">
                        Réservées / capacité
                      </th>
                      <th scope="col" className="p-2">
                        <span className="sr-only">Action</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.overriddenDays.map((day) => (
                      <tr key={day.day} className="border-t border-gray-200 align-top">
                        <th scope="row" className="p-2 text-left font-normal">
                          {longDayLabel(day.day)}
                        </th>
                        <td className="p-2">
                          {day.booked} / {day.capacity}
                          {day.booked >= day.capacity ? <span className="ml-2 font-semibold">(complet)</span> : null}
                        </td>
                        <td className="p-2">
                          <ActionForm
                            action={resetDayCapacityAction}
                            submitLabel={`Revenir à la capacité de l'unité le ${formatDay(day.day)}`}
                            variant="secondary"
                          >
                            <input type="hidden" name="unitId" value={unit.id} />
                            <input type="hidden" name="date" value={day.day} />
                          </ActionForm>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </div>
      </Panel>
      <Panel title="Supprimer l'unité">
        {unit.reservationDayCount > 0 ? (
          <p>
            Cette unité ne peut pas être supprimée : {unit.reservationDayCount} journée(s) de réservation s&apos;y rapportent et
            l&apos;historique des familles doit être conservé. Pour ne plus la proposer, mettez sa capacité à 0.
          </p>
        ) : (
          <div className="space-y-3">
            <p>
              Aucune réservation ne porte sur cette unité : elle peut être supprimée, avec ses tarifs et ses capacités par jour.
            </p>
            <DeleteUnitForm action={deleteUnitAction} unitId={unit.id} label={unit.label} periodId={unit.period.id} />
          </div>
        )}
      </Panel>
    </div>
  );
}

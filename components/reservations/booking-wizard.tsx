"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";

import { CostEstimate } from "@/components/billing/cost-estimate";
import { DataTable } from "@/components/ui/data-table";
import { SubmitButton } from "@/components/ui/form/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import type { EstimatePricing } from "@/lib/billing/estimate";
import { dayLabel, monthLabel, monthOf } from "@/lib/reservations/booking-rules";
import { DAY_PART_REMINDER, dayPartClashReason, resolveDayPartTicks } from "@/lib/reservations/day-parts";
import { fromWire, type PlanningWire } from "@/lib/reservations/planning-wire";
import type { TBooking } from "@/lib/reservations/reservation.schema";
import type { Planning } from "@/lib/reservations/reservations-query";

import { cellKey, PlanningGrid } from "./planning-grid";
import { ReservationFacts } from "./reservation-facts";
import { WizardSteps } from "./wizard-steps";

type ConfirmResult = { reservationId: string | null; number: string | null; status: string };

type Props = {
  /** The planning in its compact form (lib/reservations/planning-wire.ts). */
  planning: PlanningWire;
  confirm: (input: TBooking) => Promise<ActionResult<ConfirmResult>>;
  /** Where "Retour au choix de la période" goes. */
  backHref: string;
  /** The prices at the family's QF bracket, for the recap's estimated cost (none: not shown). */
  pricing?: EstimatePricing | null;
};

const storageKey = (planning: Planning) =>
  `planning:${planning.child.id}:${planning.period.id}:${planning.replaces?.id ?? "new"}`;

/** Steps 4 (Planning) and 5 (Récapitulatif de votre demande); step 6 is the reservation's page. */
export function BookingWizard({ planning: wire, confirm, backHref, pricing }: Props) {
  const router = useRouter();
  const planning = useMemo(() => fromWire(wire), [wire]);
  const initial = useMemo(
    () =>
      new Set(
        planning.rows.flatMap((row) =>
          row.cells.filter((cell) => cell.checked && cell.kind !== "booked").map((cell) => cellKey(cell.unitId, row.day)),
        ),
      ),
    [planning],
  );
  const editable = useMemo(
    () =>
      new Set(
        planning.rows.flatMap((row) => row.cells.filter((cell) => cell.editable).map((cell) => cellKey(cell.unitId, row.day))),
      ),
    [planning],
  );
  const [selected, setSelected] = useState<Set<string>>(initial);
  const [step, setStep] = useState<"planning" | "recap">("planning");
  const [month, setMonth] = useState(planning.startMonth);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const restored = useRef(false);

  // Back buttons keep what was ticked: the selection survives leaving the planning for the
  // previous steps (sessionStorage, this tab only), and the recap step keeps it in memory.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const saved = window.sessionStorage.getItem(storageKey(planning));
    if (!saved) return;
    try {
      const keys = JSON.parse(saved) as string[];
      // Only boxes the parent may still change come from storage; locked ones keep their state.
      const next = new Set([...initial].filter((key) => !editable.has(key)));
      for (const key of keys) if (editable.has(key)) next.add(key);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring the tab's saved ticks once, after hydration
      setSelected(next);
    } catch {
      window.sessionStorage.removeItem(storageKey(planning));
    }
  }, [planning, initial, editable]);

  useEffect(() => {
    window.sessionStorage.setItem(storageKey(planning), JSON.stringify([...selected]));
  }, [planning, selected]);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const unitLabel = (unitId: string) => planning.units.find((unit) => unit.id === unitId)?.label ?? "";
  const lines = [...selected]
    .map((key) => {
      const [unitId, day] = key.split("|");
      return { unitId, day, unit: unitLabel(unitId) };
    })
    .sort((a, b) => (a.day === b.day ? a.unit.localeCompare(b.unit) : a.day.localeCompare(b.day)));
  const removed = [...initial]
    .filter((key) => !selected.has(key))
    .map((key) => {
      const [unitId, day] = key.split("|");
      return { unitId, day, unit: unitLabel(unitId) };
    });
  const added = lines.filter((line) => !initial.has(cellKey(line.unitId, line.day)));
  const modifying = Boolean(planning.replaces);

  const [dayPartMessage, setDayPartMessage] = useState("");
  const partOf = (unitId: string) => planning.units.find((unit) => unit.id === unitId)?.dayPart ?? null;

  /** Every change of the ticks: a journée and a demi-journée of the same date exclude each other. */
  function select(next: Set<string>) {
    const resolved = resolveDayPartTicks(selected, next, partOf, editable);
    const describe = (key: string) => {
      const [unitId, day] = key.split("|");
      return { unit: unitLabel(unitId), day: dayLabel(day), part: partOf(unitId) };
    };
    const first = resolved.unticked[0] ?? resolved.refused[0];
    if (first) {
      const ticked = [...next].find((key) => !selected.has(key) && partOf(key.split("|")[0]))!;
      const reason = dayPartClashReason(describe(ticked).part!, describe(first).part!);
      const count = resolved.unticked.length;
      setDayPartMessage(
        resolved.unticked.length > 0
          ? `${count > 1 ? `${count} cases décochées` : `${describe(first).unit} du ${describe(first).day} décoché`} : ${reason}.`
          : `${describe(resolved.refused[0]).unit} du ${describe(resolved.refused[0]).day} non coché : ${reason}.`,
      );
    } else if (next.size !== selected.size) {
      setDayPartMessage("");
    }
    setSelected(resolved.selected);
  }

  function toggle(key: string) {
    if (!editable.has(key)) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    select(next);
  }

  function untickAll() {
    setSelected(new Set([...selected].filter((key) => !editable.has(key))));
  }

  function validatePlanning() {
    if (!modifying && lines.length === 0) {
      setError("Cochez au moins une journée dans le planning.");
      return;
    }
    if (modifying && removed.length === 0 && added.length === 0) {
      setError("Vous n'avez rien modifié : cochez ou décochez au moins une journée.");
      return;
    }
    setError(null);
    setStep("recap");
  }

  function submit() {
    setError(null);
    startTransition(async () => {
      const result = await confirm({
        childId: planning.child.id,
        periodId: planning.period.id,
        replacesId: planning.replaces?.id ?? null,
        days: lines.map((line) => ({ unitId: line.unitId, date: line.day })),
      });
      if (!result.ok) {
        setError(result.error);
        heading.current?.focus();
        return;
      }
      window.sessionStorage.removeItem(storageKey(planning));
      // The reservation's page takes the planning's place in the history: « Retour » does not
      // bring back a planning of days that are now booked. A cancellation (every day unticked)
      // ends on the cancelled reservation's page: this planning, of a reservation no longer
      // active, has nothing left to show.
      if (result.data.reservationId) router.replace(`/espace/reservations/${result.data.reservationId}?enregistree=1`);
      else router.replace(`/espace/reservations/${planning.replaces?.id}?annulee=1`);
    });
  }

  const selection = `${planning.period.establishment} / ${planning.period.name}`;
  const errorBox = (
    <div role="alert" aria-live="assertive">
      {error ? <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{error}</p> : null}
    </div>
  );

  if (step === "recap") {
    // « Modifier / Annuler » with every day unticked cancels the reservation: say so, not « confirmer la réservation ».
    const cancelling = modifying && lines.length === 0;
    return (
      <div className="space-y-4">
        <WizardSteps current={5} selection={selection} />
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-brand">
          {cancelling ? `Annulation de la réservation n° ${planning.replaces?.number}` : "Récapitulatif de votre demande"}
        </h1>
        <ReservationFacts childName={planning.child.name} period={planning.period}>
          {cancelling ? null : (
            <li>
              État de la réservation : <strong>En attente de confirmation</strong>
            </li>
          )}
          {modifying && !cancelling ? (
            <li>
              Remplace la réservation n° <strong>{planning.replaces?.number}</strong>, qui sera annulée
            </li>
          ) : null}
        </ReservationFacts>
        {lines.length > 0 ? (
          <DataTable
            className="w-full border-collapse text-left text-sm sm:w-auto"
            caption="Les journées demandées"
            look="brand"
            columns={["Date", "Votre demande"]}
          >
            {lines.map((line) => (
              <tr key={cellKey(line.unitId, line.day)} className="border-b border-gray-200">
                <td className="px-2 py-2">{dayLabel(line.day)}</td>
                <td className="px-2 py-2">{line.unit}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2">
            Aucune journée n&apos;est cochée : la réservation n° {planning.replaces?.number} sera entièrement annulée.
          </p>
        )}
        {pricing && lines.length > 0 ? <CostEstimate pricing={pricing} units={planning.units} days={lines} /> : null}
        {removed.length > 0 ? (
          <div>
            <h2 className="font-semibold">Journées annulées</h2>
            <ul className="list-disc pl-5">
              {removed.map((line) => (
                <li key={cellKey(line.unitId, line.day)}>
                  {dayLabel(line.day)} – {line.unit}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>Merci de vérifier les informations saisies avant de confirmer {cancelling ? "l'annulation" : "votre réservation"}.</p>
        {errorBox}
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => setStep("planning")}
            className="rounded border border-brand px-5 py-2 font-bold text-brand hover:bg-blue-50"
          >
            Retour au planning
          </button>
          <SubmitButton
            pending={pending}
            label={cancelling ? "Confirmer l'annulation" : "Confirmer la réservation"}
            pendingLabel={cancelling ? "Annulation…" : "Enregistrement…"}
            onClick={submit}
          />
        </div>
      </div>
    );
  }

  const monthIndex = planning.months.indexOf(month);
  const rows = planning.rows.filter((row) => monthOf(row.day) === month);
  return (
    <div className="space-y-4">
      <WizardSteps current={4} selection={selection} />
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-brand">
        Planning – {planning.child.name}
      </h1>
      {modifying ? (
        <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2">
          Modification de la réservation n° {planning.replaces?.number} : cochez ou décochez les journées. Les journées dont le
          délai de modification est dépassé ne peuvent plus changer.
        </p>
      ) : null}
      <p>
        Vous pouvez changer de mois si besoin. Cochez les journées souhaitées avec les horaires correspondants.{" "}
        {planning.period.bookingRule} — heure limite : {planning.period.timeLimit}.
      </p>
      {planning.hasDayParts ? (
        <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2 font-semibold">
          <span aria-hidden="true">! </span>
          {DAY_PART_REMINDER} Le matin et l&apos;après-midi peuvent être réservés ensemble, mais pas avec la journée du même jour.
        </p>
      ) : null}
      <details className="rounded bg-white px-3 py-2 shadow-sm">
        <summary className="cursor-pointer font-semibold">Légende</summary>
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            <span aria-hidden="true">☐</span> case blanche : journée disponible, cochez-la pour la réserver
          </li>
          <li>
            <span aria-hidden="true">☑</span> case cochée : journée demandée ou déjà réservée
          </li>
          <li>
            <span className="rounded bg-gray-200 px-1">case grisée</span> : non réservable — <strong>Complet</strong> (plus de
            place disponible, contactez le service), <strong>Délai dépassé</strong>, <strong>Fermé</strong>,{" "}
            <strong>Non accessible</strong> à cet enfant, <strong>Déjà réservé</strong>, ou{" "}
            <strong>Journée / demi-journée</strong> (l&apos;enfant a déjà la journée, ou une demi-journée, ce jour-là) ; survolez
            la case ou placez-vous dessus pour en lire la raison.
          </li>
          <li>
            <em>Autres enfants</em> : pour information, les réservations de vos autres enfants ce jour-là.
          </li>
        </ul>
      </details>
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          onClick={() => setMonth(planning.months[monthIndex - 1])}
          disabled={monthIndex <= 0}
          className="rounded border border-brand px-3 py-1 text-brand disabled:border-gray-300 disabled:text-gray-500"
        >
          <span aria-hidden="true">‹ </span>Mois précédent
        </button>
        <h2 className="text-lg font-bold capitalize" aria-live="polite">
          {monthLabel(month)}
        </h2>
        <button
          type="button"
          onClick={() => setMonth(planning.months[monthIndex + 1])}
          disabled={monthIndex >= planning.months.length - 1}
          className="rounded border border-brand px-3 py-1 text-brand disabled:border-gray-300 disabled:text-gray-500"
        >
          Mois suivant<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p role="status" className="min-h-5 text-sm font-semibold">
        {dayPartMessage}
      </p>
      <PlanningGrid
        units={planning.units}
        month={month}
        rows={rows}
        allRows={planning.rows}
        selected={selected}
        onToggle={toggle}
        onSelect={select}
        caption={`Planning de ${monthLabel(month)}`}
      />
      <p role="status" className="text-sm">
        {lines.length} journée{lines.length > 1 ? "s" : ""} cochée{lines.length > 1 ? "s" : ""}
      </p>
      {errorBox}
      <div className="flex flex-wrap gap-3">
        <Link href={backHref} className="rounded border border-brand px-5 py-2 font-bold text-brand hover:bg-blue-50">
          Retour au choix de la période
        </Link>
        {modifying ? (
          <button
            type="button"
            onClick={untickAll}
            className="rounded border border-accent px-5 py-2 font-bold text-accent-dark hover:bg-red-50"
          >
            Tout décocher (annuler la réservation)
          </button>
        ) : null}
        <button
          type="button"
          onClick={validatePlanning}
          className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark"
        >
          Valider le planning
        </button>
      </div>
    </div>
  );
}

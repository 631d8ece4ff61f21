"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { TextField } from "@/components/ui/form/text-field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { ZBulkDecisionSchema } from "@/lib/reservations/decision.schema";
import type { BulkDecisionSummary } from "@/lib/reservations/decisions";

/** A pending line as the queue shows it (formatted by the page). */
export type QueueLine = {
  id: string;
  day: string;
  unit: string;
  reservationId: string;
  reservationNumber: string;
  familyId: string;
  familyName: string;
  childName: string;
  activity: string;
  places: { free: number; capacity: number };
};

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** What the agent reads after a bulk decision: what was done, and what another agent had done first. */
function summaryText(summary: BulkDecisionSummary): string {
  const lines = summary.decided.reduce((sum, entry) => sum + entry.lines, 0);
  const verb = summary.decision === "ACCEPTED" ? "acceptée" : "refusée";
  const done = `${plural(lines, `ligne ${verb}`, `lignes ${verb}s`)} dans ${plural(summary.decided.length, "réservation", "réservations")}${
    summary.decided.length
      ? ` (${summary.decided.map((entry) => `n° ${formatReservationNumber(entry.reservationNumber)} – ${entry.familyName}`).join(" ; ")})`
      : ""
  }, familles prévenues par e-mail.`;
  const skipped = summary.skipped.length
    ? ` Déjà traitées par ailleurs, laissées telles quelles : ${summary.skipped
        .map((entry) => `n° ${formatReservationNumber(entry.reservationNumber)}`)
        .join(", ")}.`
    : "";
  return done + skipped;
}

/**
 * The queue at volume: one checkbox per line, « Accepter / Refuser la sélection » (one
 * transaction per reservation on the server), and a short « Accepter » / « Refuser » per line
 * whose date and unit are read out to screen readers.
 */
export function BulkDecisionTable({
  lines,
  action,
}: {
  lines: QueueLine[];
  action: (input: FormData) => Promise<ActionResult<BulkDecisionSummary>>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const [summary, setSummary] = useState<string | null>(null);
  const { result, pending, post } = useCheckedAction(action, ZBulkDecisionSchema, (data) => {
    setSummary(summaryText(data));
    setSelected(new Set());
    setMessage("");
    router.refresh();
  });
  const present = lines.filter((line) => selected.has(line.id)).map((line) => line.id);
  const allTicked = lines.length > 0 && present.length === lines.length;

  function decide(decision: "ACCEPTED" | "REFUSED", dayIds: string[]) {
    if (
      decision === "REFUSED" &&
      !window.confirm(
        `Refuser ${plural(dayIds.length, "ligne", "lignes")} ? Les places seront libérées et les familles prévenues par e-mail.`,
      )
    )
      return;
    const data = new FormData();
    data.set("decision", decision);
    for (const id of dayIds) data.append("dayIds", id);
    data.set("message", message);
    setSummary(null);
    post(data);
  }
  const toggle = (id: string, ticked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (ticked) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
      <div className="space-y-3">
        <div className="flex flex-wrap items-end gap-3 rounded bg-white p-3 shadow">
          <TextField
            id="bulk-message"
            label="Message à la famille (facultatif, joint au refus ou à l'acceptation)"
            name="message"
            value={message}
            onChange={setMessage}
            className="w-96 max-w-full"
          />
          <button
            type="button"
            disabled={pending || present.length === 0}
            onClick={() => decide("ACCEPTED", present)}
            className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60"
          >
            Accepter la sélection ({present.length})
          </button>
          <button
            type="button"
            disabled={pending || present.length === 0}
            onClick={() => decide("REFUSED", present)}
            className="rounded border border-accent-dark bg-white px-4 py-2 font-semibold text-accent-dark hover:bg-red-50 disabled:opacity-60"
          >
            Refuser la sélection ({present.length})
          </button>
          {pending ? <span>Patientez…</span> : null}
        </div>
        <div role="status" aria-live="polite">
          {summary ? <p className="rounded bg-green-100 p-3 text-green-900">{summary}</p> : null}
        </div>
        <ActionError result={result} />
        {lines.length === 0 ? <p className="text-muted">Aucune demande en attente.</p> : null}
        <table hidden={lines.length === 0} className="w-full border-collapse bg-white text-left shadow">
          <caption className="sr-only">Lignes en attente de traitement</caption>
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="p-2">
                <input
                  type="checkbox"
                  aria-label="Sélectionner toutes les lignes de la page"
                  checked={allTicked}
                  onChange={(event) => setSelected(event.target.checked ? new Set(lines.map((line) => line.id)) : new Set())}
                  className="h-5 w-5"
                />
              </th>
              <th scope="col" className="p-2">
                N°
              </th>
              <th scope="col" className="p-2">
                Famille – enfant
              </th>
              <th scope="col" className="p-2">
                Activité
              </th>
              <th scope="col" className="p-2">
                Date
              </th>
              <th scope="col" className="p-2">
                Unité
              </th>
              <th scope="col" className="p-2">
                Places libres
              </th>
              <th scope="col" className="p-2">
                Décision
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              // Read out after the short visible « Accepter »: the line's date and unit (the row gives the rest).
              const spoken = ` le ${line.day} ${line.unit}`;
              return (
                <tr key={line.id} className={`border-t border-gray-200 ${selected.has(line.id) ? "bg-blue-50" : ""}`}>
                  <td className="p-2">
                    <input
                      type="checkbox"
                      aria-label={`Sélectionner${spoken} – ${line.childName}, n° ${line.reservationNumber}`}
                      checked={selected.has(line.id)}
                      onChange={(event) => toggle(line.id, event.target.checked)}
                      className="h-5 w-5"
                    />
                  </td>
                  <td className="p-2">
                    <Link
                      href={`/admin/reservations/${line.reservationId}`}
                      aria-label={`Réservation n° ${line.reservationNumber}`}
                      className="text-brand underline"
                    >
                      {line.reservationNumber}
                    </Link>
                  </td>
                  <td className="p-2">
                    <Link href={`/admin/familles/${line.familyId}`} className="underline">
                      {line.familyName}
                    </Link>{" "}
                    – {line.childName}
                  </td>
                  <td className="p-2">{line.activity}</td>
                  <td className="p-2">{line.day}</td>
                  <td className="p-2">{line.unit}</td>
                  <td className={`relative p-2 ${line.places.free === 0 ? "font-semibold text-accent-dark" : ""}`}>
                    <span aria-hidden="true">
                      {line.places.free}/{line.places.capacity} places
                    </span>
                    <span className="sr-only">
                      {line.places.free} places libres sur {line.places.capacity}
                    </span>
                  </td>
                  <td className="p-2">
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => decide("ACCEPTED", [line.id])}
                        className="relative rounded bg-brand px-3 py-1 font-semibold text-white hover:bg-blue-900 disabled:opacity-60"
                      >
                        Accepter<span className="sr-only">{spoken}</span>
                      </button>
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => decide("REFUSED", [line.id])}
                        className="relative rounded border border-accent-dark bg-white px-3 py-1 font-semibold text-accent-dark hover:bg-red-50 disabled:opacity-60"
                      >
                        Refuser<span className="sr-only">{spoken}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </FieldErrorsProvider>
  );
}

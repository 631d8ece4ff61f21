"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";

import { PlacesLeft, ReservationNumberLink } from "@/components/admin/reservation-cells";
import { DataTable } from "@/components/ui/data-table";
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

// The queue's two decisions, as a large button (the selection) or a small one (a line).
const DECISION_LOOKS = {
  ACCEPTED: "bg-brand text-white hover:bg-blue-900",
  REFUSED: "border border-accent-dark bg-white text-accent-dark hover:bg-red-50",
} as const;
const DECISIONS = ["ACCEPTED", "REFUSED"] as const;
const DECISION_VERBS = { ACCEPTED: "Accepter", REFUSED: "Refuser" } as const;
const SIZES = { large: "px-4 py-2", small: "relative px-3 py-1" } as const;

function DecisionButton({
  decision,
  size,
  disabled,
  onClick,
  children,
}: {
  decision: keyof typeof DECISION_LOOKS;
  size: keyof typeof SIZES;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className={`rounded font-semibold disabled:opacity-60 ${SIZES[size]} ${DECISION_LOOKS[decision]}`}
    >
      {children}
    </button>
  );
}

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
          {DECISIONS.map((decision) => (
            <DecisionButton
              key={decision}
              decision={decision}
              size="large"
              disabled={pending || present.length === 0}
              onClick={() => decide(decision, present)}
            >
              {DECISION_VERBS[decision]} la sélection ({present.length})
            </DecisionButton>
          ))}
          {pending ? <span>Patientez…</span> : null}
        </div>
        <div role="status" aria-live="polite">
          {summary ? <p className="rounded bg-green-100 p-3 text-green-900">{summary}</p> : null}
        </div>
        <ActionError result={result} />
        {lines.length === 0 ? <p className="text-muted">Aucune demande en attente.</p> : null}
        <DataTable
          hidden={lines.length === 0}
          className="w-full border-collapse bg-white text-left shadow"
          headClassName="bg-gray-100"
          caption="Lignes en attente de traitement"
          look="boxed"
          columns={[
            {
              key: "select",
              label: (
                <input
                  type="checkbox"
                  aria-label="Sélectionner toutes les lignes de la page"
                  checked={allTicked}
                  onChange={(event) => setSelected(event.target.checked ? new Set(lines.map((line) => line.id)) : new Set())}
                  className="h-5 w-5"
                />
              ),
            },
            "N°",
            "Famille – enfant",
            "Activité",
            "Date",
            "Unité",
            "Places libres",
            "Décision",
          ]}
        >
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
                  <ReservationNumberLink
                    id={line.reservationId}
                    number={line.reservationNumber}
                    className="text-brand underline"
                  />
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
                  <PlacesLeft places={line.places} />
                </td>
                <td className="p-2">
                  <div className="flex flex-wrap gap-2">
                    {DECISIONS.map((decision) => (
                      <DecisionButton
                        key={decision}
                        decision={decision}
                        size="small"
                        disabled={pending}
                        onClick={() => decide(decision, [line.id])}
                      >
                        {DECISION_VERBS[decision]}
                        <span className="sr-only">{spoken}</span>
                      </DecisionButton>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </FieldErrorsProvider>
  );
}

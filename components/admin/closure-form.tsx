"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { ClosureOutcome } from "@/lib/catalogue/closures";

type Props = { periodId: string; action: (input: FormData) => Promise<ActionResult<ClosureOutcome>> };

const frenchDay = (day: string) => day.split("-").reverse().join("/");

/** Two steps when days are booked: the affected families are shown, then staff confirm. */
export function ClosureForm({ periodId, action }: Props) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<ActionResult<ClosureOutcome> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const submit = (confirm: boolean) => {
    const data = new FormData(formRef.current!);
    data.set("confirm", confirm ? "true" : "false");
    startTransition(async () => {
      const outcome = await action(data);
      setResult(outcome);
      if (outcome.ok && outcome.data.status === "done") {
        formRef.current?.reset();
        router.refresh();
      }
    });
  };
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const affected = result?.ok && result.data.status === "needs-confirmation" ? result.data.affected : null;
  return (
    <form
      method="post"
      ref={formRef}
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <input type="hidden" name="periodId" value={periodId} />
      <div>
        <label htmlFor={`${id}-dates`} className="block font-semibold">
          Dates de fermeture <span aria-hidden="true">*</span>
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">Une date par ligne (ou séparées par des virgules), au format JJ/MM/AAAA.</p>
        <textarea id={`${id}-dates`} name="dates" rows={4} aria-invalid={Boolean(errors?.dates)} aria-describedby={`${id}-hint${errors?.dates ? ` ${id}-dates-error` : ""}`} className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
        {errors?.dates ? <p id={`${id}-dates-error`} className="text-sm text-accent-dark">{errors.dates[0]}</p> : null}
      </div>
      <div>
        <label htmlFor={`${id}-reason`} className="block font-semibold">
          Motif <span aria-hidden="true">*</span>
        </label>
        <input id={`${id}-reason`} name="reason" aria-invalid={Boolean(errors?.reason)} aria-describedby={errors?.reason ? `${id}-reason-error` : undefined} className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
        {errors?.reason ? <p id={`${id}-reason-error`} className="text-sm text-accent-dark">{errors.reason[0]}</p> : null}
      </div>
      {affected ? (
        <div role="alert" className="rounded border border-amber-500 bg-amber-50 p-3">
          <p className="font-semibold">{affected.length} jour(s) réservé(s) seront annulé(s) ; chaque famille sera prévenue par e-mail :</p>
          <ul className="list-disc pl-5">
            {affected.map((line, index) => (
              <li key={index}>
                Famille {line.familyName} – {line.child} – {frenchDay(line.day)} – {line.unit}
              </li>
            ))}
          </ul>
          <button type="button" disabled={pending} onClick={() => submit(true)} className="mt-2 rounded bg-accent-dark px-4 py-2 font-semibold text-white">
            Confirmer la fermeture et annuler {affected.length} réservation(s)
          </button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-70">
          {pending ? "Patientez…" : "Ajouter les fermetures"}
        </button>
        <div role="status" aria-live="polite">
          {result?.ok && result.data.status === "done" ? (
            <p className="text-green-800">
              {result.data.added} fermeture(s) ajoutée(s) ; {result.data.cancelled} réservation(s) annulée(s) ; {result.data.familiesMailed} famille(s) prévenue(s).
            </p>
          ) : null}
        </div>
        {result && !result.ok ? <p role="alert" className="text-accent-dark">{result.error}</p> : null}
      </div>
    </form>
  );
}

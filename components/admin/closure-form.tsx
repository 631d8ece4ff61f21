"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { DateListField, TextField } from "@/components/ui/form/text-field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import { ZClosureImportSchema } from "@/lib/catalogue/closure.schema";
import type { ClosureOutcome } from "@/lib/catalogue/closures";

type Props = { periodId: string; action: (input: FormData) => Promise<ActionResult<ClosureOutcome>> };

const frenchDay = (day: string) => day.split("-").reverse().join("/");

/** Two steps when days are booked: the affected families are shown, then staff confirm. */
export function ClosureForm({ periodId, action }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const { result, pending, post } = useCheckedAction(action, ZClosureImportSchema, (outcome) => {
    if (outcome.status === "done") {
      formRef.current?.reset();
      router.refresh();
    }
  });

  const submit = (confirm: boolean) => {
    const data = new FormData(formRef.current!);
    data.set("confirm", confirm ? "true" : "false");
    post(data);
  };
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const affected = result?.ok && result.data.status === "needs-confirmation" ? result.data.affected : null;
  return (
    <FieldErrorsProvider errors={errors}>
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
        <DateListField name="dates" label="Dates de fermeture" rows={4} required />
        <TextField name="reason" label="Motif" required />
        {affected ? (
          <div role="alert" className="rounded border border-amber-500 bg-amber-50 p-3">
            <p className="font-semibold">
              {affected.length} jour(s) réservé(s) seront annulé(s) ; chaque famille sera prévenue par e-mail :
            </p>
            <ul className="list-disc pl-5">
              {affected.map((line, index) => (
                <li key={index}>
                  Famille {line.familyName} – {line.child} – {frenchDay(line.day)} – {line.unit}
                </li>
              ))}
            </ul>
            <button
              type="button"
              disabled={pending}
              onClick={() => submit(true)}
              className="mt-2 rounded bg-accent-dark px-4 py-2 font-semibold text-white"
            >
              Confirmer la fermeture et annuler {affected.length} réservation(s)
            </button>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-70"
          >
            {pending ? "Patientez…" : "Ajouter les fermetures"}
          </button>
          <div role="status" aria-live="polite">
            {result?.ok && result.data.status === "done" ? (
              <p className="text-green-800">
                {result.data.added} fermeture(s) ajoutée(s) ; {result.data.cancelled} réservation(s) annulée(s) ;{" "}
                {result.data.familiesMailed} famille(s) prévenue(s).
              </p>
            ) : null}
          </div>
          <ActionError result={result} />
        </div>
      </form>
    </FieldErrorsProvider>
  );
}

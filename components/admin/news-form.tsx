"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/auth/action";

type Props = { action: (input: FormData) => Promise<ActionResult<{ id: string }>> };
type State = ActionResult<{ id: string }> | null;

export function NewsForm({ action }: Props) {
  const id = useId();
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, formData) => action(formData), null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-title`} className="block font-semibold">
          Titre <span aria-hidden="true">*</span>
        </label>
        <input
          id={`${id}-title`}
          name="title"
          required
          aria-invalid={Boolean(fieldError("title"))}
          aria-describedby={fieldError("title") ? `${id}-title-error` : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2"
        />
        {fieldError("title") ? (
          <p id={`${id}-title-error`} className="mt-1 text-sm text-accent-dark">
            {fieldError("title")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block font-semibold">
          Texte <span aria-hidden="true">*</span>
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          required
          aria-invalid={Boolean(fieldError("body"))}
          aria-describedby={fieldError("body") ? `${id}-body-error` : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2"
        />
        {fieldError("body") ? (
          <p id={`${id}-body-error`} className="mt-1 text-sm text-accent-dark">
            {fieldError("body")}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <input id={`${id}-published`} name="published" type="checkbox" defaultChecked className="h-5 w-5" />
        <label htmlFor={`${id}-published`}>Publier maintenant sur la page d&apos;accueil</label>
      </div>
      <div role="status" aria-live="polite">
        {state?.ok ? <p className="text-green-800">L&apos;actualité a été enregistrée.</p> : null}
        {state && !state.ok ? <p className="text-accent-dark">{state.error}</p> : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
      >
        {pending ? "Enregistrement…" : "Enregistrer"}
      </button>
    </form>
  );
}

"use client";

import { useActionState, useId } from "react";
import { ActionForm } from "@/components/admin/action-form";
import { FormTextField } from "@/components/admin/form-text-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/auth/action";

type Props = { action: (input: FormData) => Promise<ActionResult<{ id: string }>> };
type State = ActionResult<{ id: string }> | null;

export function NewsForm({ action }: Props) {
  const id = useId();
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, formData) => action(formData), null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="title" label="Titre" error={fieldError("title")} required />
      <TextField name="body" label="Texte" multiline error={fieldError("body")} required />
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

/** Corrects the title and text of an existing news item (its publication is left as it is). */
export function EditNewsForm({ action, news }: { action: (input: FormData) => Promise<ActionResult<unknown>>; news: { id: string; title: string; body: string } }) {
  return (
    <ActionForm action={action} submitLabel={`Enregistrer « ${news.title} »`} successMessage="L'actualité a été modifiée.">
      <input type="hidden" name="id" value={news.id} />
      <FormTextField name="title" label="Titre" defaultValue={news.title} required />
      <FormTextField name="body" label="Texte" multiline defaultValue={news.body} required />
    </ActionForm>
  );
}

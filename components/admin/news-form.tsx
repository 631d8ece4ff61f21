"use client";

import { useActionState } from "react";

import { ActionForm } from "@/components/admin/action-form";
import { CheckboxField } from "@/components/ui/form/choice-fields";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZNewsSchema, ZNewsUpdateSchema } from "@/lib/content/news.schema";
import { checkFormData } from "@/lib/validation/form-data";

type Props = { action: (input: FormData) => Promise<ActionResult<{ id: string }>> };
type State = ActionResult<{ id: string }> | null;

export function NewsForm({ action }: Props) {
  // The action's own schema first (same messages); the server still decides.
  const [state, formAction, pending] = useActionState<State, FormData>(
    (_previous, formData) => checkFormData(ZNewsSchema, formData) ?? action(formData),
    null,
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
        <TextField name="title" label="Titre" required />
        <TextField name="body" label="Texte" multiline rows={5} required />
      </FieldErrorsProvider>
      <CheckboxField name="published" label="Publier maintenant sur la page d'accueil" defaultChecked />
      <div role="status" aria-live="polite">
        {state?.ok ? <p className="text-green-800">L&apos;actualité a été enregistrée.</p> : null}
        {state && !state.ok ? <p className="text-accent-dark">{state.error}</p> : null}
      </div>
      <SubmitButton pending={pending} label="Enregistrer" pendingLabel="Enregistrement…" />
    </form>
  );
}

/** Corrects the title and text of an existing news item (its publication is left as it is). */
export function EditNewsForm({
  action,
  news,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  news: { id: string; title: string; body: string };
}) {
  return (
    <ActionForm
      action={action}
      schema={ZNewsUpdateSchema}
      submitLabel={`Enregistrer « ${news.title} »`}
      successMessage="L'actualité a été modifiée."
    >
      <input type="hidden" name="id" value={news.id} />
      <TextField name="title" label="Titre" defaultValue={news.title} required />
      <TextField name="body" label="Texte" multiline rows={5} defaultValue={news.body} required />
    </ActionForm>
  );
}

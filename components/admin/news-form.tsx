"use client";

import { CheckboxField } from "@/components/ui/form/choice-fields";
import { ActionForm } from "@/components/admin/action-form";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZNewsSchema, ZNewsUpdateSchema } from "@/lib/content/news.schema";

type Props = { action: (input: FormData) => Promise<ActionResult<{ id: string }>> };

export function NewsForm({ action }: Props) {
  return (
    <ActionForm action={action} schema={ZNewsSchema} submitLabel="Enregistrer" successMessage="L'actualité a été enregistrée." resetOnSuccess className="space-y-4">
      <TextField name="title" label="Titre" required />
      <TextField name="body" label="Texte" multiline rows={5} required />
      <CheckboxField name="published" label="Publier maintenant sur la page d'accueil" defaultChecked />
    </ActionForm>
  );
}

/** Corrects the title and text of an existing news item (its publication is left as it is). */
export function EditNewsForm({ action, news }: { action: (input: FormData) => Promise<ActionResult<unknown>>; news: { id: string; title: string; body: string } }) {
  return (
    <ActionForm action={action} schema={ZNewsUpdateSchema} submitLabel={`Enregistrer « ${news.title} »`} successMessage="L'actualité a été modifiée.">
      <input type="hidden" name="id" value={news.id} />
      <TextField name="title" label="Titre" defaultValue={news.title} required />
      <TextField name="body" label="Texte" multiline rows={5} defaultValue={news.body} required />
    </ActionForm>
  );
}

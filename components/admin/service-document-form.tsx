"use client";

import type { ActionResult } from "@/lib/auth/action";
import { SERVICE_DOCUMENT_KIND_CHOICES } from "@/lib/content/service-document-labels";
import { ActionForm, Field, FileField } from "./action-form";

export function ServiceDocumentForm({ action, activities }: { action: (input: FormData) => Promise<ActionResult<unknown>>; activities: { id: string; name: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Publier le document" successMessage="Le document est en ligne sur la page d'accueil." resetOnSuccess>
      <Field label="Service" name="activityId" options={activities.map((activity) => ({ value: activity.id, label: activity.name }))} />
      <Field
        label="Type"
        name="kind"
        options={SERVICE_DOCUMENT_KIND_CHOICES}
      />
      <Field label="Titre" name="title" required />
      <FileField label="Fichier PDF (1 Mo au plus)" accept="application/pdf" />
    </ActionForm>
  );
}

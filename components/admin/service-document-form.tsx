"use client";

import { FileField } from "@/components/ui/form/file-field";
import { namedOptions, SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { SERVICE_DOCUMENT_KIND_CHOICES } from "@/lib/content/service-document-labels";
import { ZServiceDocumentSchema } from "@/lib/content/service-document.schema";

import { ActionForm } from "./action-form";

export function ServiceDocumentForm({
  action,
  activities,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  activities: { id: string; name: string }[];
}) {
  return (
    <ActionForm
      action={action}
      schema={ZServiceDocumentSchema}
      submitLabel="Publier le document"
      successMessage="Le document est en ligne sur la page d'accueil."
      resetOnSuccess
    >
      <SelectField label="Service" name="activityId" options={namedOptions(activities)} />
      <SelectField label="Type" name="kind" options={SERVICE_DOCUMENT_KIND_CHOICES} />
      <TextField label="Titre" name="title" required />
      <FileField label="Fichier PDF (1 Mo au plus)" accept="application/pdf" />
    </ActionForm>
  );
}
